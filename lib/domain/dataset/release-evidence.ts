/**
 * "New evidence since a release": which statements reached the dataset after a cell was coded, so that coders know
 * which cells to revisit. A position is new evidence for a cell (clause × party) when it is that party's, concerns
 * the clause (or its whole document), is on a dimension among the clause's topics, is not already cited by the
 * assessment, and came with (was added or last changed by) a release newer than the one the cell was coded on.
 */

export type TAppliedRelease = { id: string; appliedAt: Date };

/** A position that concerns a clause of a document (`clauseId`), or the whole document (`clauseId` null). */
export type TEvidenceCandidate = {
  positionId: string;
  partyId: string;
  dimensionId: string;
  date: string;
  releaseId: string;
  clauseId: string | null;
};

export type TNewEvidence = {
  /** The newest release among the new positions: the cell has new evidence since this release. */
  releaseId: string;
  /** The release the cell was coded on. */
  codedOnReleaseId: string;
  /** Newest first (ties by id). */
  positionIds: string[];
};

/**
 * The release a cell was coded on. The reference coding ships with the base release (no later release carries
 * codings yet), so it belongs to the oldest applied release; a researcher's or consensus value belongs to the
 * newest release applied on or before its last change. Null when no release is applied.
 */
export function findCodedOnRelease(
  releases: readonly TAppliedRelease[],
  coderKind: string,
  codedAt: Date | null,
): string | null {
  const ordered = [...releases].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ordered.length === 0) return null;
  if (coderKind === "reference" || !codedAt) return ordered[0].id;
  let found = ordered[0].id;
  for (const r of ordered) if (r.appliedAt.getTime() <= codedAt.getTime()) found = r.id;
  return found;
}

/**
 * The new evidence of one cell among `candidates` (positions concerning this clause or its document, any party),
 * or null when there is none. With `asOf`, statements made after that date are left out, as everywhere else.
 */
export function findNewEvidence(options: {
  clauseId: string;
  topics: readonly string[];
  partyId: string;
  codedOnReleaseId: string | null;
  cited: readonly string[];
  candidates: readonly TEvidenceCandidate[];
  asOf?: string | null;
}): TNewEvidence | null {
  const { clauseId, topics, partyId, codedOnReleaseId, cited, candidates, asOf } = options;
  if (!codedOnReleaseId) return null;
  const citedIds = new Set(cited);
  const found = new Map<string, TEvidenceCandidate>();
  for (const c of candidates) {
    if (c.partyId !== partyId || (c.clauseId !== null && c.clauseId !== clauseId)) continue;
    if (!topics.includes(c.dimensionId) || citedIds.has(c.positionId)) continue;
    if (c.releaseId <= codedOnReleaseId || (asOf && c.date > asOf)) continue;
    found.set(c.positionId, c);
  }
  if (found.size === 0) return null;
  const list = [...found.values()].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.positionId < b.positionId ? -1 : 1,
  );
  return {
    releaseId: list
      .map((c) => c.releaseId)
      .sort()
      .at(-1)!,
    codedOnReleaseId,
    positionIds: list.map((c) => c.positionId),
  };
}

/** Candidates indexed by clause, so that a matrix of many clauses looks each cell's up without a scan. */
export function indexEvidenceCandidates(
  candidates: readonly TEvidenceCandidate[],
): (clauseId: string) => TEvidenceCandidate[] {
  const byClause = new Map<string, TEvidenceCandidate[]>();
  const wholeDocument: TEvidenceCandidate[] = [];
  for (const c of candidates) {
    if (c.clauseId === null) wholeDocument.push(c);
    else {
      const list = byClause.get(c.clauseId);
      if (list) list.push(c);
      else byClause.set(c.clauseId, [c]);
    }
  }
  return (clauseId) => [...(byClause.get(clauseId) ?? []), ...wholeDocument];
}
