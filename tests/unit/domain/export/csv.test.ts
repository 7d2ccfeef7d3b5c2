import { parse, type Options } from "csv-parse/sync";
import fc from "fast-check";
import { toCsv } from "@/lib/domain/export/csv";
import { toCellText, type TExportTable } from "@/lib/domain/export/table";
import { AppError } from "@/lib/domain/errors";
import { AWKWARD_TEXTS, INJECTION_TEXTS, buildCompareTable, buildMatrixTable } from "./fixtures";

/** Records as csv-parse reads them; `cast: true` turns numeric fields into numbers, hence `unknown`. */
const read = (csv: string, options: Options = {}): unknown[][] => parse(csv, options);

/** What a faithful reader must get back: the header labels, then every cell as text. */
const expectedRecords = (table: TExportTable) => [
  table.columns.map((c) => c.label),
  ...table.rows.map((row) => table.columns.map((c) => toCellText(row[c.key] ?? null))),
];

const oneColumn = (cells: (string | number | null)[]): TExportTable => ({
  title: "Payloads",
  lang: "en",
  meta: [],
  columns: [{ key: "v", label: "Value" }],
  rows: cells.map((v) => ({ v })),
});

describe("toCsv read back with csv-parse", () => {
  it("round-trips commas, quotes, CR/LF line breaks and Japanese in the plain profile", () => {
    const table = buildCompareTable();
    expect(read(toCsv(table, { profile: "plain" }))).toEqual(expectedRecords(table));
    const ja = buildMatrixTable("ja");
    expect(read(toCsv(ja, { profile: "plain" }))).toEqual(expectedRecords(ja));
  });

  it("ends every record with CRLF and quotes only the fields that need it", () => {
    const csv = toCsv(buildMatrixTable(), { profile: "plain" });
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv).not.toMatch(/[^\r]\n/);
    expect(csv.split("\r\n")[0]).toBe("Clause,Heading,Topics,Ukraine,Russia,United States,EU");
    expect(csv.split("\r\n")[1]).toBe(
      '21,Clause 21: territory,"territory, security",Crosses red line,Fulfils demand,Consistent,Conflicts',
    );
    expect(toCsv(oneColumn(['say "no"']), { profile: "plain" })).toBe('Value\r\n"say ""no"""\r\n');
  });

  it('writes a lone empty field as "" so the record is not mistaken for a blank line', () => {
    const csv = toCsv(oneColumn(["", null, "x"]), { profile: "plain" });
    expect(csv).toBe('Value\r\n""\r\n""\r\nx\r\n');
    expect(read(csv)).toEqual([["Value"], [""], [""], ["x"]]);
  });

  it("starts with a BOM only when asked (or by the spreadsheet profile's default)", () => {
    const table = buildMatrixTable("ja");
    const withBom = toCsv(table, { profile: "plain", bom: true });
    expect(withBom.startsWith("\uFEFF")).toBe(true);
    expect(read(withBom, { bom: true })).toEqual(expectedRecords(table));
    expect((read(withBom)[0][0] as string).startsWith("\uFEFF")).toBe(true);
    expect(toCsv(table, { profile: "plain" }).startsWith("\uFEFF")).toBe(false);
    expect(toCsv(table, { profile: "spreadsheet", meta: "omit" }).startsWith("\uFEFF")).toBe(true);
    expect(toCsv(table, { profile: "spreadsheet", bom: false, meta: "omit" }).startsWith("\uFEFF")).toBe(false);
  });

  it("states title and metadata in a preamble ended by an empty line, the table after it", () => {
    const table = buildMatrixTable();
    const records = read(toCsv(table, { profile: "plain", meta: "preamble" }), { relax_column_count: true });
    const blank = records.findIndex((r) => r.length === 1 && r[0] === "");
    expect(records.slice(0, blank)).toEqual([[table.title], ...table.meta.map((m) => [m.label, m.value])]);
    expect(records.slice(blank + 1)).toEqual(expectedRecords(table));
    const spreadsheet = read(toCsv(table, { profile: "spreadsheet" }), { bom: true, relax_column_count: true });
    expect(spreadsheet[0]).toEqual([table.title]);
    expect(read(toCsv(table, { profile: "plain" }))[0]).toEqual(table.columns.map((c) => c.label));
  });

  it("neutralises formula payloads with a leading quote in the spreadsheet profile", () => {
    const csv = toCsv(oneColumn(INJECTION_TEXTS), { profile: "spreadsheet", meta: "omit" });
    expect(read(csv, { bom: true }).slice(1)).toEqual(INJECTION_TEXTS.map((t) => [`'${t}`]));
  });

  it("neutralises payloads in the header and the preamble too", () => {
    const table: TExportTable = {
      ...oneColumn(["ok"]),
      columns: [{ key: "v", label: "=1+1" }],
      meta: [{ label: "@Filters", value: "-topic" }],
    };
    const records = read(toCsv(table, { profile: "spreadsheet" }), { bom: true, relax_column_count: true });
    expect(records).toEqual([["Payloads"], ["'@Filters", "'-topic"], [""], ["'=1+1"], ["ok"]]);
  });

  it("leaves formula payloads untouched in the plain profile", () => {
    const csv = toCsv(oneColumn(INJECTION_TEXTS), { profile: "plain" });
    expect(read(csv).slice(1)).toEqual(INJECTION_TEXTS.map((t) => [t]));
  });

  it("keeps numbers (a score of -2, a fraction) as numbers in both profiles", () => {
    const table = oneColumn([-2, 0.5, -0.25, 2, "-2"]);
    for (const profile of ["plain", "spreadsheet"] as const) {
      const csv = toCsv(table, { profile, meta: "omit" });
      const values = read(csv, { bom: true, cast: true })
        .slice(1)
        .map((r) => r[0]);
      expect(values.slice(0, 4)).toEqual([-2, 0.5, -0.25, 2]);
      expect(values[4]).toBe(profile === "plain" ? -2 : "'-2");
    }
  });

  it("rejects a malformed table instead of writing part of it", () => {
    const bad = { ...oneColumn(["x"]), rows: [{ v: "x", stray: "y" }] };
    expect(() => toCsv(bad, { profile: "plain" })).toThrow(AppError);
    expect(() => toCsv(oneColumn([Number.NaN]), { profile: "plain" })).toThrow(/not finite/);
  });

  it("round-trips any table of arbitrary strings and numbers through the plain profile", () => {
    const text = fc.oneof(
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ unit: fc.constantFrom(",", '"', "\r", "\n", " ", "a", "日", "=", "-", "\uFEFF"), maxLength: 12 }),
    );
    const cell = fc.oneof(text, fc.constant(null), fc.double({ noNaN: true, noDefaultInfinity: true }));
    const table = fc
      .record({ labels: fc.array(text, { minLength: 1, maxLength: 5 }), height: fc.nat({ max: 8 }) })
      .chain(({ labels, height }) =>
        fc
          .array(fc.array(cell, { minLength: labels.length, maxLength: labels.length }), {
            minLength: height,
            maxLength: height,
          })
          .map((cells): TExportTable => ({
            title: "Property",
            lang: "en",
            meta: [],
            columns: labels.map((label, i) => ({ key: `c${i}`, label })),
            rows: cells.map((r) => Object.fromEntries(r.map((v, i) => [`c${i}`, v]))),
          })),
      );
    fc.assert(
      fc.property(table, (t) => {
        expect(read(toCsv(t, { profile: "plain" }))).toEqual(expectedRecords(t));
      }),
      { numRuns: 150 },
    );
  });

  it("keeps awkward text that does not start like a formula intact in the spreadsheet profile", () => {
    const texts = AWKWARD_TEXTS.filter((t) => !t.startsWith("\n"));
    const csv = toCsv(oneColumn(texts), { profile: "spreadsheet", meta: "omit" });
    expect(read(csv, { bom: true }).slice(1)).toEqual(texts.map((t) => [t]));
  });

  it("also neutralises a leading LF or NUL (ASVS 1.2.10) in the spreadsheet profile", () => {
    const csv = toCsv(oneColumn(["\n=1+1", "\u0000=1+1"]), { profile: "spreadsheet", meta: "omit" });
    expect(read(csv, { bom: true }).slice(1)).toEqual([["'\n=1+1"], ["'\u0000=1+1"]]);
  });
});
