/** The seed against a real database: what the reference files hold is what the database holds, once. */
import { toDatasetRows } from "@/lib/domain/dataset/rows";
import { BASE_RELEASE, readReferenceDataset } from "@/prisma/seed/reference";
import { seedReferenceDataset } from "@/prisma/seed/load";
import type { Db } from "@/lib/data/db";
import { setupTestDb } from "../../helpers/test-db";

const expected = toDatasetRows(readReferenceDataset(), BASE_RELEASE);

async function countAll(db: Db) {
  return {
    releases: await db.release.count(),
    sources: await db.source.count(),
    documents: await db.document.count(),
    documentSources: await db.documentSource.count(),
    clauses: await db.clause.count(),
    clauseTopics: await db.clauseTopic.count(),
    clauseSources: await db.clauseSource.count(),
    alignments: await db.alignment.count(),
    parties: await db.party.count(),
    dimensions: await db.dimension.count(),
    positions: await db.position.count(),
    positionClauses: await db.positionClause.count(),
    positionDocuments: await db.positionDocument.count(),
    positionSources: await db.positionSource.count(),
    coders: await db.coder.count(),
    assessments: await db.assessment.count(),
    assessmentEvidence: await db.assessmentEvidence.count(),
  };
}

describe("seeding an empty database", () => {
  const { db } = setupTestDb("empty");

  it("loads every row of the reference dataset", async () => {
    const result = await seedReferenceDataset(db(), new Date("2026-03-06T00:00:00Z"));
    expect(result.loaded).toBe(true);
    expect(await countAll(db())).toEqual({
      releases: 1,
      sources: expected.sources.length,
      documents: 14,
      documentSources: expected.documentSources.length,
      clauses: 139,
      clauseTopics: expected.clauseTopics.length,
      clauseSources: expected.clauseSources.length,
      alignments: 38,
      parties: 5,
      dimensions: 20,
      positions: 204,
      positionClauses: expected.positionClauses.length,
      positionDocuments: expected.positionDocuments.length,
      positionSources: expected.positionSources.length,
      coders: 1,
      assessments: 240,
      assessmentEvidence: expected.assessmentEvidence.length,
    });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await countAll(db());
    const result = await seedReferenceDataset(db());
    expect(result.loaded).toBe(false);
    expect(await countAll(db())).toEqual(before);
  });

  it("stores every field as the reference gives it (spot check of a whole clause and position)", async () => {
    const clause = await db().clause.findUniqueOrThrow({ where: { id: "us-28-2025-11-20#21" } });
    const ref = expected.clauses.find((c) => c.id === "us-28-2025-11-20#21")!;
    expect(clause).toMatchObject(ref);
    const position = await db().position.findUniqueOrThrow({ where: { id: "ua-territory-2025-11-20-unsc" } });
    expect(position).toMatchObject(expected.positions.find((p) => p.id === "ua-territory-2025-11-20-unsc")!);
  });

  it("leaves no clause, position or document without a source", async () => {
    expect(await db().clause.count({ where: { sources: { none: {} } } })).toBe(0);
    expect(await db().position.count({ where: { sources: { none: {} } } })).toBe(0);
    expect(await db().document.count({ where: { sources: { none: {} } } })).toBe(0);
  });
});

describe("a failing seed", () => {
  const { db } = setupTestDb("empty");

  it("writes nothing when any row is refused (one transaction)", async () => {
    const { insertBaseRelease } = await import("@/lib/data/dataset.repository");
    const rows = structuredClone(expected);
    rows.assessments[239] = { ...rows.assessments[239], clauseId: "no-such-document#1" };
    await expect(insertBaseRelease(rows, { ...BASE_RELEASE, appliedAt: new Date() }, db())).rejects.toThrow();
    expect(await db().release.count()).toBe(0);
    expect(await db().document.count()).toBe(0);
    expect(await db().position.count()).toBe(0);
  });
});
