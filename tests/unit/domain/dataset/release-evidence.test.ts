/** "New evidence since a release": which cell is marked, with which positions, in the domain and in the matrix. */
import { findCodedOnRelease, findNewEvidence, type TEvidenceCandidate } from "@/lib/domain/dataset/release-evidence";
import { buildMatrix, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";

const RELEASES = [
  { id: "2026-06", appliedAt: new Date("2026-06-10T08:00:00Z") },
  { id: "2026-03", appliedAt: new Date("2026-03-06T08:00:00Z") },
];

const candidate = (id: string, extra: Partial<TEvidenceCandidate> = {}): TEvidenceCandidate => ({
  positionId: id,
  partyId: "ua",
  dimensionId: "sanctions",
  date: "2026-03-13",
  releaseId: "2026-06",
  clauseId: "doc#13",
  ...extra,
});

describe("findCodedOnRelease", () => {
  it("puts the reference coding on the base release, whenever its rows were written", () => {
    expect(findCodedOnRelease(RELEASES, "reference", new Date("2026-07-01T00:00:00Z"))).toBe("2026-03");
  });

  it("puts a researcher's value on the newest release applied before its last change", () => {
    expect(findCodedOnRelease(RELEASES, "researcher", new Date("2026-04-01T00:00:00Z"))).toBe("2026-03");
    expect(findCodedOnRelease(RELEASES, "consensus", new Date("2026-06-10T08:00:00Z"))).toBe("2026-06");
    expect(findCodedOnRelease(RELEASES, "researcher", new Date("2026-08-01T00:00:00Z"))).toBe("2026-06");
  });

  it("has no release to name when none is applied", () => {
    expect(findCodedOnRelease([], "reference", null)).toBeNull();
  });
});

describe("findNewEvidence", () => {
  const base = {
    clauseId: "doc#13",
    topics: ["sanctions", "russia-west-relations"],
    partyId: "ua",
    codedOnReleaseId: "2026-03",
    cited: [] as string[],
  };

  it("lists the party's later positions on the clause's topics, newest first", () => {
    const found = findNewEvidence({
      ...base,
      candidates: [
        candidate("a", { date: "2026-03-13" }),
        candidate("b", { date: "2026-05-01" }),
        candidate("whole-document", { clauseId: null, date: "2026-04-01", dimensionId: "russia-west-relations" }),
      ],
    });
    expect(found).toEqual({
      releaseId: "2026-06",
      codedOnReleaseId: "2026-03",
      positionIds: ["b", "whole-document", "a"],
    });
  });

  it.each([
    ["of another party", { partyId: "ru" }],
    ["on a dimension the clause does not cover", { dimensionId: "territory" }],
    ["about another clause", { clauseId: "doc#14" }],
    ["from the release the cell was coded on", { releaseId: "2026-03" }],
    ["stated after the as-of date", { date: "2026-05-01" }],
  ])("leaves out a position %s", (_what, extra) => {
    expect(findNewEvidence({ ...base, asOf: "2026-04-30", candidates: [candidate("x", extra)] })).toBeNull();
  });

  it("leaves out what the assessment already cites, and counts a position once", () => {
    const found = findNewEvidence({
      ...base,
      cited: ["cited"],
      candidates: [candidate("cited"), candidate("twice"), candidate("twice", { clauseId: null })],
    });
    expect(found?.positionIds).toEqual(["twice"]);
  });

  it("names the newest release that brought new evidence", () => {
    const found = findNewEvidence({
      ...base,
      candidates: [candidate("june"), candidate("september", { releaseId: "2026-09" })],
    });
    expect(found?.releaseId).toBe("2026-09");
  });

  it("marks nothing without a release to compare with", () => {
    expect(findNewEvidence({ ...base, codedOnReleaseId: null, candidates: [candidate("a")] })).toBeNull();
  });
});

describe("buildMatrix marks cells with new evidence", () => {
  const input: TMatrixInput = {
    clauses: [
      {
        id: "doc#13",
        number: "13",
        ordinal: 0,
        heading: "Sanctions",
        headingJa: null,
        text: "t",
        textJa: null,
        topics: ["sanctions"],
      },
      {
        id: "doc#14",
        number: "14",
        ordinal: 1,
        heading: "Other",
        headingJa: null,
        text: "t",
        textJa: null,
        topics: ["territory"],
      },
    ],
    parties: [
      { id: "ua", name: "Ukraine", nameJa: null },
      { id: "ru", name: "Russia", nameJa: null },
    ],
    dimensionOrder: ["sanctions", "territory"],
    assessments: [
      { id: "r:13:ua", clauseId: "doc#13", partyId: "ua", score: 0, confidence: "medium", evidence: [] },
      { id: "r:14:ua", clauseId: "doc#14", partyId: "ua", score: 0, confidence: "medium", evidence: [] },
    ],
    redLinePositions: [],
    releases: RELEASES,
    coderKind: "reference",
    evidenceCandidates: [candidate("ua-new"), candidate("ru-new", { partyId: "ru" })],
  };
  const build = (value: TMatrixInput, search = "") =>
    buildMatrix(
      value,
      parseMatrixQuery(new URLSearchParams(search), { dimensionIds: value.dimensionOrder, partyIds: ["ua", "ru"] }),
    );

  it("on assessed cells only, with the positions and the releases", () => {
    const matrix = build(input);
    expect(matrix.rows[0].cells[0].newEvidence).toEqual({
      releaseId: "2026-06",
      codedOnReleaseId: "2026-03",
      positionIds: ["ua-new"],
    });
    // Russia's cell on clause 13 is not assessed, so there is nothing to revisit; clause 14 has no candidate.
    expect(matrix.rows[0].cells[1].newEvidence).toBeNull();
    expect(matrix.rows[1].cells[0].newEvidence).toBeNull();
  });

  it("not for a researcher's value given after the release", () => {
    const researcher: TMatrixInput = {
      ...input,
      coderKind: "researcher",
      assessments: input.assessments.map((a) => ({ ...a, codedAt: new Date("2026-06-20T00:00:00Z") })),
    };
    expect(build(researcher).rows[0].cells[0].newEvidence).toBeNull();
  });

  it("and marks nothing when the input carries no releases", () => {
    const { releases: _r, ...withoutReleases } = input;
    expect(
      build(withoutReleases)
        .rows.flatMap((r) => r.cells)
        .every((c) => c.newEvidence === null),
    ).toBe(true);
  });
});
