/**
 * buildComparison and its query: stored links first, proposals for the rest, merges and splits as groups, reverse
 * direction, word diffs in the reader's language, summary counts and the "what changed for party X" filter.
 */
import {
  buildComparison,
  orientStoredAlignments,
  parseCompareQuery,
  toCompareSearchParams,
  type TBuildComparisonOptions,
  type TCompareClauseInput,
  type TComparison,
  type TStoredAlignmentInput,
} from "@/lib/domain/compare";
import { AppError } from "@/lib/domain/errors";
import type { TWordDiffSegment } from "@/lib/domain/word-diff";

const SOURCE = { outlet: "Example Wire", url: "https://example.org/plan", date: "2025-11-20", note: null };

function clause(
  doc: string,
  number: string,
  ordinal: number,
  text: string,
  extra: Partial<TCompareClauseInput> = {},
): TCompareClauseInput {
  return {
    id: `${doc}#${number}`,
    number,
    ordinal,
    heading: text.split(" ").slice(0, 3).join(" "),
    headingJa: null,
    text,
    textJa: null,
    topics: [],
    sources: [SOURCE],
    ...extra,
  };
}

function stored(
  from: string | null,
  to: string | null,
  relation: string,
  extra: Partial<TStoredAlignmentInput> = {},
): TStoredAlignmentInput {
  return {
    fromDocumentId: from?.split("#")[0] ?? "a",
    fromClauseId: from,
    toDocumentId: to?.split("#")[0] ?? "b",
    toClauseId: to,
    relation,
    note: null,
    noteJa: null,
    origin: "reference",
    confidence: null,
    ...extra,
  };
}

const A = [
  clause("a", "1", 0, "Ukraine's sovereignty is reaffirmed by every signatory."),
  clause("a", "2", 1, "The armed forces of Ukraine are capped at 600,000 personnel.", {
    topics: ["military-limits"],
  }),
  clause("a", "3", 2, "Elections are held within one hundred days of signature.", { topics: ["elections"] }),
  clause("a", "4", 3, "Full amnesty is granted for acts committed during the war.", { topics: ["amnesty"] }),
  clause("a", "5", 4, "Frozen assets finance reconstruction under American leadership."),
];
const B = [
  clause("b", "1", 0, "Ukraine's sovereignty is reaffirmed by every signatory."),
  clause("b", "2", 1, "The armed forces of Ukraine are capped at 800,000 personnel in peacetime.", {
    topics: ["military-limits"],
  }),
  clause("b", "3", 2, "Elections are held as soon as possible after signature; full amnesty is granted.", {
    topics: ["elections", "amnesty"],
  }),
  clause("b", "4", 3, "A monitoring mission supervises the ceasefire along the whole line of contact."),
];

const base = (overrides: Partial<TBuildComparisonOptions> = {}): TBuildComparisonOptions => ({
  fromDocumentId: "a",
  toDocumentId: "b",
  fromClauses: A,
  toClauses: B,
  alignments: [
    stored("a#1", "b#1", "unchanged", { note: "Same content." }),
    stored("a#2", "b#2", "modified"),
    stored("a#3", "b#3", "merged"),
    stored("a#4", "b#3", "merged"),
  ],
  lang: "en",
  party: null,
  ...overrides,
});

const spell = (segments: TWordDiffSegment[], side: "from" | "to") =>
  segments
    .filter((s) => s.kind === "equal" || s.kind === (side === "from" ? "delete" : "insert"))
    .map((s) => s.text)
    .join("");

const shape = (c: TComparison) => ({
  pairs: c.pairs.map((p) => `${p.from.map((x) => x.id).join("+")} ${p.relation} ${p.to.map((x) => x.id).join("+")}`),
  removed: c.removed.map((u) => u.clause.id),
  added: c.added.map((u) => u.clause.id),
});

