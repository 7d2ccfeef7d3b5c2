import { AppError } from "@/lib/domain/errors";
import {
  assertWithinCellCap,
  parseExportRequest,
  toCompareSearchParams,
  toExportFilename,
  type TCompareExportRequest,
} from "@/lib/domain/export/export-query";

const parse = (search: string) => parseExportRequest(new URLSearchParams(search));

function expectBadParameter(search: string, name: string): void {
  let error: unknown;
  try {
    parse(search);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe("BAD_REQUEST");
  expect((error as AppError).message).toContain(`'${name}'`);
  expect((error as AppError).fieldErrors).toHaveProperty(name);
}

describe("parseExportRequest", () => {
  it("reads a matrix export with the page's parameters, passing them on for the matrix to check", () => {
    const request = parse("view=matrix&format=xlsx&document=us-28-2025-11-20&dimension=territory&party=ua,ru&lang=ja");
    expect(request).toMatchObject({
      view: "matrix",
      format: "xlsx",
      lang: "ja",
      all: false,
      document: "us-28-2025-11-20",
    });
    expect(request.view === "matrix" && request.matrixParams.toString()).toBe("dimension=territory&party=ua%2Cru");
  });

  it("with all=1 leaves out the row filters but keeps parties, date, sort and coding", () => {
    const request = parse(
      "view=matrix&format=csv&document=d&all=1&dimension=territory&score=-2&q=nato&party=ua&asOf=2025-11-01&sort=conflict",
    );
    expect(request.view === "matrix" && [...request.matrixParams.keys()]).toEqual(["party", "asOf", "sort"]);
    expect(request.all).toBe(true);
  });

  it("defaults CSV to the spreadsheet profile and takes profile and bom for CSV only", () => {
    expect(parse("view=matrix&format=csv&document=d").csv).toEqual({ profile: "spreadsheet", bom: undefined });
    expect(parse("view=matrix&format=csv&document=d&profile=plain&bom=1").csv).toEqual({ profile: "plain", bom: true });
    expectBadParameter("view=matrix&format=xlsx&document=d&bom=1", "bom");
    expectBadParameter("view=matrix&format=json&document=d&profile=plain", "profile");
  });

  it("reads a compare export with the compare page's parameters", () => {
    const request = parse("view=compare&format=md&from=a-1&to=b-2&party=ua&mode=inline") as TCompareExportRequest;
    expect(request).toMatchObject({ view: "compare", from: "a-1", to: "b-2", party: "ua", mode: "inline" });
    expect(toCompareSearchParams(request).toString()).toBe("from=a-1&to=b-2&party=ua&mode=inline");
    expect((parse("view=compare&format=md&from=a&to=b&party=ua&all=1") as TCompareExportRequest).party).toBeNull();
  });

  it.each([
    ["format=csv&document=d", "view"],
    ["view=table&format=csv", "view"],
    ["view=matrix&document=d", "format"],
    ["view=matrix&format=pdf&document=d", "format"],
    ["view=matrix&format=csv", "document"],
    ["view=matrix&format=csv&document=Bad Id", "document"],
    ["view=matrix&format=csv&document=d&lang=de", "lang"],
    ["view=matrix&format=csv&document=d&all=yes", "all"],
    ["view=matrix&format=csv&document=d&format=json", "format"],
    ["view=matrix&format=csv&document=d&from=a", "from"],
    ["view=matrix&format=csv&document=d&bogus=1", "bogus"],
    ["view=compare&format=csv&to=b", "from"],
    ["view=compare&format=csv&from=a", "to"],
    ["view=compare&format=csv&from=a&to=a", "to"],
    ["view=compare&format=csv&from=a&to=b&mode=diagonal", "mode"],
    ["view=compare&format=csv&from=a&to=b&dimension=territory", "dimension"],
    ["view=compare&format=csv&from=a&to=b&party=UA", "party"],
  ])("refuses %s naming '%s'", (search, name) => {
    expectBadParameter(search, name);
  });
});

describe("toExportFilename", () => {
  it("names the document, the view and the day", () => {
    expect(toExportFilename(parse("view=matrix&format=xlsx&document=us-28-2025-11-20"), "2026-03-14T09:30:00Z")).toBe(
      "redlines_us-28-2025-11-20_matrix_2026-03-14.xlsx",
    );
    expect(toExportFilename(parse("view=compare&format=tex&from=a&to=b"), "2026-03-14T23:59:59Z")).toBe(
      "redlines_a_vs_b_compare_2026-03-14.tex",
    );
  });
});

describe("assertWithinCellCap", () => {
  it("lets a table at the cap through and refuses a larger one with 413 and advice", () => {
    expect(() => assertWithinCellCap(100, 20, 2000)).not.toThrow();
    let error: unknown;
    try {
      assertWithinCellCap(12_500, 18, 200_000);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("PAYLOAD_TOO_LARGE");
    expect((error as AppError).message).toBe(
      "This export would hold 225,000 cells (12,500 rows × 18 columns), more than the 200,000 one table export may " +
        "hold. Narrow it with the view's filters or fewer parties, or download the whole dataset instead " +
        "(GET /api/dataset/export).",
    );
  });
});
