import { getClause } from "@/lib/data/clauses.repository";
import { findDimensions } from "@/lib/data/dimensions.repository";
import { findDocuments, getDocument } from "@/lib/data/documents.repository";
import { findParties, getParty } from "@/lib/data/parties.repository";
import { findPositionsConcerningClause, findRedLinePositions } from "@/lib/data/positions.repository";
import { getCurrentReleaseId } from "@/lib/data/releases.repository";
import { setupTestDb } from "../../helpers/test-db";

describe("reading repositories on the seeded dataset", () => {
  const { db } = setupTestDb("seeded");

  it("lists the 14 documents in the dataset's order with clause counts and sources", async () => {
    const documents = await findDocuments(db());
    expect(documents).toHaveLength(14);
    expect(documents[0]).toMatchObject({ id: "us-28-2025-11-20", clauseCount: 28, completeness: "full" });
    expect(documents.reduce((n, d) => n + d.clauseCount, 0)).toBe(139);
    for (const d of documents) expect(d.sources.length).toBeGreaterThan(0);
  });

  it("returns a document's clauses in order, each with topics and at least one source", async () => {
    const document = await getDocument("us-28-2025-11-20", db());
    expect(document?.clauses.map((c) => c.number)).toEqual(Array.from({ length: 28 }, (_, i) => String(i + 1)));
    for (const c of document!.clauses) {
      expect(c.sources.length).toBeGreaterThan(0);
      for (const s of c.sources) expect(s.url).toMatch(/^https?:\/\//);
    }
    expect(document!.clauses[20].topics).toEqual(["territory", "ceasefire-monitoring"]);
    expect(await getDocument("no-such-document", db())).toBeNull();
  });

  it("returns a clause with its alignments both ways and every party's reference assessment", async () => {
    const clause = await getClause("us-28-2025-11-20", "21", db());
    expect(clause).not.toBeNull();
    expect(clause!.assessments.map((a) => [a.partyId, a.score])).toEqual([
      ["ua", -2],
      ["ru", 2],
      ["us", 1],
      ["eu", -2],
      ["nato", null],
    ]);
    const ua = clause!.assessments[0];
    expect(ua.coder.id).toBe("reference");
    expect(ua.evidence.length).toBeGreaterThan(0);
    for (const p of ua.evidence) {
      expect(p.partyId).toBe("ua");
      expect(p.sources.length).toBeGreaterThan(0);
    }
    expect(clause!.alignments.some((a) => a.direction === "to" && a.document.id === "e3-counter-2025-11-23")).toBe(
      true,
    );

    const e3 = await getClause("e3-counter-2025-11-23", "1", db());
    expect(e3!.alignments).toContainEqual(
      expect.objectContaining({
        direction: "from",
        relation: "unchanged",
        clause: expect.objectContaining({ id: "us-28-2025-11-20#1" }),
      }),
    );
    expect(await getClause("us-28-2025-11-20", "99", db())).toBeNull();
  });

  it("returns a party's positions newest first, each with sources", async () => {
    const party = await getParty("ua", db());
    expect(party?.positions).toHaveLength(party!.positionCount);
    const dates = party!.positions.map((p) => p.date);
    expect([...dates].sort().reverse()).toEqual(dates);
    for (const p of party!.positions) expect(p.sources.length).toBeGreaterThan(0);
    expect((await findParties(db())).map((p) => p.id)).toEqual(["ua", "ru", "us", "eu", "nato"]);
    expect(await getParty("xx", db())).toBeNull();
  });

  it("finds the statements that concern a clause and every red-line position", async () => {
    const related = await findPositionsConcerningClause("us-28-2025-11-20#21", "us-28-2025-11-20", db());
    expect(related.map((p) => p.id)).toContain("ua-territory-2025-11-20-unsc");
    const redLines = await findRedLinePositions(db());
    expect(redLines).toHaveLength(40);
    expect(redLines.every((p) => p.kind === "red-line")).toBe(true);
  });

  it("lists the codebook and names the current release", async () => {
    const dimensions = await findDimensions(db());
    expect(dimensions).toHaveLength(20);
    expect(dimensions.map((d) => d.id)).toContain("territory");
    expect(await getCurrentReleaseId(db())).toBe("2026-03");
  });
});