describe("buildComparison", () => {
  it("takes the stored links first, groups a merge, and proposes links only for the clauses they leave", () => {
    const c = buildComparison(base());
    expect(shape(c)).toEqual({
      pairs: ["a#1 unchanged b#1", "a#2 modified b#2", "a#3+a#4 merged b#3"],
      removed: ["a#5"],
      added: ["b#4"],
    });
    expect(c.pairs.map((p) => p.source)).toEqual(["reference", "reference", "reference"]);
    expect(c.pairs[0].links[0].note).toEqual({ text: "Same content.", lang: "en", fallback: false });
    expect(c.removed[0].link).toMatchObject({ source: "proposed", relation: "removed" });
    expect(c.removed[0].link.confidence).toEqual(expect.any(Number));
    expect(c.added[0].link).toMatchObject({ source: "proposed", relation: "added" });
  });

  it("counts a pair once, a merge group once and each unmatched clause once", () => {
    expect(buildComparison(base()).summary).toEqual({
      counts: { unchanged: 1, modified: 1, moved: 0, merged: 1, split: 0, removed: 1, added: 1 },
      proposed: 2,
      shown: 5,
      total: 5,
    });
  });

  it("marks aligner links as proposed with their confidence and keeps a confirmed link's origin", () => {
    const c = buildComparison(
      base({ alignments: [stored("a#2", "b#2", "modified", { origin: "confirmed", confidence: 0.82 })] }),
    );
    const confirmed = c.pairs.find((p) => p.from[0].id === "a#2")!;
    expect(confirmed).toMatchObject({ source: "confirmed", confidence: 0.82 });
    const proposed = c.pairs.find((p) => p.from[0].id === "a#1")!;
    expect(proposed.source).toBe("proposed");
    expect(proposed.relation).toBe("unchanged");
    expect(proposed.confidence).toBeGreaterThan(0.5);
  });

  it("diffs each pair word by word, the segments spelling both texts", () => {
    const c = buildComparison(base());
    const army = c.pairs[1];
    expect(spell(army.diff.segments, "from")).toBe(A[1].text);
    expect(spell(army.diff.segments, "to")).toBe(B[1].text);
    expect(army.diff.segments).toEqual(
      expect.arrayContaining([
        { kind: "delete", text: "600" },
        { kind: "insert", text: "800" },
        { kind: "insert", text: " in peacetime" },
      ]),
    );
    expect(army.diff.insertedWords).toBeGreaterThan(0);
    expect(c.pairs[0].diff.segments).toEqual([{ kind: "equal", text: A[0].text }]);
  });

  it("diffs a merge group's joined texts against the merged clause", () => {
    const merged = buildComparison(base()).pairs[2];
    expect(spell(merged.diff.segments, "from")).toBe(`${A[2].text}\n${A[3].text}`);
    expect(spell(merged.diff.segments, "to")).toBe(B[2].text);
  });

  it("reads the other direction by flipping the stored links: the merge becomes a split", () => {
    const c = buildComparison(base({ fromDocumentId: "b", toDocumentId: "a", fromClauses: B, toClauses: A }));
    expect(shape(c)).toEqual({
      pairs: ["b#1 unchanged a#1", "b#2 modified a#2", "b#3 split a#3+a#4"],
      removed: ["b#4"],
      added: ["a#5"],
    });
    expect(spell(c.pairs[1].diff.segments, "from")).toBe(B[1].text);
  });

  it("shows a stored split as one group and a stored removal or addition as unmatched", () => {
    const c = buildComparison(
      base({
        fromClauses: A.slice(0, 2),
        toClauses: B.slice(0, 3),
        alignments: [
          stored("a#1", null, "removed", { toDocumentId: "b" }),
          stored("a#2", "b#2", "split"),
          stored("a#2", "b#3", "split"),
          stored(null, "b#1", "added", { fromDocumentId: "a" }),
        ],
      }),
    );
    expect(shape(c)).toEqual({ pairs: ["a#2 split b#2+b#3"], removed: ["a#1"], added: ["b#1"] });
    expect(c.summary.counts).toMatchObject({ split: 1, removed: 1, added: 1 });
    expect(c.summary.proposed).toBe(0);
  });

  it("puts every clause of both documents somewhere", () => {
    for (const alignments of [[], base().alignments]) {
      const c = buildComparison(base({ alignments }));
      const fromIds = [...c.pairs.flatMap((p) => p.from.map((x) => x.id)), ...c.removed.map((u) => u.clause.id)];
      const toIds = [...c.pairs.flatMap((p) => p.to.map((x) => x.id)), ...c.added.map((u) => u.clause.id)];
      expect(new Set(fromIds)).toEqual(new Set(A.map((x) => x.id)));
      expect(new Set(toIds)).toEqual(new Set(B.map((x) => x.id)));
    }
  });

  it("compares the Japanese texts for a Japanese reader when every text of the pair has one", () => {
    const from = [clause("a", "1", 0, "Army capped at 600,000.", { textJa: "軍の上限を60万人とする。" })];
    const withJa = [clause("b", "1", 0, "Army capped at 800,000.", { textJa: "軍の上限を80万人とする。" })];
    const c = buildComparison(
      base({ fromClauses: from, toClauses: withJa, alignments: [stored("a#1", "b#1", "modified")], lang: "ja" }),
    );
    expect(c.pairs[0].diff).toMatchObject({ lang: "ja", fallback: false });
    expect(spell(c.pairs[0].diff.segments, "to")).toBe("軍の上限を80万人とする。");
    const withoutJa = [clause("b", "1", 0, "Army capped at 800,000.")];
    const fallback = buildComparison(
      base({ fromClauses: from, toClauses: withoutJa, alignments: [stored("a#1", "b#1", "modified")], lang: "ja" }),
    );
    expect(fallback.pairs[0].diff).toMatchObject({ lang: "en", fallback: true });
    expect(fallback.pairs[0].from[0].text).toEqual({ text: "軍の上限を60万人とする。", lang: "ja", fallback: false });
  });

  it("for a party keeps only clauses touching its red-line dimensions, with its scores before and after", () => {
    const c = buildComparison(
      base({
        party: "ua",
        redLinePositions: [
          { id: "ua-army", partyId: "ua", dimensionId: "military-limits", kind: "red-line", date: "2025-03-01" },
          { id: "ua-amnesty", partyId: "ua", dimensionId: "amnesty", kind: "demand", date: "2025-03-01" },
          { id: "ru-elections", partyId: "ru", dimensionId: "elections", kind: "red-line", date: "2025-03-01" },
        ],
        assessments: [
          { clauseId: "a#2", partyId: "ua", score: -2, status: "final" },
          { clauseId: "b#2", partyId: "ua", score: 0, status: "inherited" },
          { clauseId: "b#2", partyId: "ru", score: 2, status: "final" },
        ],
      }),
    );
    expect(shape(c)).toEqual({ pairs: ["a#2 modified b#2"], removed: [], added: [] });
    expect(c.pairs[0].party).toEqual({
      partyId: "ua",
      dimensions: ["military-limits"],
      before: [{ clauseId: "a#2", number: "2", assessed: true, score: -2, status: "final" }],
      after: [{ clauseId: "b#2", number: "2", assessed: true, score: 0, status: "inherited" }],
    });
    expect(c.summary).toMatchObject({ shown: 1, total: 5, counts: { modified: 1, unchanged: 0 } });
  });

  it("says a clause was not assessed rather than inventing a score", () => {
    const c = buildComparison(
      base({
        party: "ua",
        redLinePositions: [
          { id: "ua-army", partyId: "ua", dimensionId: "military-limits", kind: "red-line", date: "2025-03-01" },
        ],
        assessments: [],
      }),
    );
    expect(c.pairs[0].party!.before[0]).toEqual({
      clauseId: "a#2",
      number: "2",
      assessed: false,
      score: null,
      status: null,
    });
  });
});

