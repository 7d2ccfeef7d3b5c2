import fc from "fast-check";
import {
  buildComparePairs,
  toCompareExportTable,
  toDiffText,
  type TCompareClause,
  type TCompareDocument,
  type TCompareExportOptions,
  type TRecordedAlignment,
} from "@/lib/domain/export/compare-table";
import { toCsv } from "@/lib/domain/export/csv";
import { toMarkdown } from "@/lib/domain/export/markdown";
import { toCellText } from "@/lib/domain/export/table";
import { DIMENSIONS } from "./matrix-fixture";
import { readCsvRecords, readMarkdownTable } from "./readers";

const clause = (doc: string, number: string, ordinal: number, text: string, topics: string[] = []): TCompareClause => ({
  id: `${doc}#${number}`,
  number,
  ordinal,
  heading: `Heading ${number}`,
  headingJa: `見出し${number}`,
  text,
  textJa: `第${number}条の本文。`,
  topics,
});

const FROM: TCompareDocument = {
  id: "a",
  title: "Plan A",
  titleJa: "案A",
  clauses: [
    clause("a", "1", 0, "Ukraine keeps its army of 600,000 personnel.", ["security"]),
    clause("a", "2", 1, "Crimea is recognised as Russian.", ["territory"]),
    clause("a", "3", 2, "Frozen assets fund reconstruction in Ukraine, managed by the United States."),
    clause("a", "4", 3, "Elections are held within one hundred days of signing the agreement."),
  ],
};

const TO: TCompareDocument = {
  id: "b",
  title: "Plan B",
  titleJa: "案B",
  clauses: [
    clause("b", "r1", 0, "Ukraine keeps its army of 800,000 personnel in peacetime.", ["security"]),
    clause("b", "r2", 1, "Elections are held within one hundred days of signing the agreement."),
    clause("b", "r3", 2, "A brand new clause about grain exports over the Black Sea."),
  ],
};

const aligned = (
  id: string,
  from: string | null,
  to: string | null,
  relation: string,
  extra: Partial<TRecordedAlignment> = {},
): TRecordedAlignment => ({
  id,
  ordinal: 0,
  fromDocumentId: "a",
  fromClauseId: from,
  toDocumentId: "b",
  toClauseId: to,
  relation,
  note: `note ${id}`,
  noteJa: null,
  origin: "reference",
  confidence: null,
  ...extra,
});

const RECORDED = [
  aligned("x1", "a#1", "b#r1", "modified", { ordinal: 0 }),
  aligned("x2", "a#2", null, "removed", { ordinal: 1 }),
];

const OPTIONS: TCompareExportOptions = {
  from: FROM,
  to: TO,
  lang: "en",
  party: null,
  redLinePositions: [
    { id: "ua-territory", partyId: "ua", dimensionId: "territory", kind: "red-line", date: "2025-01-01" },
  ],
  dimensions: DIMENSIONS,
  releaseId: "2026-03",
  exportedAt: "2026-03-14T09:30:00.000Z",
  permalink: "https://redlines.example.org/api/export?view=compare&format=json&from=a&to=b",
  filters: new URLSearchParams({ from: "a", to: "b" }),
};

describe("buildComparePairs", () => {
  const pairs = buildComparePairs({ from: FROM, to: TO, alignments: RECORDED });

  it("takes the recorded alignments first and aligns only the clauses they leave uncovered", () => {
    const recorded = pairs.filter((p) => p.origin === "reference");
    expect(recorded.map((p) => [p.from?.id ?? null, p.to?.id ?? null, p.relation])).toEqual([
      ["a#1", "b#r1", "modified"],
      ["a#2", null, "removed"],
    ]);
    const proposed = pairs.filter((p) => p.origin === "proposed");
    expect(proposed.every((p) => p.confidence !== null && p.confidence >= 0 && p.confidence <= 1)).toBe(true);
    expect(proposed.find((p) => p.from?.id === "a#4")).toMatchObject({ to: { id: "b#r2" }, relation: "unchanged" });
    expect(proposed.some((p) => p.from?.id === "a#1" || p.to?.id === "b#r1")).toBe(false);
  });

  it("puts every clause of both documents in a pair, in from-order with additions last", () => {
    const fromIds = new Set(pairs.flatMap((p) => (p.from ? [p.from.id] : [])));
    const toIds = new Set(pairs.flatMap((p) => (p.to ? [p.to.id] : [])));
    expect([...fromIds].sort()).toEqual(FROM.clauses.map((c) => c.id));
    expect([...toIds].sort()).toEqual(TO.clauses.map((c) => c.id));
    const fromOrdinals = pairs.filter((p) => p.from).map((p) => p.from!.ordinal);
    expect(fromOrdinals).toEqual([...fromOrdinals].sort((x, y) => x - y));
    expect(pairs[pairs.length - 1].from).toBeNull();
  });

  it("reads alignments recorded the other way round turned round, when none is recorded this way", () => {
    const backward = [
      {
        ...aligned("y1", "b#r1", "a#1", "split"),
        fromDocumentId: "b",
        toDocumentId: "a",
      },
      { ...aligned("y2", "b#r3", null, "removed"), fromDocumentId: "b", toDocumentId: "a" },
    ];
    const turned = buildComparePairs({ from: FROM, to: TO, alignments: backward });
    expect(turned.find((p) => p.from?.id === "a#1")).toMatchObject({ to: { id: "b#r1" }, relation: "merged" });
    expect(turned.find((p) => p.to?.id === "b#r3")).toMatchObject({ from: null, relation: "added" });
    // With a forward alignment recorded, backward ones are not mixed in.
    const both = buildComparePairs({ from: FROM, to: TO, alignments: [...RECORDED, ...backward] });
    expect(both.filter((p) => p.origin === "reference")).toHaveLength(2);
  });

  it("aligns everything when nothing is recorded, and handles an empty side", () => {
    expect(buildComparePairs({ from: FROM, to: TO, alignments: [] }).every((p) => p.origin === "proposed")).toBe(true);
    const removedOnly = buildComparePairs({ from: FROM, to: { ...TO, clauses: [] }, alignments: [] });
    expect(removedOnly.map((p) => p.relation)).toEqual(["removed", "removed", "removed", "removed"]);
  });
});

