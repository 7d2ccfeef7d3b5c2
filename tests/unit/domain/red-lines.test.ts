import { findRedLinesTouched } from "@/lib/domain/red-lines";
import { toDatasetRows } from "@/lib/domain/dataset/rows";
import { BASE_RELEASE, readReferenceDataset } from "@/prisma/seed/reference";

const reference = readReferenceDataset();
const rows = toDatasetRows(reference, BASE_RELEASE);
const topicsOf = (clauseId: string) =>
  rows.clauseTopics.filter((t) => t.clauseId === clauseId).map((t) => t.dimensionId);

describe("findRedLinesTouched on the reference data", () => {
  it("finds that clause 21 of the 28-point plan touches Ukraine's territory red line", () => {
    const touched = findRedLinesTouched({
      topics: topicsOf("us-28-2025-11-20#21"),
      partyId: "ua",
      positions: rows.positions,
    });
    expect(touched.map((t) => t.dimensionId)).toEqual(["territory"]);
    expect(touched[0].positionIds).toEqual([
      "ua-territory-2025-03-17-sybiha",
      "ua-territory-2025-11-20-unsc",
      "ua-territory-2025-11-27-yermak",
      "ua-territory-2025-12-08-zelensky",
      "ua-territory-2026-02-06-sybiha",
    ]);
  });

  it("as of 2025-11-01 does not yet count the 2025-11-20 Security Council statement", () => {
    const touched = findRedLinesTouched({
      topics: topicsOf("us-28-2025-11-20#21"),
      partyId: "ua",
      positions: rows.positions,
      asOf: "2025-11-01",
    });
    expect(touched).toEqual([{ dimensionId: "territory", positionIds: ["ua-territory-2025-03-17-sybiha"] }]);
  });

  it("counts a position stated on the as-of day itself", () => {
    const touched = findRedLinesTouched({
      topics: ["territory"],
      partyId: "ua",
      positions: rows.positions,
      asOf: "2025-11-20",
    });
    expect(touched[0].positionIds).toContain("ua-territory-2025-11-20-unsc");
  });

  it("finds nothing before a party stated any red line", () => {
    expect(
      findRedLinesTouched({
        topics: topicsOf("us-28-2025-11-20#21"),
        partyId: "ua",
        positions: rows.positions,
        asOf: "2020-01-01",
      }),
    ).toEqual([]);
  });

  it("agrees with redLinesTouched of all 240 reference codings", () => {
    const mismatches = reference.codings.assessments.flatMap((a) => {
      const found = findRedLinesTouched({
        topics: topicsOf(a.clause),
        partyId: a.party,
        positions: rows.positions,
      }).map((t) => t.dimensionId);
      return [...found].sort().join(",") === [...a.redLinesTouched].sort().join(",")
        ? []
        : [`${a.clause} × ${a.party}: found [${found}] reference [${a.redLinesTouched}]`];
    });
    expect(mismatches).toEqual([]);
    expect(reference.codings.assessments).toHaveLength(240);
  });

  it("ignores other parties' red lines and positions of other kinds", () => {
    expect(
      findRedLinesTouched({
        topics: ["territory"],
        partyId: "ua",
        positions: [
          { id: "x", partyId: "ru", dimensionId: "territory", kind: "red-line", date: "2025-01-01" },
          { id: "y", partyId: "ua", dimensionId: "territory", kind: "demand", date: "2025-01-01" },
        ],
      }),
    ).toEqual([]);
  });
});
