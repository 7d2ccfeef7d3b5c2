import "server-only";
import type { TEvidenceCandidate } from "@/lib/domain/dataset/release-evidence";
import type { TMatrixInput } from "@/lib/domain/matrix/build";
import { getDb, type Db } from "./db";

/**
 * Everything the matrix of one document needs, as flat rows that lib/domain/matrix/build.ts turns into the view.
 * Each list is one query filtered by document (never an `IN` list of ids, which SQLite caps at 32,766 variables and
 * a 10,000-clause document would exceed). Null when the document does not exist. The releases, the coder's kind and
 * the positions concerning the document (with the release that brought each) feed "new evidence since a release".
 */
export async function findMatrixInput(
  documentId: string,
  coderId: string,
  db: Db = getDb(),
): Promise<TMatrixInput | null> {
  const [
    document,
    clauses,
    topics,
    parties,
    dimensions,
    assessments,
    evidence,
    redLinePositions,
    releases,
    coder,
    clauseCandidates,
    documentCandidates,
  ] = await Promise.all([
    db.document.findUnique({ where: { id: documentId }, select: { id: true } }),
    db.clause.findMany({
      where: { documentId },
      select: { id: true, number: true, ordinal: true, heading: true, headingJa: true, text: true, textJa: true },
      orderBy: { ordinal: "asc" },
    }),
    db.clauseTopic.findMany({
      where: { clause: { documentId } },
      select: { clauseId: true, dimensionId: true },
      orderBy: [{ clauseId: "asc" }, { ordinal: "asc" }],
    }),
    db.party.findMany({ select: { id: true, name: true, nameJa: true }, orderBy: { ordinal: "asc" } }),
    db.dimension.findMany({ select: { id: true }, orderBy: { ordinal: "asc" } }),
    db.assessment.findMany({
      where: { coderId, clause: { documentId } },
      select: { id: true, clauseId: true, partyId: true, score: true, confidence: true, updatedAt: true, status: true },
    }),
    db.$queryRaw<{ assessmentId: string; positionId: string; date: string }[]>`
      SELECT e."assessmentId", e."positionId", p."date"
      FROM "AssessmentEvidence" e
      JOIN "Assessment" a ON a."id" = e."assessmentId"
      JOIN "Clause" c ON c."id" = a."clauseId"
      JOIN "Position" p ON p."id" = e."positionId"
      WHERE a."coderId" = ${coderId} AND c."documentId" = ${documentId}
      ORDER BY e."assessmentId", e."ordinal"`,
    db.position.findMany({
      where: { kind: "red-line" },
      select: { id: true, partyId: true, dimensionId: true, kind: true, date: true },
    }),
    db.release.findMany({ select: { id: true, appliedAt: true }, orderBy: { id: "asc" } }),
    db.coder.findUnique({ where: { id: coderId }, select: { kind: true } }),
    db.$queryRaw<
      { clauseId: string; positionId: string; partyId: string; dimensionId: string; date: string; releaseId: string }[]
    >`
      SELECT pc."clauseId", p."id" AS "positionId", p."partyId", p."dimensionId", p."date", p."releaseId"
      FROM "PositionClause" pc
      JOIN "Clause" c ON c."id" = pc."clauseId"
      JOIN "Position" p ON p."id" = pc."positionId"
      WHERE c."documentId" = ${documentId}`,
    db.position.findMany({
      where: { documents: { some: { documentId } } },
      select: { id: true, partyId: true, dimensionId: true, date: true, releaseId: true },
    }),
  ]);
  if (!document) return null;

  const topicsByClause = new Map<string, string[]>();
  for (const t of topics) {
    const list = topicsByClause.get(t.clauseId);
    if (list) list.push(t.dimensionId);
    else topicsByClause.set(t.clauseId, [t.dimensionId]);
  }
  const evidenceByAssessment = new Map<string, { positionId: string; date: string }[]>();
  for (const e of evidence) {
    const item = { positionId: e.positionId, date: e.date };
    const list = evidenceByAssessment.get(e.assessmentId);
    if (list) list.push(item);
    else evidenceByAssessment.set(e.assessmentId, [item]);
  }
  return {
    clauses: clauses.map((c) => ({ ...c, topics: topicsByClause.get(c.id) ?? [] })),
    parties,
    dimensionOrder: dimensions.map((d) => d.id),
    assessments: assessments.map(({ updatedAt, ...a }) => ({
      ...a,
      codedAt: updatedAt,
      evidence: evidenceByAssessment.get(a.id) ?? [],
    })),
    redLinePositions,
    releases,
    coderKind: coder?.kind ?? "reference",
    evidenceCandidates: [
      ...clauseCandidates,
      ...documentCandidates.map(({ id, ...p }) => ({ ...p, positionId: id, clauseId: null })),
    ],
  };
}

/** What "new evidence since a release" needs for one cell (see lib/domain/dataset/release-evidence.ts). */
export async function findCellReleaseInput(
  {
    clauseId,
    documentId,
    partyId,
    coderId,
  }: { clauseId: string; documentId: string; partyId: string; coderId: string },
  db: Db = getDb(),
): Promise<{
  releases: { id: string; appliedAt: Date }[];
  coderKind: string;
  codedAt: Date | null;
  candidates: TEvidenceCandidate[];
}> {
  const [releases, assessment, positions] = await Promise.all([
    db.release.findMany({ select: { id: true, appliedAt: true }, orderBy: { id: "asc" } }),
    db.assessment.findUnique({
      where: { clauseId_partyId_coderId: { clauseId, partyId, coderId } },
      select: { updatedAt: true, coder: { select: { kind: true } } },
    }),
    db.position.findMany({
      where: {
        partyId,
        OR: [{ clauses: { some: { clauseId } } }, { documents: { some: { documentId } } }],
      },
      select: {
        id: true,
        partyId: true,
        dimensionId: true,
        date: true,
        releaseId: true,
        clauses: { where: { clauseId }, select: { clauseId: true } },
      },
    }),
  ]);
  return {
    releases,
    coderKind: assessment?.coder.kind ?? "reference",
    codedAt: assessment?.updatedAt ?? null,
    // A position that names the clause itself counts as concerning the clause; otherwise, the whole document.
    candidates: positions.map(({ id, clauses, ...p }) => ({
      ...p,
      positionId: id,
      clauseId: clauses.length ? clauseId : null,
    })),
  };
}
