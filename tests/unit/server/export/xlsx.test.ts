import ExcelJS from "exceljs";
import { SCORE_COLOURS, type TExportTable } from "@/lib/domain/export/table";
import { XLSX_ABOUT_SHEET, XLSX_HEADER_FILL, XLSX_TABLE_SHEET, toXlsx } from "@/lib/server/export/xlsx";
import { AWKWARD_TEXTS, INJECTION_TEXTS, buildCompareTable, buildMatrixTable } from "../../domain/export/fixtures";

/** Reads the bytes back with exceljs's own reader, as a user's spreadsheet would open them. */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const sheetOf = (workbook: ExcelJS.Workbook, name: string) => {
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
};

/** Excel's in-cell line break is LF; CR and CRLF come back as LF. */
const asExcelLines = (text: string) => text.replace(/\r\n?/g, "\n");

const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill.fgColor?.argb : undefined;

describe("toXlsx read back with exceljs", () => {
  it("is a zip with a Table and an About sheet", async () => {
    const bytes = await toXlsx(buildMatrixTable());
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(bytes.subarray(0, 2)).toString("latin1")).toBe("PK");
    const workbook = await load(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual([XLSX_TABLE_SHEET, XLSX_ABOUT_SHEET]);
  });

  it("keeps header and values, numbers as numbers and awkward or Japanese text (line breaks as LF)", async () => {
    const table = buildCompareTable();
    const sheet = sheetOf(await load(await toXlsx(table)), XLSX_TABLE_SHEET);
    expect(sheet.getRow(1).values).toEqual([undefined, "From", "To", "Relation", "Confidence", "Changes"]);
    expect(sheet.getCell(2, 4).value).toBe(-2);
    expect(sheet.getCell(2, 4).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getCell(5, 2).value).toBeNull();
    const diffs = AWKWARD_TEXTS.map((_, i) => sheet.getCell(i + 2, 5).value);
    expect(diffs).toEqual(AWKWARD_TEXTS.map(asExcelLines));
    expect(sheet.rowCount).toBe(table.rows.length + 1);

    const ja = sheetOf(await load(await toXlsx(buildMatrixTable("ja"))), XLSX_TABLE_SHEET);
    expect(ja.getCell(1, 4).value).toBe("ウクライナ");
    expect(ja.getCell(2, 4).value).toBe("レッドラインを越える");
  });

  it("stores formula payloads as text, never as formulas", async () => {
    const table: TExportTable = {
      title: "Payloads",
      lang: "en",
      meta: [],
      columns: [{ key: "v", label: "Value" }],
      rows: INJECTION_TEXTS.map((v) => ({ v })),
    };
    const sheet = sheetOf(await load(await toXlsx(table)), XLSX_TABLE_SHEET);
    INJECTION_TEXTS.forEach((text, i) => {
      const cell = sheet.getCell(i + 2, 1);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(asExcelLines(text));
    });
  });

  it("gives the header a bold font on a dark fill, freezes it and the first column, and adds a filter", async () => {
    const sheet = sheetOf(await load(await toXlsx(buildMatrixTable())), XLSX_TABLE_SHEET);
    for (let c = 1; c <= 7; c++) {
      const cell = sheet.getCell(1, c);
      expect(cell.font?.bold).toBe(true);
      expect(fillOf(cell)).toBe(XLSX_HEADER_FILL);
    }
    expect(sheet.getCell(2, 1).font?.bold).toBeFalsy();
    expect(sheet.views).toHaveLength(1);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:G1");
  });

  it("fills every score cell with its PuOr colour and text colour, and leaves other cells unfilled", async () => {
    const table = buildMatrixTable();
    const sheet = sheetOf(await load(await toXlsx(table)), XLSX_TABLE_SHEET);
    const seen = new Set<string>();
    table.rows.forEach((_, r) => {
      table.columns.forEach((column, c) => {
        const cell = sheet.getCell(r + 2, c + 1);
        const style = table.cellStyles?.[r]?.[column.key];
        if (style === undefined) {
          expect(fillOf(cell)).toBeUndefined();
          return;
        }
        seen.add(style);
        expect(fillOf(cell)).toBe(`FF${SCORE_COLOURS[style].fill}`);
        expect(cell.font?.color?.argb).toBe(`FF${SCORE_COLOURS[style].text}`);
      });
    });
    expect([...seen].sort()).toEqual(["conflicts", "consistent", "crosses", "fulfils", "mixed", "none"]);
    expect(fillOf(sheet.getCell(2, 4))).toBe("FFB35806");
    expect(sheet.getCell(2, 4).font?.color?.argb).toBe("FFFFFFFF");
    expect(fillOf(sheet.getCell(3, 5))).toBe("FFFFFFFF");
    expect(sheet.getCell(3, 5).value).toBe("No stated position");
  });

  it("sizes columns by their content, wider for the heading than for the clause number", async () => {
    const sheet = sheetOf(await load(await toXlsx(buildMatrixTable())), XLSX_TABLE_SHEET);
    const widths = [1, 2].map((c) => sheet.getColumn(c).width ?? 0);
    expect(widths[0]).toBeGreaterThanOrEqual(8);
    expect(widths[1]).toBeGreaterThan(widths[0]);
  });

  it("states title, document, filters, release, export time and citation on the About sheet", async () => {
    const table = buildMatrixTable("ja");
    const created = new Date("2026-03-14T09:30:00Z");
    const workbook = await load(await toXlsx(table, { created }));
    const about = sheetOf(workbook, XLSX_ABOUT_SHEET);
    expect(about.getCell(1, 1).value).toBe(table.title);
    const lines = table.meta.map((_, i) => [about.getCell(i + 3, 1).value, about.getCell(i + 3, 2).value]);
    expect(lines).toEqual(table.meta.map((m) => [m.label, m.value]));
    expect(about.getCell(3, 1).font?.bold).toBe(true);
    expect(workbook.title).toBe(table.title);
    expect(workbook.creator).toBe("Redlines");
    expect(workbook.created.toISOString()).toBe(created.toISOString());
    expect(workbook.modified.toISOString()).toBe(created.toISOString());
    expect(about.getCell(1, 1).font).toMatchObject({ bold: true, size: 14 });
    expect(about.getCell(3, 2).alignment).toMatchObject({ vertical: "top", wrapText: true });
  });

  it("aligns numbers right without wrapping, scores centred and text left, both wrapped", async () => {
    const compare = sheetOf(await load(await toXlsx(buildCompareTable())), XLSX_TABLE_SHEET);
    expect(compare.getCell(2, 4).alignment).toMatchObject({ horizontal: "right", vertical: "top" });
    expect(compare.getCell(2, 4).alignment.wrapText).toBeFalsy();
    expect(compare.getCell(2, 5).alignment).toMatchObject({ horizontal: "left", vertical: "top", wrapText: true });
    const matrix = sheetOf(await load(await toXlsx(buildMatrixTable())), XLSX_TABLE_SHEET);
    expect(matrix.getCell(2, 4).alignment).toMatchObject({ horizontal: "center", vertical: "top", wrapText: true });
    expect(matrix.getCell(1, 4).alignment).toMatchObject({ horizontal: "center", vertical: "middle", wrapText: true });
  });

  it("drops the control characters XML 1.0 cannot hold and keeps Excel-escape-looking text as written", async () => {
    const texts = ["bell\u0007 nul\u0000 esc\u001b, tab\t kept", "_x0041_ is not A", "\ufffenot a character\uffff"];
    const table: TExportTable = {
      title: "Control\u0001 characters",
      lang: "en",
      meta: [{ label: "Note\u0002", value: "value\u0003" }],
      columns: [{ key: "v", label: "Value\u0004" }],
      rows: texts.map((v) => ({ v })),
    };
    const workbook = await load(await toXlsx(table));
    const sheet = sheetOf(workbook, XLSX_TABLE_SHEET);
    expect(sheet.getCell(1, 1).value).toBe("Value");
    expect(texts.map((_, i) => sheet.getCell(i + 2, 1).value)).toEqual([
      "bell nul esc, tab\t kept",
      "_x0041_ is not A",
      "not a character",
    ]);
    const about = sheetOf(workbook, XLSX_ABOUT_SHEET);
    expect([about.getCell(1, 1).value, about.getCell(3, 1).value, about.getCell(3, 2).value]).toEqual([
      "Control characters",
      "Note",
      "value",
    ]);
  });

  it("writes a table without rows as its header, frozen and filtered", async () => {
    const sheet = sheetOf(
      await load(await toXlsx({ ...buildMatrixTable(), rows: [], cellStyles: [] })),
      XLSX_TABLE_SHEET,
    );
    expect(sheet.rowCount).toBe(1);
    expect(sheet.getCell(1, 1).value).toBe("Clause");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.autoFilter).toBe("A1:G1");
  });

  it("gives the same bytes for the same table and time, and other bytes for another time", async () => {
    const created = new Date("2026-03-14T09:30:00Z");
    const a = await toXlsx(buildMatrixTable("ja"), { created });
    const b = await toXlsx(buildMatrixTable("ja"), { created });
    const c = await toXlsx(buildMatrixTable("ja"), { created: new Date("2026-03-15T09:30:00Z") });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
  });

  it("rejects a malformed table", async () => {
    await expect(toXlsx({ ...buildCompareTable(), columns: [] })).rejects.toThrow(/at least one column/);
  });
});
