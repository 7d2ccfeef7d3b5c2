/** The matrix's JSON twin and the evidence-panel route against a seeded database. */
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import * as cellRoute from "@/app/api/documents/[id]/matrix/cell/route";
import { setupTestDb } from "../../helpers/test-db";
import { expectErrorShape } from "../../helpers/error-shape";

setupTestDb("seeded");

const params = (id: string) => ({ params: Promise.resolve({ id }) });

async function getMatrix(search: string, id = "us-28-2025-11-20") {
  const response = await matrixRoute.GET(
    new Request(`http://localhost/api/documents/${id}/matrix?${search}`),
    params(id),
  );
  return { status: response.status, body: await response.json() };
}

async function getCell(search: string, id = "us-28-2025-11-20") {
  const response = await cellRoute.GET(
    new Request(`http://localhost/api/documents/${id}/matrix/cell?${search}`),
    params(id),
  );
  return { status: response.status, body: await response.json() };
}

describe("GET /api/documents/{id}/matrix", () => {
  it("returns every clause and party with the reference assessments and evidence ids", async () => {
    const { status, body } = await getMatrix("");
    expect(status).toBe(200);
    expect(body.data.rows).toHaveLength(28);
    expect(body.data.parties.map((p: { id: string }) => p.id)).toEqual(["ua", "ru", "us", "eu", "nato"]);
    const ua21 = body.data.rows[20].cells[0];
    expect(ua21).toMatchObject({ partyId: "ua", score: -2, key: "crosses", label: "Crosses red line" });
    expect(ua21.evidenceIds.length).toBeGreaterThan(0);
    expect(ua21.redLines[0].dimensionId).toBe("territory");
    expect(body.data.document.id).toBe("us-28-2025-11-20");
  });

  it("applies the page's parameters", async () => {
    const { body } = await getMatrix("dimension=territory&party=ua,ru&score=-2&sort=conflict&lang=ja");
    expect(body.data.parties.map((p: { id: string }) => p.id)).toEqual(["ua", "ru"]);
    expect(body.data.rows.every((r: { topics: string[] }) => r.topics.includes("territory"))).toBe(true);
    expect(body.data.rows.map((r: { number: string }) => r.number)).toContain("21");
    expect(body.data.rows[0].cells[0].label).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
  });

  it("renders every shipped document, coded or not, with all its parties", async () => {
    for (const id of ["e3-counter-2025-11-23", "us-ua-geneva-2025-11-23", "ru-memorandum-2025-06-02"]) {
      const { status, body } = await getMatrix("", id);
      expect(status).toBe(200);
      expect(body.data.rows.length).toBeGreaterThan(0);
      expect(body.data.parties).toHaveLength(5);
    }
  });

  it.each([
    ["score=9", "score"],
    ["dimension=weather", "dimension"],
    ["asOf=2025-13-01", "asOf"],
    ["sort=random", "sort"],
    ["party=xx", "party"],
    ["coder=nobody", "coder"],
    ["bogus=1", "bogus"],
  ])("answers 400 for %s, naming '%s'", async (search, parameter) => {
    const { status, body } = await getMatrix(search);
    expect(status).toBe(400);
    expectErrorShape(body, "BAD_REQUEST", new RegExp(`'${parameter}'`));
  });

  it("answers 404 for an unknown document and 400 for a malformed id", async () => {
    const unknown = await getMatrix("", "no-such-doc");
    expect(unknown.status).toBe(404);
    expectErrorShape(unknown.body, "NOT_FOUND");
    const malformed = await getMatrix("", "NO SUCH");
    expect(malformed.status).toBe(400);
    expectErrorShape(malformed.body, "BAD_REQUEST", /'id'/);
  });
});

describe("GET /api/documents/{id}/matrix/cell", () => {
  it("returns the assessment, its evidence positions with sources and the red lines touched", async () => {
    const { status, body } = await getCell("clause=21&party=ua");
    expect(status).toBe(200);
    expect(body.data.assessment).toMatchObject({ score: -2, key: "crosses", confidence: expect.any(String) });
    expect(body.data.assessment.rationale.text.length).toBeGreaterThan(20);
    for (const p of body.data.assessment.evidence) {
      expect(p.partyId).toBe("ua");
      expect(p.sources[0].url).toMatch(/^https?:\/\//);
    }
    expect(body.data.redLines[0].dimensionId).toBe("territory");
    expect(body.data.redLines[0].positions.map((p: { id: string }) => p.id)).toContain("ua-territory-2025-11-20-unsc");
  });

  it("as of a date keeps later statements out of the evidence and the red lines", async () => {
    const { body } = await getCell("clause=21&party=ua&asOf=2025-11-01");
    expect(body.data.redLines[0].positions.map((p: { id: string }) => p.id)).toEqual([
      "ua-territory-2025-03-17-sybiha",
    ]);
    expect(body.data.assessment.laterEvidence.length).toBeGreaterThan(0);
    for (const p of body.data.assessment.evidence) expect(p.date <= "2025-11-01").toBe(true);
  });

  it("says plainly when a cell was not assessed", async () => {
    const { status, body } = await getCell("clause=r6&party=ua", "us-ua-geneva-2025-11-23");
    expect(status).toBe(200);
    expect(body.data.assessment).toBeNull();
  });

  it.each([
    ["party=ua", 400, "clause"],
    ["clause=21", 400, "party"],
    ["clause=21&party=ua&asOf=soon", 400, "asOf"],
    ["clause=21&party=ua&lang=de", 400, "lang"],
    ["clause=21&party=ua&extra=1", 400, "extra"],
    ["clause=99&party=ua", 404, null],
    ["clause=21&party=zz", 404, null],
  ])("%s answers %i", async (search, status, parameter) => {
    const result = await getCell(search);
    expect(result.status).toBe(status);
    expectErrorShape(
      result.body,
      status === 400 ? "BAD_REQUEST" : "NOT_FOUND",
      parameter ? new RegExp(`'${parameter}'`) : undefined,
    );
  });
});
