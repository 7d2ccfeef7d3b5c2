import Ajv from "ajv";
import { EXPORT_TABLE_JSON_SCHEMA, toJson } from "@/lib/domain/export/json";
import type { TExportTable } from "@/lib/domain/export/table";
import { buildCompareTable, buildMatrixTable } from "./fixtures";

const validate = new Ajv({ allErrors: true, strict: true }).compile(EXPORT_TABLE_JSON_SCHEMA);

describe("toJson checked with ajv against EXPORT_TABLE_JSON_SCHEMA", () => {
  it("validates the matrix (English and Japanese) and the comparison", () => {
    for (const table of [buildMatrixTable(), buildMatrixTable("ja"), buildCompareTable()]) {
      const parsed: unknown = JSON.parse(toJson(table));
      expect(validate(parsed)).toBe(true);
      expect(validate.errors).toBeNull();
    }
  });

  it("keeps title, language, metadata, columns and values, with numbers as numbers", () => {
    const table = buildCompareTable();
    const parsed = JSON.parse(toJson(table));
    expect(parsed.title).toBe(table.title);
    expect(parsed.lang).toBe("en");
    expect(parsed.meta).toEqual(table.meta);
    expect(parsed.columns[3]).toEqual({ key: "confidence", label: "Confidence", kind: "number" });
    expect(parsed.columns[0]).toEqual({ key: "from", label: "From", kind: "text" });
    expect(parsed.rows[0].confidence).toBe(-2);
    expect(parsed.rows[3].to).toBeNull();
    expect(parsed.rows.map((r: { diff: string }) => r.diff)).toEqual(table.rows.map((r) => r.diff));
    expect(parsed.rows[6].diff).toBe("ウクライナの領土保全（第21条）「安全保障」");
  });

  it("writes every column in every row, in column order, null where the row has no cell", () => {
    const table: TExportTable = {
      title: "Sparse",
      lang: "en",
      meta: [{ label: "Filters", value: "none" }],
      columns: [
        { key: "b", label: "B" },
        { key: "a", label: "A", kind: "score" },
      ],
      rows: [{ a: "x" }, {}],
      cellStyles: [{ a: "mixed" }],
    };
    const parsed = JSON.parse(toJson(table));
    expect(parsed.rows).toEqual([
      { b: null, a: "x" },
      { b: null, a: null },
    ]);
    expect(Object.keys(parsed.rows[0])).toEqual(["b", "a"]);
    expect(Object.keys(parsed)).toEqual(["title", "lang", "meta", "columns", "rows"]);
    expect(parsed.meta).toEqual([{ label: "Filters", value: "none" }]);
  });

  it.each([
    ["a missing field", (d: Record<string, unknown>) => delete d.rows],
    ["an unknown language", (d: Record<string, unknown>) => (d.lang = "fr")],
    ["an extra field", (d: Record<string, unknown>) => (d.cellStyles = [])],
    ["no columns", (d: Record<string, unknown>) => (d.columns = [])],
    ["an unknown column kind", (d: { columns: { kind: string }[] }) => (d.columns[0].kind = "colour")],
    ["a column without a key", (d: { columns: { key?: string }[] }) => delete d.columns[0].key],
    ["a cell that is an object", (d: { rows: Record<string, unknown>[] }) => (d.rows[0].from = { text: "1" })],
    ["a cell that is a boolean", (d: { rows: Record<string, unknown>[] }) => (d.rows[0].from = true)],
    ["a metadata value that is a number", (d: { meta: { value: unknown }[] }) => (d.meta[0].value = 1)],
  ])("rejects a document with %s", (_name, breakIt) => {
    const document = JSON.parse(toJson(buildCompareTable()));
    expect(validate(document)).toBe(true);
    breakIt(document);
    expect(validate(document)).toBe(false);
    expect(validate.errors?.length).toBeGreaterThan(0);
  });
});
