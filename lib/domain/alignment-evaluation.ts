/**
 * Measures proposed alignments against the reference alignments researchers wrote by hand, so a change to the
 * aligner can be judged by numbers rather than by eye.
 *
 * The reference is not exhaustive: a researcher links the clauses they checked and leaves others unlinked, which
 * says nothing about whether those have a counterpart. Counting every proposal for an unlinked clause as wrong
 * would punish the aligner for the reference's gaps, so precision is counted only over proposals whose from-clause
 * the reference speaks about (links it to something or declares it removed). Recall is over every clause-to-clause
 * link of the reference. A proposed pair is right when the reference links the same two clauses, whatever the
 * relation; whether the relation also agrees is reported separately, as is the detection of removed clauses.
 */
import { proposeAlignment, type TAlignmentClause, type TAlignmentTuning, type TProposedLink } from "./alignment";
import { AppError } from "./errors";
import { parseClauseRef, toClauseId } from "./ids";

/** A reference link as the dataset writes it: `from`/`to` are "documentId#number", or a bare document id. */
export type TReferenceLink = { from: string; to: string; relation: string };

/** A share with what it was computed from; `value` is null when there was nothing to count. */
export type TRatio = { hits: number; total: number; value: number | null };

export type TDocumentPair = { fromDocumentId: string; toDocumentId: string };

export type TAlignmentEvaluation = TDocumentPair & {
  /** Clause-to-clause pairs: precision over proposals in scope, recall over the reference's pairs. */
  precision: TRatio;
  recall: TRatio;
  /** Proposed pairs in scope that the reference does not hold, as [fromId, toId]. */
  falsePositives: [string, string][];
  /** Reference pairs that were not proposed, as [fromId, toId]. */
  missed: [string, string][];
  /** Removal of from-clauses: precision over proposed removals in scope, recall over the reference's removals. */
  removedPrecision: TRatio;
  removedRecall: TRatio;
  /** Among correctly proposed pairs, how many carry the reference's relation. */
  relationAgreement: TRatio;
};

export type TComputeAlignmentEvaluationOptions = TDocumentPair & {
  proposed: readonly TProposedLink[];
  reference: readonly TReferenceLink[];
};

function ratio(hits: number, total: number): TRatio {
  return { hits, total, value: total === 0 ? null : hits / total };
}

function belongsTo(ref: string, documentId: string): boolean {
  return ref === documentId || parseClauseRef(ref)?.documentId === documentId;
}

const pairKey = (fromId: string, toId: string) => `${fromId}\u0000${toId}`;

/** Scores proposals for one document pair against the reference links between those two documents. */
export function computeAlignmentEvaluation({
  fromDocumentId,
  toDocumentId,
  proposed,
  reference,
}: TComputeAlignmentEvaluationOptions): TAlignmentEvaluation {
  const links = reference.filter((r) => belongsTo(r.from, fromDocumentId) && belongsTo(r.to, toDocumentId));
  const referencePairs = new Map<string, TReferenceLink>();
  const referenceRemoved = new Set<string>();
  for (const r of links) {
    const fromIsClause = parseClauseRef(r.from) !== null;
    const toIsClause = parseClauseRef(r.to) !== null;
    if (fromIsClause && toIsClause) referencePairs.set(pairKey(r.from, r.to), r);
    else if (fromIsClause && r.relation === "removed") referenceRemoved.add(r.from);
  }
  const inScope = new Set([...[...referencePairs.values()].map((r) => r.from), ...referenceRemoved]);

  const proposedPairs = new Set<string>();
  const falsePositives: [string, string][] = [];
  let truePositives = 0;
  let pairsInScope = 0;
  let relationsAgreeing = 0;
  let removedInScope = 0;
  let removedHits = 0;
  for (const link of proposed) {
    if (link.fromId === null || !inScope.has(link.fromId)) continue;
    if (link.toId === null) {
      removedInScope++;
      if (referenceRemoved.has(link.fromId)) removedHits++;
      continue;
    }
    pairsInScope++;
    const key = pairKey(link.fromId, link.toId);
    proposedPairs.add(key);
    const match = referencePairs.get(key);
    if (!match) {
      falsePositives.push([link.fromId, link.toId]);
      continue;
    }
    truePositives++;
    if (match.relation === link.relation) relationsAgreeing++;
  }
  const missed = [...referencePairs.values()]
    .filter((r) => !proposedPairs.has(pairKey(r.from, r.to)))
    .map((r): [string, string] => [r.from, r.to]);

  return {
    fromDocumentId,
    toDocumentId,
    precision: ratio(truePositives, pairsInScope),
    recall: ratio(truePositives, referencePairs.size),
    falsePositives,
    missed,
    removedPrecision: ratio(removedHits, removedInScope),
    removedRecall: ratio(removedHits, referenceRemoved.size),
    relationAgreement: ratio(relationsAgreeing, truePositives),
  };
}

