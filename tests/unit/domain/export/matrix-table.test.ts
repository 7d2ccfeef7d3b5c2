import { toCsv } from "@/lib/domain/export/csv";
import { toJson } from "@/lib/domain/export/json";
import { toLatex } from "@/lib/domain/export/latex";
import { toMarkdown } from "@/lib/domain/export/markdown";
import { toMatrixExportTable, toMatrixPermalink, toPartyColumnKeys } from "@/lib/domain/export/matrix-table";
import { toCellText, type TExportTable } from "@/lib/domain/export/table";
import { MATRIX_INPUT, MATRIX_OPTIONS, buildMatrixSource } from "./matrix-fixture";
import {
  compileLatex,
  describeWithPdflatex,
  readCsvRecords,
  readExportJson,
  readMarkdownTable,
  tableOfCsv,
} from "./readers";

const metaOf = (table: TExportTable, key: string) => table.meta.find((m) => m.key === key)?.value;
const cellsOf = (table: TExportTable) =>
  table.rows.map((row) => table.columns.map((c) => toCellText(row[c.key] ?? null)));

describe("toMatrixExportTable", () => {
  it("has clause, heading and topics, then per visible party the label, the score and the red lines", () => {
    const table = toMatrixExportTable(buildMatrixSource(), MATRIX_OPTIONS);
    expect(table.columns.map((c) => c.key)).toEqual([
      "number",
      "heading",
      "topics",
      "ua:label",
      "ua:score",
      "ua:redLines",
      "ru:label",
      "ru:score",
      "ru:redLines",
    ]);
    expect(table.columns.map((c) => c.label)).toEqual([
      "Clause",
      "Heading",
      "Topics",
      "Ukraine",
      "Ukraine (score)",
      "Ukraine: red lines touched",
      "Russia",
      "Russia (score)",
      "Russia: red lines touched",
    ]);
    expect(table.columns.map((c) => c.kind ?? "text")).toEqual([
      "text",
      "text",
      "text",
      "score",
      "number",
      "text",
      "score",
      "number",
      "text",
    ]);
  });

  it("keeps scores as numbers, writes 'no stated position' as its label with no number and leaves unassessed cells empty", () => {
    const table = toMatrixExportTable(buildMatrixSource(), MATRIX_OPTIONS);
    expect(table.rows[0]).toMatchObject({
      number: "1",
      heading: MATRIX_INPUT.clauses[0].heading,
      topics: "Security guarantees; Territory",
      "ua:label": "Crosses red line",
      "ua:score": -2,
      "ua:redLines": "Territory",
      "ru:label": "No stated position",
      "ru:score": null,
      "ru:redLines": "",
    });
    expect(table.rows[1]).toMatchObject({
      "ru:label": null,
      "ru:score": null,
      "ru:redLines": "Alliance choice / NATO",
    });
    expect(table.cellStyles?.[0]).toEqual({ "ua:label": "crosses", "ru:label": "none" });
    expect(table.cellStyles?.[1]).toEqual({ "ua:label": "consistent" });
  });

  it("follows the view: filters, visible parties, sort, as-of date", () => {
    const filtered = toMatrixExportTable(buildMatrixSource("dimension=territory,nato&party=ru"), MATRIX_OPTIONS);
    expect(filtered.rows.map((r) => r.number)).toEqual(["1", "2"]);
    expect(filtered.columns.map((c) => c.key)).toEqual([
      "number",
      "heading",
      "topics",
      ...Object.values(toPartyColumnKeys("ru")),
    ]);
    const sorted = toMatrixExportTable(buildMatrixSource("sort=conflict"), MATRIX_OPTIONS);
    expect(sorted.rows.map((r) => r.number)).toEqual(["1", "3", "2"]);
    // Russia's NATO red line dates from 2025-12-01: as of 2025-11-01 clause 2 touches none of its red lines.
    const earlier = toMatrixExportTable(buildMatrixSource("asOf=2025-11-01"), MATRIX_OPTIONS);
    expect(earlier.rows[1]["ru:redLines"]).toBe("");
    expect(metaOf(earlier, "asOf")).toBe("2025-11-01");
  });

  it("repeats a clause under each of its topics when the view groups by dimension, as the page does", () => {
    const table = toMatrixExportTable(buildMatrixSource("group=dimension"), MATRIX_OPTIONS);
    expect(table.columns.slice(0, 3).map((c) => c.key)).toEqual(["number", "group", "heading"]);
    expect(table.rows.map((r) => [r.group, r.number])).toEqual([
      ["Territory", "1"],
      ["Security guarantees", "1"],
      ["Alliance choice / NATO", "2"],
      ["No topic", "3"],
    ]);
    expect(table.cellStyles).toHaveLength(table.rows.length);
  });

  it("is written in the view's language: headings, party names, labels, topics, metadata", () => {
    const table = toMatrixExportTable(buildMatrixSource("lang=ja"), MATRIX_OPTIONS);
    expect(table.lang).toBe("ja");
    expect(table.title).toBe("試験案：条項×当事者");
    expect(table.columns[3].label).toBe("ウクライナ");
    expect(table.rows[0]).toMatchObject({ heading: "安全の保証、「第1条」", topics: "安全の保証; 領土" });
    expect(table.rows[0]["ua:label"]).toBe("レッドラインを越える");
    // No Japanese heading: the English one, as the page shows it.
    expect(table.rows[1].heading).toBe(MATRIX_INPUT.clauses[1].heading);
    expect(table.meta.map((m) => m.label)).toContain("引用方法");
  });

  it("states document, canonical filters, parties, rows, release, export time, citation and a permalink", () => {
    const table = toMatrixExportTable(buildMatrixSource("party=ua&dimension=territory&sort=conflict"), MATRIX_OPTIONS);
    expect(metaOf(table, "document")).toBe("Test plan (doc)");
    expect(metaOf(table, "filters")).toBe("dimension=territory; party=ua; sort=conflict");
    expect(metaOf(table, "parties")).toBe("Ukraine");
    expect(metaOf(table, "rows")).toBe("1 of 3 clauses");
    expect(metaOf(table, "release")).toBe("2026-03");
    expect(metaOf(table, "exportedAt")).toBe("2026-03-14T09:30:00.000Z");
    const permalink = "https://redlines.example.org/documents/doc/matrix?dimension=territory&party=ua&sort=conflict";
    expect(metaOf(table, "permalink")).toBe(permalink);
    expect(metaOf(table, "citation")).toContain("Dataset release 2026-03");
    expect(metaOf(table, "citation")).toContain(permalink);
    expect(metaOf(table, "citation")).toContain("2026-03-14");
    expect(metaOf(toMatrixExportTable(buildMatrixSource(), MATRIX_OPTIONS), "filters")).toBe("none");
    expect(metaOf(toMatrixExportTable(buildMatrixSource(), { ...MATRIX_OPTIONS, allRows: true }), "filters")).toMatch(
      /all rows/,
    );
    expect(metaOf(toMatrixExportTable(buildMatrixSource(), { ...MATRIX_OPTIONS, releaseId: null }), "release")).toBe(
      "none recorded",
    );
  });

  it("builds permalinks the site routes: English bare, Japanese under /ja", () => {
    expect(toMatrixPermalink("https://x.org/", "doc", "ja", "party=ua")).toBe(
      "https://x.org/ja/documents/doc/matrix?party=ua",
    );
    expect(toMatrixPermalink("https://x.org", "doc", "en", "")).toBe("https://x.org/documents/doc/matrix");
  });
});

