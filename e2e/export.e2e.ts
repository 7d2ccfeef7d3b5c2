import fs from "node:fs";
import ExcelJS from "exceljs";
import { expect, test } from "@playwright/test";

const MATRIX = "/documents/us-28-2025-11-20/matrix";
const FILENAME = /^redlines_us-28-2025-11-20_matrix_\d{4}-\d{2}-\d{2}\.(xlsx|csv)$/;

test("export the 28-point matrix to XLSX from the page, and reopen the download", async ({ page }) => {
  await page.goto(MATRIX);
  await expect(page.getByRole("grid")).toBeVisible();
  await page.getByText("Export this table").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Excel (XLSX)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(FILENAME);
  expect(download.suggestedFilename().endsWith(".xlsx")).toBe(true);
  await expect(page.getByRole("status").filter({ hasText: "Saved" })).toContainText(download.suggestedFilename());

  const file = await download.path();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(fs.readFileSync(file) as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("Table")!;
  expect(sheet.rowCount).toBe(29);
  expect(sheet.getCell("A22").value).toBe("21");
  expect(sheet.getCell("D1").value).toBe("Ukraine");
  expect(sheet.getCell("D22").value).toBe("Crosses red line");
  expect(sheet.getCell("E22").value).toBe(-2);
  expect(sheet.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 1 });
  const about = workbook.getWorksheet("About")!;
  const labels: string[] = [];
  about.eachRow((row) => labels.push(String(row.getCell(1).value)));
  expect(labels).toEqual(
    expect.arrayContaining(["Document", "Filters", "Dataset release", "Exported at", "How to cite"]),
  );
});

test("the export follows the view's filters, and 'all rows' ignores them", async ({ page }) => {
  await page.goto(`${MATRIX}?dimension=territory&party=ua`);
  await page.getByText("Export this table").click();

  const filtered = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV", exact: true }).click();
  const csv = fs.readFileSync(await (await filtered).path(), "utf8");
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const table = csv
    .slice(csv.indexOf("\r\n\r\n") + 4)
    .trim()
    .split("\r\n");
  expect(table[0]).toBe("Clause,Heading,Topics,Ukraine,Ukraine (score),Ukraine: red lines touched");
  expect(table).toHaveLength(6);

  await page.getByRole("checkbox", { name: /All rows/ }).check();
  await page.getByRole("checkbox", { name: /byte-order mark/ }).uncheck();
  const all = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV", exact: true }).click();
  const allCsv = fs.readFileSync(await (await all).path(), "utf8");
  expect(allCsv.charCodeAt(0)).not.toBe(0xfeff);
  expect(
    allCsv
      .slice(allCsv.indexOf("\r\n\r\n") + 4)
      .trim()
      .split("\r\n"),
  ).toHaveLength(29);
});

test("the Japanese page exports Japanese labels", async ({ page }) => {
  await page.goto(`/ja${MATRIX}?dimension=territory`);
  await page.getByText("この表を書き出す").click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "JSON" }).click();
  const json = JSON.parse(fs.readFileSync(await (await downloading).path(), "utf8"));
  expect(json.lang).toBe("ja");
  expect(json.columns[3].label).toBe("ウクライナ");
  expect(json.rows.find((r: { number: string }) => r.number === "21")["ua:label"]).toBe("レッドラインを越える");
});
