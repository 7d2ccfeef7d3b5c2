import { escapeXlsxText, toCellLines, toColumnName, toXlsxParts, XlsxStyles } from "@/lib/domain/export/spreadsheetml";
import type { TExportTable } from "@/lib/domain/export/table";
import { AWKWARD_TEXTS, buildCompareTable, buildMatrixTable } from "./fixtures";
import { readXmlOutline } from "./readers";

const created = new Date("2026-03-14T09:30:00Z");

/** Every part's text, joined in zip order (the order the shared strings and styles depend on). */
function toPartTexts(table: TExportTable): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of toXlsxParts(table, { created })) out[part.path] = [...part.chunks()].join("");
  return out;
}

/** A matrix of `n` rows cycling through the fixture's rows and their styles. */
function buildLongMatrix(n: number): TExportTable {
  const table = buildMatrixTable();
  const styles = table.cellStyles ?? [];
  return {
    ...table,
    rows: Array.from({ length: n }, (_, i) => ({ ...table.rows[i % table.rows.length], number: String(i) })),
    cellStyles: Array.from({ length: n }, (_, i) => styles[i % styles.length]),
  };
}

describe("toXlsxParts", () => {
  it("writes the package parts in zip order, sheets before the shared strings and styles they fill", () => {
    expect(toXlsxParts(buildMatrixTable(), { created }).map((p) => p.path)).toEqual([
      "[Content_Types].xml",
      "_rels/.rels",
      "docProps/app.xml",
      "docProps/core.xml",
      "xl/workbook.xml",
      "xl/_rels/workbook.xml.rels",
      "xl/worksheets/sheet1.xml",
      "xl/worksheets/sheet2.xml",
      "xl/sharedStrings.xml",
      "xl/styles.xml",
    ]);
  });

  it("gives well-formed XML parts, worksheet children in the schema's order", () => {
    for (const table of [buildMatrixTable(), buildMatrixTable("ja"), buildCompareTable()]) {
      const parts = toPartTexts(table);
      for (const xml of Object.values(parts)) expect(() => readXmlOutline(xml)).not.toThrow();
      expect(readXmlOutline(parts["xl/worksheets/sheet1.xml"]).children).toEqual([
        "dimension",
        "sheetViews",
        "sheetFormatPr",
        "cols",
        "sheetData",
        "autoFilter",
        "pageMargins",
      ]);
      expect(readXmlOutline(parts["xl/worksheets/sheet2.xml"]).children).toEqual([
        "dimension",
        "sheetViews",
        "sheetFormatPr",
        "cols",
        "sheetData",
        "pageMargins",
      ]);
      expect(readXmlOutline(parts["xl/styles.xml"]).children).toEqual([
        "fonts",
        "fills",
        "borders",
        "cellStyleXfs",
        "cellXfs",
        "cellStyles",
        "dxfs",
        "tableStyles",
      ]);
    }
  });

  it("freezes the header row and first column and filters the header, named as Excel names it", () => {
    const parts = toPartTexts(buildMatrixTable());
    const sheet = parts["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain('<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<autoFilter ref="A1:G1"/>');
    expect(sheet).toContain('<dimension ref="A1:G4"/>');
    expect(parts["xl/workbook.xml"]).toContain(
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Table!$A$1:$G$1</definedName>',
    );
  });

  it("keeps each distinct format once: 2,000 styled rows give the same styles part as 3", () => {
    const countOf = (xml: string, tag: string) => Number(new RegExp(`<${tag} count="(\\d+)"`).exec(xml)?.[1]);
    const small = toPartTexts(buildMatrixTable())["xl/styles.xml"];
    const large = toPartTexts(buildLongMatrix(2_000))["xl/styles.xml"];
    expect(large).toBe(small);
    // default; header left and centred; body left and centred; six score fills; About title, label and value
    expect(countOf(small, "cellXfs")).toBe(14);
    // none and gray125 (reserved), the header and six score fills
    expect(countOf(small, "fills")).toBe(9);
    expect(small.match(/<xf /g)).toHaveLength(14 + 1);
  });

  it("stores every text once in the shared strings and every text cell as a reference to it", () => {
    const parts = toPartTexts(buildLongMatrix(1_000));
    const sst = parts["xl/sharedStrings.xml"];
    const unique = Number(/uniqueCount="(\d+)"/.exec(sst)?.[1]);
    expect(sst.match(/<si>/g)).toHaveLength(unique);
    expect(unique).toBeLessThan(1_100);
    expect(parts["xl/worksheets/sheet1.xml"]).not.toMatch(/t="(str|inlineStr)"|<f>/);
  });

  it("writes a table without rows as a header with its filter", () => {
    const parts = toPartTexts({ ...buildMatrixTable(), rows: [], cellStyles: [] });
    const sheet = parts["xl/worksheets/sheet1.xml"];
    expect(sheet).toContain('<dimension ref="A1:G1"/>');
    expect(sheet.match(/<row /g)).toHaveLength(1);
    expect(sheet).toContain('<autoFilter ref="A1:G1"/>');
  });

  it("states title, creator and times in the core properties, without milliseconds", () => {
    const core = toXlsxParts(buildCompareTable(), { created: new Date("2026-03-14T09:30:00.123Z") })[3];
    const xml = [...core.chunks()].join("");
    expect(xml).toContain("<dc:title>28-point plan → 19-point plan</dc:title>");
    expect(xml).toContain("<dc:creator>Redlines</dc:creator>");
    expect(xml).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2026-03-14T09:30:00Z</dcterms:created>');
    expect(xml).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-03-14T09:30:00Z</dcterms:modified>');
  });
});

describe("XlsxStyles", () => {
  it("gives one index per distinct format and 0 to the default", () => {
    const styles = new XlsxStyles();
    const a = styles.indexOf({ font: { bold: true }, fill: "FF404040", alignment: { horizontal: "left" } });
    const b = styles.indexOf({ alignment: { horizontal: "left" }, fill: "FF404040", font: { bold: true } });
    const c = styles.indexOf({ font: { bold: true }, fill: "FF404040", alignment: { horizontal: "right" } });
    expect(styles.indexOf({})).toBe(0);
    expect(a).toBe(b);
    expect(c).not.toBe(a);
    expect(styles.size).toBe(3);
  });
});

describe("cell text", () => {
  it("turns CR and CRLF into LF and drops what XML 1.0 cannot hold, keeping tab and LF", () => {
    expect(toCellLines("a\r\nb\rc\nd")).toBe("a\nb\nc\nd");
    expect(toCellLines("bell\u0007 nul\u0000 esc\u001b tab\t vt\u000b ff\u000c \ufffe\uffff.")).toBe(
      "bell nul esc tab\t vt ff .",
    );
    expect(toCellLines(AWKWARD_TEXTS[6])).toBe(AWKWARD_TEXTS[6]);
  });

  it("escapes XML's markup and Excel's _xHHHH_ escape, so both are shown as written", () => {
    expect(escapeXlsxText('<b>"x" & y</b>')).toBe("&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;");
    expect(escapeXlsxText("_x0041_ and _x00e9_ but not _x41_ or _xZZZZ_")).toBe(
      "_x005F_x0041_ and _x005F_x00e9_ but not _x41_ or _xZZZZ_",
    );
  });

  it("names columns as a spreadsheet does", () => {
    expect([0, 1, 25, 26, 27, 38, 51, 52, 701, 702].map(toColumnName)).toEqual([
      "A",
      "B",
      "Z",
      "AA",
      "AB",
      "AM",
      "AZ",
      "BA",
      "ZZ",
      "AAA",
    ]);
  });
});
