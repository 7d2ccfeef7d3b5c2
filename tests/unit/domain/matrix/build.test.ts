import { buildMatrix, normalizeForSearch, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import { findRedLinesTouched } from "@/lib/domain/red-lines";
import { toDatasetRows } from "@/lib/domain/dataset/rows";
import { BASE_RELEASE, readReferenceDataset } from "@/prisma/seed/reference";

const rows = toDatasetRows(readReferenceDataset(), BASE_RELEASE);

/** The matrix input of one document, built from the reference rows as the repository builds it from the database. */
function inputOf(documentId: string): TMatrixInput {
  const positionDates = new Map(rows.positions.map((p) => [p.id, p.date]));
  const clauses = rows.clauses.filter((c) => c.documentId === documentId);
  const clauseIds = new Set(clauses.map((c) => c.id));
  return {
    clauses: clauses.map((c) => ({
      ...c,
      topics: rows.clauseTopics.filter((t) => t.clauseId === c.id).map((t) => t.dimensionId),
    })),
    parties: rows.parties.map((p) => ({ id: p.id, name: p.name, nameJa: p.nameJa })),
    dimensionOrder: rows.dimensions.map((d) => d.id),
    assessments: rows.assessments
      .filter((a) => clauseIds.has(a.clauseId))
      .map((a) => ({
        id: a.id,
        clauseId: a.clauseId,
        partyId: a.partyId,
        score: a.score,
        confidence: a.confidence,
        evidence: rows.assessmentEvidence
          .filter((e) => e.assessmentId === a.id)
          .map((e) => ({ positionId: e.positionId, date: positionDates.get(e.positionId)! })),
      })),
    redLinePositions: rows.positions,
  };
}

const plan = inputOf("us-28-2025-11-20");
const vocabulary = { dimensionIds: plan.dimensionOrder, partyIds: plan.parties.map((p) => p.id) };
const build = (search: string, input = plan) =>
  buildMatrix(input, parseMatrixQuery(new URLSearchParams(search), vocabulary));

describe("buildMatrix on the 28-point plan", () => {
  it("has a row per clause in order and a cell per party, filled from the reference coding", () => {
    const matrix = build("");
    expect(matrix.rows.map((r) => r.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    expect(matrix.rows.every((r) => r.cells.map((c) => c.partyId).join() === "ua,ru,us,eu,nato")).toBe(true);
    const row21 = matrix.rows[20];
    expect(row21.cells.map((c) => c.score)).toEqual([-2, 2, 1, -2, null]);
    expect(row21.cells[0]).toMatchObject({ key: "crosses", label: "Crosses red line" });
    expect(row21.cells[4]).toMatchObject({ key: "none", label: "No stated position", evidenceIds: [] });
  });

  it("marks red lines exactly as the red-line detection finds them, in every cell", () => {
    const matrix = build("");
    for (const row of matrix.rows) {
      for (const cell of row.cells) {
        expect(cell.redLines).toEqual(
          findRedLinesTouched({ topics: row.topics, partyId: cell.partyId, positions: plan.redLinePositions }).map(
            (r) => ({ dimensionId: r.dimensionId, positions: r.positionIds.length }),
          ),
        );
      }
    }
    expect(matrix.rows[20].cells[0].redLines.map((r) => r.dimensionId)).toEqual(["territory"]);
  });

  it("filters by dimension and counts facets over the other filters", () => {
    const matrix = build("dimension=territory");
    const expected = plan.clauses.filter((c) => c.topics.includes("territory")).map((c) => c.number);
    expect(expected).toEqual(["10", "19", "21", "22", "23"]);
    expect(matrix.rows.map((r) => r.number)).toEqual(expected);
    const territory = matrix.dimensionFacets.find((f) => f.dimensionId === "territory")!;
    expect(territory.count).toBe(matrix.rows.length);
    const sovereignty = matrix.dimensionFacets.find((f) => f.dimensionId === "sovereignty")!;
    expect(sovereignty.count).toBe(build("dimension=sovereignty").rows.length);
  });

  it("filters by score over the visible parties only", () => {
    const crosses = build("score=-2");
    expect(crosses.rows.length).toBeGreaterThan(0);
    expect(crosses.rows.every((r) => r.cells.some((c) => c.score === -2))).toBe(true);
    const ukraineOnly = build("score=-2&party=ua");
    expect(ukraineOnly.rows.every((r) => r.cells.length === 1 && r.cells[0].score === -2)).toBe(true);
    expect(ukraineOnly.rows.length).toBeLessThanOrEqual(crosses.rows.length);
    expect(build("score=none").rows.every((r) => r.cells.some((c) => c.score === null))).toBe(true);
  });

  it("searches headings and texts in both languages, width-insensitively", () => {
    expect(build("q=territories").rows.map((r) => r.number)).toContain("21");
    expect(build("q=領土").rows.map((r) => r.number)).toContain("21");
    expect(build("q=ＮＡＴＯ").rows.map((r) => r.number)).toEqual(build("q=nato").rows.map((r) => r.number));
    expect(build("q=zzzz-nothing").rows).toEqual([]);
    expect(normalizeForSearch("Ｔｅｒｒｉｔｏｒｙ")).toBe("territory");
  });

  it("sorts by conflict load, most negative cells first, ties in clause order", () => {
    const matrix = build("sort=conflict");
    const loads = matrix.rows.map((r) => r.conflictLoad);
    expect([...loads].sort((a, b) => b - a)).toEqual(loads);
    for (let i = 1; i < matrix.rows.length; i++) {
      if (loads[i] === loads[i - 1]) expect(matrix.rows[i].ordinal).toBeGreaterThan(matrix.rows[i - 1].ordinal);
    }
    expect(matrix.rows[0].conflictLoad).toBeGreaterThan(0);
  });

  it("groups by dimension in codebook order, a clause under each of its topics", () => {
    const matrix = build("group=dimension");
    const groups = matrix.groups!;
    const order = plan.dimensionOrder;
    const ranks = groups.map((g) => order.indexOf(g.dimensionId!));
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    const territory = groups.find((g) => g.dimensionId === "territory")!;
    expect(territory.clauseIds).toContain("us-28-2025-11-20#21");
    const ceasefire = groups.find((g) => g.dimensionId === "ceasefire-monitoring")!;
    expect(ceasefire.clauseIds).toContain("us-28-2025-11-20#21");
    expect(build("").groups).toBeNull();
  });

  it("as of a date ignores later red lines and separates later evidence", () => {
    const matrix = build("asOf=2025-11-01");
    const cell = matrix.rows[20].cells[0];
    expect(cell.redLines).toEqual([{ dimensionId: "territory", positions: 1 }]);
    expect(cell.laterEvidenceIds.length).toBeGreaterThan(0);
    expect([...cell.evidenceIds, ...cell.laterEvidenceIds].sort()).toEqual(
      [...build("").rows[20].cells[0].evidenceIds].sort(),
    );
  });

  it("summarises visible cells by score for each party", () => {
    const matrix = build("");
    for (const [i, s] of matrix.summary.entries()) {
      const total = Object.values(s.counts).reduce((a, b) => a + b, 0);
      expect(total).toBe(28);
      expect(s.counts.crosses).toBe(matrix.rows.filter((r) => r.cells[i].score === -2).length);
      expect(s.redLineCells).toBe(matrix.rows.filter((r) => r.cells[i].redLines.length > 0).length);
    }
  });

  it("labels in Japanese when asked", () => {
    const matrix = build("lang=ja");
    expect(matrix.rows[20].title).toEqual({ text: "領土", lang: "ja", fallback: false });
    expect(matrix.rows[20].cells[0].label).toBe("レッドラインを越える");
    expect(matrix.parties[0].name.text).toBe("ウクライナ");
  });
});

describe("buildMatrix on a document nobody has coded", () => {
  it("shows unassessed cells and still marks red lines", () => {
    const geneva = inputOf("us-ua-geneva-2025-11-23");
    const matrix = buildMatrix(geneva, parseMatrixQuery(new URLSearchParams(""), vocabulary));
    expect(matrix.rows.length).toBe(geneva.clauses.length);
    expect(matrix.rows.every((r) => r.cells.every((c) => c.key === "unassessed" && c.assessmentId === null))).toBe(
      true,
    );
    expect(matrix.rows.some((r) => r.cells.some((c) => c.redLines.length > 0))).toBe(true);
  });
});