describe("toDiffText", () => {
  it("marks deletions [-…-] and insertions {+…+} word by word", () => {
    expect(toDiffText("army of 600,000 personnel", "army of 800,000 personnel in peacetime")).toBe(
      "army of [-600-]{+800+},000 personnel{+ in peacetime+}",
    );
    expect(toDiffText("gone", null)).toBe("[-gone-]");
    expect(toDiffText(null, "new")).toBe("{+new+}");
    expect(toDiffText("same", "same")).toBe("same");
  });

  it("spells both texts: without insertions the old one, without deletions the new one", () => {
    // Texts without the marker characters, so the markers can be taken off unambiguously.
    const text = fc.string({ unit: fc.constantFrom(..."ab c,.;:'\"()\n600領土の保証。"), maxLength: 40 });
    fc.assert(
      fc.property(text, text, (a, b) => {
        const diff = toDiffText(a, b);
        const before = diff.replace(/\{\+[\s\S]*?\+\}/g, "").replace(/\[-([\s\S]*?)-\]/g, "$1");
        const after = diff.replace(/\[-[\s\S]*?-\]/g, "").replace(/\{\+([\s\S]*?)\+\}/g, "$1");
        expect(before).toBe(a);
        expect(after).toBe(b);
      }),
    );
  });
});

describe("toCompareExportTable", () => {
  const pairs = buildComparePairs({ from: FROM, to: TO, alignments: RECORDED });

  it("has one row per pair: both ends, relation, origin, confidence, changes and note", () => {
    const table = toCompareExportTable(pairs, OPTIONS);
    expect(table.columns.map((c) => c.key)).toEqual([
      "fromNumber",
      "fromHeading",
      "toNumber",
      "toHeading",
      "relation",
      "origin",
      "confidence",
      "diff",
      "note",
    ]);
    expect(table.rows).toHaveLength(pairs.length);
    expect(table.rows[0]).toEqual({
      fromNumber: "1",
      fromHeading: "Heading 1",
      toNumber: "r1",
      toHeading: "Heading r1",
      relation: "modified",
      origin: "reference",
      confidence: null,
      diff: "Ukraine keeps its army of [-600-]{+800+},000 personnel{+ in peacetime+}.",
      note: "note x1",
    });
    expect(table.rows[1]).toMatchObject({
      toNumber: null,
      relation: "removed",
      diff: "[-Crimea is recognised as Russian.-]",
    });
    expect(table.rows.filter((r) => r.origin === "proposed").every((r) => typeof r.confidence === "number")).toBe(true);
    expect(table.meta.find((m) => m.key === "documents")?.value).toBe("Plan A (a) → Plan B (b)");
    expect(table.meta.find((m) => m.key === "permalink")?.value).toBe(OPTIONS.permalink);
    expect(table.meta.find((m) => m.key === "citation")?.value).toContain("Dataset release 2026-03");
  });

  it("keeps only the pairs touching the party's red lines for 'what changed for party X', naming them", () => {
    const table = toCompareExportTable(pairs, {
      ...OPTIONS,
      party: { id: "ua", name: "Ukraine", nameJa: "ウクライナ" },
    });
    expect(table.rows.map((r) => r.fromNumber)).toEqual(["2"]);
    expect(table.rows[0].redLines).toBe("Territory");
    expect(table.columns.find((c) => c.key === "redLines")?.label).toBe("Ukraine: red lines touched");
    expect(table.meta.find((m) => m.key === "party")?.value).toBe("Ukraine (ua)");
  });

  it("writes Japanese headings, relations and a Japanese diff when both texts have one", () => {
    const table = toCompareExportTable(pairs, { ...OPTIONS, lang: "ja" });
    expect(table.title).toBe("案A → 案B：条項の対応");
    expect(table.rows[0]).toMatchObject({ fromHeading: "見出し1", relation: "修正", origin: "基準" });
    expect(table.rows[0].diff).toBe("第[-1-]{+r1+}条の本文。");
    const english = { ...pairs[0], to: pairs[0].to && { ...pairs[0].to, textJa: null } };
    expect(toCompareExportTable([english], { ...OPTIONS, lang: "ja" }).rows[0].diff).toContain("[-600-]{+800+}");
  });

  it("reads back through csv-parse and marked with the diff markers intact", () => {
    const table = toCompareExportTable(pairs, OPTIONS);
    const expected = table.rows.map((row) => table.columns.map((c) => toCellText(row[c.key] ?? null)));
    expect(readCsvRecords(toCsv(table, { profile: "plain" })).slice(1)).toEqual(expected);
    expect(readMarkdownTable(toMarkdown(table)).rows).toEqual(expected);
  });
});
