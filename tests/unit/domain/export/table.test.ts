import { AppError } from "@/lib/domain/errors";
import {
  assertExportTable,
  computeColumnWidths,
  computeTextWidth,
  getCellStyle,
  type TExportTable,
} from "@/lib/domain/export/table";
import { buildCompareTable, buildMatrixTable } from "./fixtures";

const base: TExportTable = {
  title: "T",
  lang: "en",
  meta: [],
  columns: [
    { key: "a", label: "A" },
    { key: "b", label: "B", kind: "score" },
  ],
  rows: [{ a: "x", b: "Mixed" }],
  cellStyles: [{ b: "mixed" }],
};

const problemOf = (table: TExportTable) => {
  try {
    assertExportTable(table);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("INTERNAL");
    return (error as AppError).message;
  }
};

describe("assertExportTable", () => {
  it("accepts the matrix and the comparison as the views build them", () => {
    expect(problemOf(buildMatrixTable())).toBeNull();
    expect(problemOf(buildMatrixTable("ja"))).toBeNull();
    expect(problemOf(buildCompareTable())).toBeNull();
  });

  it("names each way a table can be malformed", () => {
    expect(problemOf({ ...base, title: " " })).toMatch(/needs a title/);
    expect(problemOf({ ...base, columns: [] })).toMatch(/at least one column/);
    expect(problemOf({ ...base, columns: [...base.columns, { key: "a", label: "again" }] })).toMatch(/repeated/);
    expect(problemOf({ ...base, columns: [...base.columns, { key: "", label: "empty" }] })).toMatch(/key is empty/);
    expect(problemOf({ ...base, rows: [{ a: "x", c: "stray" }] })).toMatch(/unknown column 'c'/);
    expect(problemOf({ ...base, rows: [{ a: Infinity }] })).toMatch(/not finite/);
    expect(problemOf({ ...base, cellStyles: [{ a: "mixed" }, { a: "mixed" }] })).toMatch(/more entries than rows/);
    expect(problemOf({ ...base, cellStyles: [{ c: "mixed" }] })).toMatch(/unknown column 'c'/);
    expect(problemOf({ ...base, cellStyles: [{ b: "purple" as never }] })).toMatch(/'b' is unknown/);
  });
});

describe("column widths", () => {
  it("counts East Asian wide characters twice and takes the longest line", () => {
    expect(computeTextWidth("abc")).toBe(3);
    expect(computeTextWidth("ウクライナ")).toBe(10);
    expect(computeTextWidth("short\na much longer line")).toBe(18);
    expect(computeTextWidth("")).toBe(0);
    expect(computeTextWidth("Zelensky — “no”")).toBe(15);
    expect(computeTextWidth("EU（欧州連合）")).toBe(14);
  });

  it("sizes each column by its widest cell, clamped", () => {
    const widths = computeColumnWidths({ ...base, rows: [{ a: "x".repeat(200), b: "ok" }] });
    expect(widths).toEqual([60, 6]);
  });

  it("finds a cell's style by row and column, and none where unstyled", () => {
    expect(getCellStyle(base, 0, "b")).toBe("mixed");
    expect(getCellStyle(base, 0, "a")).toBeNull();
    expect(getCellStyle({ ...base, cellStyles: undefined }, 0, "b")).toBeNull();
  });
});
