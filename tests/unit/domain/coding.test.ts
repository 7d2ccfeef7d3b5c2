import {
  canListCoder,
  canSeeAllCodes,
  canSeeCode,
  canSeeOthersCodes,
  MAX_RATIONALE_LENGTH,
  parseCode,
  toCellKey,
} from "@/lib/domain/coding";
import { AppError } from "@/lib/domain/errors";
import { buildMatrix, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import { ROLES, type TActor, type TRole } from "@/lib/domain/permissions";

const actor = (role: TRole, userId = `u-${role}`): TActor => ({ userId, role, name: role, email: `${role}@x.org` });

const valid = {
  clauseId: "us-28-2025-11-20#21",
  partyId: "ua",
  score: -2,
  rationale: "  Cedes territory Kyiv calls non-negotiable.  ",
  confidence: "high",
  evidence: ["ua-territory-1", "ua-territory-2"],
};

function fieldErrorsOf(input: unknown): Record<string, string[]> {
  try {
    parseCode(input);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    return (error as AppError).fieldErrors ?? {};
  }
  throw new Error("parseCode accepted the input");
}

describe("parseCode", () => {
  it("accepts a code on the scale, trims the rationale and keeps the evidence order", () => {
    expect(parseCode(valid)).toEqual({ ...valid, rationale: "Cedes territory Kyiv calls non-negotiable." });
    expect(parseCode({ ...valid, version: 3 }).version).toBe(3);
  });

  it("accepts every score of the scale, null ('no stated position') with no evidence, and an empty rationale", () => {
    for (const score of [-2, -1, 0, 1, 2]) expect(parseCode({ ...valid, score }).score).toBe(score);
    expect(parseCode({ ...valid, score: null, evidence: [], rationale: "" })).toMatchObject({
      score: null,
      evidence: [],
      rationale: "",
    });
  });

  it.each([
    ["a score off the scale", { score: 3 }, "score"],
    ["a fractional score", { score: 1.5 }, "score"],
    ["a score as text", { score: "2" }, "score"],
    ["a missing score", { score: undefined }, "score"],
    ["a clause without its number", { clauseId: "us-28-2025-11-20" }, "clauseId"],
    ["a party name for an id", { partyId: "Ukraine" }, "partyId"],
    ["an unknown confidence", { confidence: "certain" }, "confidence"],
    ["a rationale over the limit", { rationale: "x".repeat(MAX_RATIONALE_LENGTH + 1) }, "rationale"],
    ["a position cited twice", { evidence: ["ua-territory-1", "ua-territory-1"] }, "evidence"],
    ["evidence that is not a list", { evidence: "ua-territory-1" }, "evidence"],
    ["evidence for 'no stated position'", { score: null }, "evidence"],
    ["version 0", { version: 0 }, "version"],
    ["a version as text", { version: "1" }, "version"],
    ["an unknown field", { coder: "someone-else" }, "coder"],
  ])("refuses %s, naming the field", (_label, change, field) => {
    expect(Object.keys(fieldErrorsOf({ ...valid, ...change }))).toEqual([field]);
  });

  it("refuses what is not an object", () => {
    expect(Object.keys(fieldErrorsOf(null))).toEqual(["body"]);
    expect(Object.keys(fieldErrorsOf([valid]))).toEqual(["body"]);
  });
});

describe("the blind rule", () => {
  const owner = "u-owner";

  it("shows a researcher's code to its owner whether or not anything else holds", () => {
    for (const role of ROLES) expect(canSeeCode(actor(role, owner), owner, false)).toBe(true);
  });

  it("shows every code to adjudicators and admins, before they code the cell", () => {
    expect(canSeeCode(actor("adjudicator"), owner, false)).toBe(true);
    expect(canSeeCode(actor("admin"), owner, false)).toBe(true);
    expect(canSeeAllCodes(actor("adjudicator"))).toBe(true);
    expect(canSeeAllCodes(actor("coder"))).toBe(false);
  });

  it("hides another researcher's code from a coder until the coder has coded the cell", () => {
    expect(canSeeCode(actor("coder"), owner, false)).toBe(false);
    expect(canSeeCode(actor("coder"), owner, true)).toBe(true);
    expect(canSeeOthersCodes(actor("coder"), false)).toBe(false);
    expect(canSeeOthersCodes(actor("coder"), true)).toBe(true);
  });

  it("hides researchers' codes from viewers, editors and anonymous readers", () => {
    expect(canSeeCode(actor("viewer"), owner, false)).toBe(false);
    expect(canSeeCode(actor("editor"), owner, false)).toBe(false);
    expect(canSeeCode(null, owner, false)).toBe(false);
    expect(canSeeCode(null, owner, true)).toBe(false);
  });

  it("never hides the reference coding or the consensus (no owning account)", () => {
    expect(canSeeCode(null, null, false)).toBe(true);
    expect(canSeeCode(actor("coder"), null, false)).toBe(true);
  });

  it("lists researchers' coders to signed-in accounts only", () => {
    expect(canListCoder(null, "researcher")).toBe(false);
    expect(canListCoder(null, "reference")).toBe(true);
    expect(canListCoder(null, "consensus")).toBe(true);
    expect(canListCoder(actor("viewer"), "researcher")).toBe(true);
  });
});

describe("blind cells in the matrix", () => {
  const input: TMatrixInput = {
    clauses: [1, 2].map((n) => ({
      id: `doc#${n}`,
      number: String(n),
      ordinal: n,
      heading: `Clause ${n}`,
      headingJa: null,
      text: "",
      textJa: null,
      topics: [],
    })),
    parties: [
      { id: "ua", name: "Ukraine", nameJa: null },
      { id: "ru", name: "Russia", nameJa: null },
    ],
    dimensionOrder: [],
    assessments: [
      { id: "a1", clauseId: "doc#1", partyId: "ua", score: -2, confidence: "high", evidence: [] },
      { id: "a2", clauseId: "doc#2", partyId: "ru", score: 2, confidence: "high", evidence: [] },
    ],
    redLinePositions: [],
  };
  const query = parseMatrixQuery(new URLSearchParams(""), { dimensionIds: [], partyIds: ["ua", "ru"] });

  it("shows only the visible cells, and tells nothing (not even 'unassessed') about the others", () => {
    const matrix = buildMatrix({ ...input, visibleCells: new Set([toCellKey("doc#1", "ua")]) }, query);
    const cells = matrix.rows.flatMap((r) => r.cells.map((c) => [r.number, c.partyId, c.key, c.score]));
    expect(cells).toEqual([
      ["1", "ua", "crosses", -2],
      ["1", "ru", "blind", undefined],
      ["2", "ua", "blind", undefined],
      ["2", "ru", "blind", undefined],
    ]);
    expect(matrix.summary.map((s) => s.counts.blind)).toEqual([1, 2]);
  });

  it("keeps hidden scores out of the score filter", () => {
    const hidden = buildMatrix(
      { ...input, visibleCells: new Set() },
      parseMatrixQuery(new URLSearchParams("score=2"), { dimensionIds: [], partyIds: ["ua", "ru"] }),
    );
    expect(hidden.rows).toEqual([]);
    expect(buildMatrix(input, query).rows.flatMap((r) => r.cells.map((c) => c.key))).not.toContain("blind");
  });
});
