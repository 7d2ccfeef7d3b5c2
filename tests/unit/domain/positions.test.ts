import { groupPositionsByDimension } from "@/lib/domain/positions";

describe("groupPositionsByDimension", () => {
  it("orders groups by the codebook and positions newest first, stably", () => {
    const groups = groupPositionsByDimension(
      [
        { id: "b", dimensionId: "territory", date: "2025-11-20" },
        { id: "a", dimensionId: "territory", date: "2025-11-20" },
        { id: "c", dimensionId: "territory", date: "2026-01-02" },
        { id: "d", dimensionId: "sanctions", date: "2025-01-01" },
        { id: "e", dimensionId: "zzz-unknown", date: "2025-01-01" },
      ],
      ["sovereignty", "territory", "sanctions"],
    );
    expect(groups.map((g) => [g.dimensionId, g.positions.map((p) => p.id)])).toEqual([
      ["territory", ["c", "a", "b"]],
      ["sanctions", ["d"]],
      ["zzz-unknown", ["e"]],
    ]);
  });
});