describe("orientStoredAlignments", () => {
  it("uses the links stored in the asked direction when both directions are stored", () => {
    const links = orientStoredAlignments(
      "a",
      "b",
      [stored("a#1", "b#1", "modified"), stored("b#1", "a#1", "unchanged")],
      "en",
    );
    expect(links).toEqual([expect.objectContaining({ fromClauseId: "a#1", toClauseId: "b#1", relation: "modified" })]);
  });

  it("flips removals into additions when read backwards", () => {
    const [link] = orientStoredAlignments("b", "a", [stored("a#1", null, "removed", { toDocumentId: "b" })], "en");
    expect(link).toMatchObject({ fromClauseId: null, toClauseId: "a#1", relation: "added" });
  });

  it("refuses a stored relation outside the vocabulary", () => {
    expect(() => orientStoredAlignments("a", "b", [stored("a#1", "b#1", "rewritten")], "en")).toThrow(AppError);
  });
});

describe("parseCompareQuery", () => {
  const parse = (search: string, strict = true) =>
    parseCompareQuery(new URLSearchParams(search), { strict, requireDocuments: strict });
  const problem = (search: string, strict = true): string => {
    try {
      parse(search, strict);
    } catch (error) {
      if (error instanceof AppError && error.code === "BAD_REQUEST") return error.message;
      throw error;
    }
    throw new Error(`accepted ?${search}`);
  };

  it("reads the documents, the party and the mode, with defaults", () => {
    expect(parse("from=a&to=b")).toEqual({ from: "a", to: "b", party: null, mode: "side", lang: "en" });
    expect(parse("from=a&to=b&party=ua&mode=inline&lang=ja")).toEqual({
      from: "a",
      to: "b",
      party: "ua",
      mode: "inline",
      lang: "ja",
    });
  });

  it.each([
    ["to=b", "from"],
    ["from=a", "to"],
    ["from=a&to=a", "to"],
    ["from=A%20B&to=b", "from"],
    ["from=a&to=b&mode=wide", "mode"],
    ["from=a&to=b&lang=de", "lang"],
    ["from=a&to=b&party=UA!", "party"],
    ["from=a&to=b&from=c", "from"],
    ["from=a&to=b&colour=red", "colour"],
  ])("refuses ?%s naming '%s'", (search, parameter) => {
    expect(problem(search)).toMatch(new RegExp(`'${parameter}'`));
  });

  it("lets the page open without documents and ignore foreign parameters", () => {
    expect(parse("utm=x", false)).toEqual({ from: null, to: null, party: null, mode: "side", lang: "en" });
  });

  it("gives back the same query from its canonical parameters", () => {
    const query = parse("from=a&to=b&party=ua&mode=inline");
    expect(parse(toCompareSearchParams(query).toString())).toEqual(query);
    expect(toCompareSearchParams({ from: "a", to: "b", party: null, mode: "side" }).toString()).toBe("from=a&to=b");
  });
});