/** Document pairs that the reference links clause to clause at least once, in the order they first appear. */
export function findReferencePairs(reference: readonly TReferenceLink[]): TDocumentPair[] {
  const pairs = new Map<string, TDocumentPair>();
  for (const r of reference) {
    const from = parseClauseRef(r.from);
    const to = parseClauseRef(r.to);
    if (!from || !to) continue;
    const key = pairKey(from.documentId, to.documentId);
    if (!pairs.has(key)) pairs.set(key, { fromDocumentId: from.documentId, toDocumentId: to.documentId });
  }
  return [...pairs.values()];
}

/** The shape of a dataset document the evaluation needs (the reference files carry more). */
export type TEvaluationDocument = {
  id: string;
  clauses: readonly { number: string; heading: string; summary: string; topics: readonly string[] }[];
};

/**
 * A dataset document's clauses as aligner input: ids "documentId#number", ordinals from the file's order, and the
 * summary as text (the dataset holds summaries, not full wording; pasted versions bring their own text).
 */
export function toAlignmentClauses(document: TEvaluationDocument): TAlignmentClause[] {
  return document.clauses.map((c, ordinal) => ({
    id: toClauseId(document.id, c.number),
    number: c.number,
    ordinal,
    heading: c.heading,
    text: c.summary,
    topics: c.topics,
  }));
}

export type TReferenceEvaluation = {
  pairs: TAlignmentEvaluation[];
  /** Micro-averaged over all pairs: every link counts once, whichever pair it belongs to. */
  overall: Pick<
    TAlignmentEvaluation,
    "precision" | "recall" | "removedPrecision" | "removedRecall" | "relationAgreement"
  >;
};

export type TComputeReferenceEvaluationOptions = {
  documents: readonly TEvaluationDocument[];
  alignments: readonly TReferenceLink[];
  tuning?: Partial<TAlignmentTuning>;
};

/** Runs the aligner on every document pair the reference links clause to clause and scores each run. */
export function computeReferenceEvaluation({
  documents,
  alignments,
  tuning,
}: TComputeReferenceEvaluationOptions): TReferenceEvaluation {
  const byId = new Map(documents.map((d) => [d.id, d]));
  const pairs = findReferencePairs(alignments).map((pair) => {
    const from = byId.get(pair.fromDocumentId);
    const to = byId.get(pair.toDocumentId);
    if (!from || !to) {
      const missing = from ? pair.toDocumentId : pair.fromDocumentId;
      throw new AppError(
        "BAD_REQUEST",
        `Reference alignments name document '${missing}', which is not among the documents given`,
      );
    }
    const proposed = proposeAlignment({ from: toAlignmentClauses(from), to: toAlignmentClauses(to), tuning });
    return computeAlignmentEvaluation({ ...pair, proposed, reference: alignments });
  });
  const sum = (pick: (e: TAlignmentEvaluation) => TRatio) =>
    ratio(
      pairs.reduce((s, e) => s + pick(e).hits, 0),
      pairs.reduce((s, e) => s + pick(e).total, 0),
    );
  return {
    pairs,
    overall: {
      precision: sum((e) => e.precision),
      recall: sum((e) => e.recall),
      removedPrecision: sum((e) => e.removedPrecision),
      removedRecall: sum((e) => e.removedRecall),
      relationAgreement: sum((e) => e.relationAgreement),
    },
  };
}
