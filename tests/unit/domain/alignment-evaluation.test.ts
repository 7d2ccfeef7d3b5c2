/**
 * computeAlignmentEvaluation's counting rules on a hand-made reference, where every figure can be checked by eye.
 */
import type { TProposedLink } from "@/lib/domain/alignment";
import {
  computeAlignmentEvaluation,
  findReferencePairs,
  toAlignmentClauses,
  type TReferenceLink,
} from "@/lib/domain/alignment-evaluation";

const REFERENCE: TReferenceLink[] = [
  { from: "old#1", to: "new#1", relation: "unchanged" },
  { from: "old#2", to: "new#2", relation: "modified" },
  { from: "old#3", to: "new#2", relation: "modified" },
  { from: "old#4", to: "new", relation: "removed" },
  { from: "old#5", to: "new", relation: "removed" },
  // Another document pair: ignored when evaluating old → new.
  { from: "old#1", to: "other#1", relation: "modified" },
  { from: "other", to: "new#9", relation: "added" },
];

const pair = (
  fromId: string,
  toId: string,
  relation: "unchanged" | "modified" | "merged" = "modified",
): TProposedLink => ({
  relation,
  fromId,
  toId,
  confidence: 0.5,
  evidence: {
    score: 0.5,
    text: 0.5,
    heading: null,
    topics: null,
    numberMatch: null,
    order: 1,
    inOrder: true,
    sameContent: false,
  },
});
const removed = (fromId: string): TProposedLink => ({
  relation: "removed",
  fromId,
  toId: null,
  confidence: 0.9,
  evidence: { bestScore: 0.1, bestCounterpartId: null },
});

describe("computeAlignmentEvaluation", () => {
  const evaluate = (proposed: TProposedLink[]) =>
    computeAlignmentEvaluation({ fromDocumentId: "old", toDocumentId: "new", proposed, reference: REFERENCE });

  it("counts a proposed pair right when the reference links the same two clauses, whatever the relation", () => {
    const e = evaluate([
      pair("old#1", "new#1", "unchanged"),
      pair("old#2", "new#2", "merged"),
      pair("old#3", "new#2", "merged"),
    ]);
    expect(e.precision).toEqual({ hits: 3, total: 3, value: 1 });
    expect(e.recall).toEqual({ hits: 3, total: 3, value: 1 });
    expect(e.relationAgreement).toEqual({ hits: 1, total: 3, value: 1 / 3 });
    expect(e.missed).toEqual([]);
  });

  it("leaves proposals for clauses the reference says nothing about out of precision", () => {
    const e = evaluate([pair("old#1", "new#1"), pair("old#6", "new#6"), removed("old#7")]);
    expect(e.precision).toEqual({ hits: 1, total: 1, value: 1 });
    expect(e.removedPrecision).toEqual({ hits: 0, total: 0, value: null });
  });

  it("counts a wrong counterpart, or a pair for a clause the reference removed, against precision", () => {
    const e = evaluate([pair("old#1", "new#2"), pair("old#4", "new#4"), pair("old#2", "new#2")]);
    expect(e.precision).toEqual({ hits: 1, total: 3, value: 1 / 3 });
    expect(e.falsePositives).toEqual([
      ["old#1", "new#2"],
      ["old#4", "new#4"],
    ]);
    expect(e.recall).toEqual({ hits: 1, total: 3, value: 1 / 3 });
    expect(e.missed).toEqual([
      ["old#1", "new#1"],
      ["old#3", "new#2"],
    ]);
  });

  it("scores removal detection on its own", () => {
    const e = evaluate([removed("old#4"), removed("old#1")]);
    expect(e.removedPrecision).toEqual({ hits: 1, total: 2, value: 0.5 });
    expect(e.removedRecall).toEqual({ hits: 1, total: 2, value: 0.5 });
    expect(e.precision.value).toBeNull();
    expect(e.recall).toEqual({ hits: 0, total: 3, value: 0 });
  });
});

describe("findReferencePairs", () => {
  it("lists each document pair with a clause-to-clause link once, in order of first appearance", () => {
    expect(findReferencePairs(REFERENCE)).toEqual([
      { fromDocumentId: "old", toDocumentId: "new" },
      { fromDocumentId: "old", toDocumentId: "other" },
    ]);
  });
});

describe("toAlignmentClauses", () => {
  it("uses documentId#number ids, file order as ordinal and the summary as text", () => {
    const clauses = toAlignmentClauses({
      id: "plan",
      clauses: [
        { number: "2", heading: "B", summary: "Second.", topics: ["x"] },
        { number: "1", heading: "A", summary: "First.", topics: [] },
      ],
    });
    expect(clauses).toEqual([
      { id: "plan#2", number: "2", ordinal: 0, heading: "B", text: "Second.", topics: ["x"] },
      { id: "plan#1", number: "1", ordinal: 1, heading: "A", text: "First.", topics: [] },
    ]);
  });
});