describe("the matrix table read back by independent readers", () => {
  const table = toMatrixExportTable(buildMatrixSource(), MATRIX_OPTIONS);
  const tableJa = toMatrixExportTable(buildMatrixSource("lang=ja"), MATRIX_OPTIONS);

  it("CSV (csv-parse): quotes, commas, line breaks and Japanese come back exactly in the plain profile", () => {
    for (const t of [table, tableJa]) {
      const records = readCsvRecords(toCsv(t, { profile: "plain" }));
      expect(records).toEqual([t.columns.map((c) => c.label), ...cellsOf(t)]);
    }
  });

  it("CSV spreadsheet profile: a preamble with the metadata, a BOM, and formula text neutralised but not scores", () => {
    const csv = toCsv(table, { profile: "spreadsheet" });
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const preamble = readCsvRecords(csv).slice(0, table.meta.length + 1);
    expect(preamble[0]).toEqual([table.title]);
    expect(preamble.slice(1)).toEqual(table.meta.map((m) => [m.label, m.value]));
    const records = tableOfCsv(csv);
    expect(records[2][1]).toBe(`'${MATRIX_INPUT.clauses[1].heading}`);
    expect(records[3][1]).toBe("'-1+1 no topic");
    expect(records[1][4]).toBe("-2");
    expect(records[3][7]).toBe("-1");
  });

  it("JSON validates against the export schema and keeps numbers", () => {
    const json = readExportJson<{ rows: Record<string, unknown>[]; meta: { key: string }[] }>(toJson(table));
    expect(json.rows[0]["ua:score"]).toBe(-2);
    expect(json.rows[0]["ru:score"]).toBeNull();
    expect(json.meta.map((m) => m.key)).toEqual(expect.arrayContaining(["document", "filters", "exportedAt"]));
  });

  it("Markdown (marked): a GFM table with the same header and cells", () => {
    for (const t of [table, tableJa]) {
      const read = readMarkdownTable(toMarkdown(t));
      expect(read.header).toEqual(t.columns.map((c) => c.label));
      expect(read.rows).toEqual(cellsOf(t).map((r) => r.map((c) => c.replace(/\r\n|\r/g, "\n"))));
    }
  });
});

describeWithPdflatex("the matrix table compiled by pdflatex", () => {
  it("compiles in English and Japanese without errors or missing characters", () => {
    for (const t of [
      toMatrixExportTable(buildMatrixSource(), MATRIX_OPTIONS),
      toMatrixExportTable(buildMatrixSource("lang=ja&group=dimension"), MATRIX_OPTIONS),
    ]) {
      const compiled = compileLatex(toLatex(t));
      expect(compiled.errors).toEqual([]);
      expect(compiled.missing).toEqual([]);
      expect(compiled.status).toBe(0);
      expect(compiled.pdf).toBe(true);
    }
  });
});
