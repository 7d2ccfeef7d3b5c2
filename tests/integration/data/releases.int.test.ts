/**
 * Applying dataset releases to a real database: the shipped 2026-06 release on top of the base, re-applying, a
 * database holding researchers' work, a researcher's edit the release conflicts with, and malformed releases.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/data/db";
import { findMatrixInput } from "@/lib/data/matrix.repository";
import { getParty } from "@/lib/data/parties.repository";
import { findPositionsConcerningClause } from "@/lib/data/positions.repository";
import { applyRelease } from "@/lib/data/releases.repository";
import { parseReleaseFile, ReleaseRefusedError } from "@/lib/domain/dataset/release";
import type { TReleaseFile } from "@/lib/domain/dataset/release.schema";
import { toSourceId } from "@/lib/domain/ids";
import { buildMatrix } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import { listReleaseFiles, updateDataset } from "@/prisma/data-update";
import { readReferenceDataset } from "@/prisma/seed/reference";
import { setupTestDb } from "../../helpers/test-db";

const APPLIED_AT = new Date("2026-06-10T08:00:00Z");
const SHIPPED = listReleaseFiles();
const RAW = JSON.parse(fs.readFileSync(SHIPPED[0], "utf8")) as TReleaseFile;
const reference = readReferenceDataset();
const copy = <T>(value: T): T => structuredClone(value);

/** Every row a release may write, and every row of researchers' work, in a stable order. */
async function snapshot(db: Db) {
  return {
    releases: await db.release.findMany({ orderBy: { id: "asc" } }),
    releaseChanges: await db.releaseChange.findMany({ orderBy: [{ releaseId: "asc" }, { entityId: "asc" }] }),
    sources: await db.source.findMany({ orderBy: { id: "asc" } }),
    positions: await db.position.findMany({ orderBy: { id: "asc" } }),
    positionClauses: await db.positionClause.findMany({ orderBy: [{ positionId: "asc" }, { clauseId: "asc" }] }),
    positionDocuments: await db.positionDocument.findMany({ orderBy: [{ positionId: "asc" }, { documentId: "asc" }] }),
    positionSources: await db.positionSource.findMany({ orderBy: [{ positionId: "asc" }, { ordinal: "asc" }] }),
    work: await snapshotWork(db),
  };
}

/** Researchers' work: what a release must never touch. */
async function snapshotWork(db: Db) {
  return {
    users: await db.user.findMany({ orderBy: { id: "asc" } }),
    coders: await db.coder.findMany({ orderBy: { id: "asc" } }),
    assessments: await db.assessment.findMany({ orderBy: { id: "asc" } }),
    evidence: await db.assessmentEvidence.findMany({ orderBy: [{ assessmentId: "asc" }, { positionId: "asc" }] }),
    annotations: await db.annotation.findMany({ orderBy: { id: "asc" } }),
    annotationTags: await db.annotationTag.findMany({ orderBy: [{ annotationId: "asc" }, { dimensionId: "asc" }] }),
    auditEvents: await db.auditEvent.findMany({ orderBy: { id: "asc" } }),
  };
}

function writeRelease(data: unknown, name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-release-"));
  const file = path.join(dir, name);
  fs.writeFileSync(file, JSON.stringify(data, null, 2));
  return file;
}

function input(data: TReleaseFile, file = "test-release.json") {
  const parsed = parseReleaseFile(file, data);
  if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
  return parsed.release;
}

const matrixOf = async (db: Db, coder = "reference") => {
  const data = (await findMatrixInput("us-28-2025-11-20", coder, db))!;
  const query = parseMatrixQuery(new URLSearchParams(coder === "reference" ? "" : `coder=${coder}`), {
    dimensionIds: data.dimensionOrder,
    partyIds: data.parties.map((p) => p.id),
  });
  return buildMatrix(data, query);
};

const markedCells = (matrix: Awaited<ReturnType<typeof matrixOf>>) =>
  matrix.rows.flatMap((r) => r.cells.filter((c) => c.newEvidence).map((c) => `${r.number}×${c.partyId}`));

describe("npm run data:update on the base release", () => {
  const { db } = setupTestDb("seeded");

  it("a dry run plans the 17 additions and writes nothing", async () => {
    const before = await snapshot(db());
    const outcome = await updateDataset(db(), SHIPPED, { dryRun: true, now: APPLIED_AT });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.applied).toEqual([]);
    expect(outcome.plans.map((p) => [p.release.id, p.added.length])).toEqual([["2026-06", 17]]);
    expect(await snapshot(db())).toEqual(before);
  });

  it("applies release 2026-06: its positions with their links and sources, the release and what it did", async () => {
    const outcome = await updateDataset(db(), SHIPPED, { now: APPLIED_AT });
    expect(outcome).toMatchObject({ ok: true, applied: ["2026-06"] });
    expect(await db().position.count()).toBe(204 + 17);
    const release = await db().release.findUniqueOrThrow({ where: { id: "2026-06" } });
    expect(release).toMatchObject({
      title: "Redlines reference dataset, release 2026-06",
      coverage: "2026-03-06 to 2026-06-01",
      note: RAW.note,
      noteJa: RAW.noteJa,
      appliedAt: APPLIED_AT,
    });
    expect(JSON.parse(release.counts)).toEqual(RAW.counts);
    const changes = await db().releaseChange.findMany({ where: { releaseId: "2026-06" } });
    expect(changes.map((c) => c.entityId).sort()).toEqual(RAW.positions.map((p) => p.id).sort());
    expect(changes.every((c) => c.change === "added" && c.entityType === "position")).toBe(true);

    for (const p of RAW.positions) {
      const row = await db().position.findUniqueOrThrow({
        where: { id: p.id },
        select: {
          releaseId: true,
          statementJa: true,
          date: true,
          clauses: { select: { clauseId: true }, orderBy: { ordinal: "asc" } },
          sources: { select: { sourceId: true, note: true }, orderBy: { ordinal: "asc" } },
        },
      });
      expect(row).toEqual({
        releaseId: "2026-06",
        statementJa: p.statementJa,
        date: p.date,
        clauses: p.relatesToClauses.map((clauseId) => ({ clauseId })),
        sources: p.sources.map((s) => ({ sourceId: toSourceId(s.url, s.outlet, s.date), note: s.note ?? null })),
      });
    }
    expect(await db().position.count({ where: { sources: { none: {} } } })).toBe(0);
  });

  it("shows the new positions on their party's page and as statements about the clauses they concern", async () => {
    const eu = await getParty("eu", db());
    expect(eu!.positions.map((p) => p.id)).toContain("eu-eu-membership-2026-03-19-euco25");
    expect(eu!.positions[0].date >= "2026-03-13").toBe(true);
    const about13 = await findPositionsConcerningClause("us-28-2025-11-20#13", "us-28-2025-11-20", db());
    const expected = RAW.positions.filter((p) => p.relatesToClauses.includes("us-28-2025-11-20#13")).map((p) => p.id);
    expect(expected).toHaveLength(4);
    expect(about13.map((p) => p.id)).toEqual(expect.arrayContaining(expected));
  });

  it("marks the cells whose evidence moved: the party's new statements on the clause's topics", async () => {
    const matrix = await matrixOf(db());
    expect(markedCells(matrix)).toEqual(["11×eu", "13×ua", "13×us", "13×eu", "28×ua", "28×ru"]);
    const us13 = matrix.rows[12].cells.find((c) => c.partyId === "us")!;
    expect(us13.newEvidence).toEqual({
      releaseId: "2026-06",
      codedOnReleaseId: "2026-03",
      positionIds: ["us-sanctions-2026-03-12-treasury", "us-sanctions-2026-03-09-trump"],
    });
  });

  it("applying the same release again changes nothing", async () => {
    const before = await snapshot(db());
    const outcome = await updateDataset(db(), SHIPPED, { now: new Date("2026-07-01T00:00:00Z") });
    expect(outcome).toMatchObject({ ok: true, applied: [], alreadyApplied: ["2026-06"] });
    const direct = await applyRelease(input(RAW), { appliedAt: new Date() }, db());
    expect(direct.applied).toBe(false);
    expect(await snapshot(db())).toEqual(before);
  });
});

describe("applying a release to a database holding researchers' work", () => {
  const { db } = setupTestDb("seeded");
  const EDITED = "ua-territory-2025-11-20-unsc";
  const UNTOUCHED = "us-sanctions-2026-02-14-rubio";

  /** A release carrying the 2026-06 positions plus new versions of two base positions. */
  function conflictingRelease(untouchedId: string): TReleaseFile {
    const data = copy(RAW);
    const edited = copy(reference.positions.positions.find((p) => p.id === EDITED)!);
    edited.statement = `${edited.statement} The release corrects this wording.`;
    const untouched = copy(reference.positions.positions.find((p) => p.id === untouchedId)!);
    untouched.note = "Corrected in release 2026-06: the date of the second source.";
    untouched.sources = [
      ...untouched.sources,
      { outlet: "Redlines test outlet", url: "https://example.org/redlines-test-source", date: "2026-03-20" },
    ];
    data.positions.push(edited, untouched);
    data.counts = { positions: data.positions.length };
    return data;
  }

  const untouchedId = UNTOUCHED;

  beforeAll(async () => {
    await db().user.create({ data: { id: "u-ana", name: "Ana Researcher", email: "ana@example.org", role: "coder" } });
    await db().coder.create({ data: { id: "coder-ana", name: "Ana", kind: "researcher", userId: "u-ana" } });
    await db().coder.create({ data: { id: "consensus", name: "Consensus", kind: "consensus" } });
    await db().assessment.create({
      data: {
        id: "coder-ana:us-28-2025-11-20#13:us",
        clauseId: "us-28-2025-11-20#13",
        partyId: "us",
        coderId: "coder-ana",
        score: -1,
        rationale: "Ana's reading of clause 13 for the US.",
        confidence: "medium",
        createdAt: new Date("2026-04-01T09:00:00Z"),
        updatedAt: new Date("2026-04-01T09:00:00Z"),
        evidence: { create: [{ positionId: UNTOUCHED, ordinal: 0 }] },
      },
    });
    await db().assessment.create({
      data: {
        id: "consensus:us-28-2025-11-20#28:ua",
        clauseId: "us-28-2025-11-20#28",
        partyId: "ua",
        coderId: "consensus",
        score: 0,
        rationale: "Adjudicated after the June statements.",
        confidence: "high",
        createdAt: new Date("2026-07-01T09:00:00Z"),
        updatedAt: new Date("2026-07-01T09:00:00Z"),
      },
    });
    await db().annotation.create({
      data: {
        id: "ann-1",
        clauseId: "us-28-2025-11-20#13",
        authorId: "u-ana",
        body: "Check the sanctions wording against the June statements.",
        purpose: "questioning",
        visibility: "shared",
        exact: "sanctions",
        tags: { create: [{ dimensionId: "sanctions" }] },
      },
    });
    await db().annotation.create({
      data: {
        id: "ann-2",
        clauseId: "us-28-2025-11-20#13",
        authorId: "u-ana",
        parentId: "ann-1",
        body: "Done.",
        purpose: "replying",
        visibility: "shared",
      },
    });
    await db().position.update({
      where: { id: EDITED },
      data: { statement: "Ana's corrected statement.", editedAt: new Date("2026-04-02T10:00:00Z"), version: 2 },
    });
    await db().auditEvent.create({
      data: {
        id: "audit-1",
        at: new Date("2026-04-02T10:00:00Z"),
        actorId: "u-ana",
        action: "position.update",
        entityType: "position",
        entityId: EDITED,
        before: JSON.stringify({ statement: "old" }),
        after: JSON.stringify({ statement: "Ana's corrected statement." }),
      },
    });
  });

  it("loses none of it: annotations, assessments, evidence, coders and audit events stay as they were", async () => {
    const before = await snapshotWork(db());
    expect(before.assessments.length).toBe(240 + 2);
    const result = await applyRelease(input(conflictingRelease(untouchedId)), { appliedAt: APPLIED_AT }, db());
    expect(result.applied).toBe(true);
    expect(await snapshotWork(db())).toEqual(before);
  });

  it("keeps the researcher's edit of a record the release changes, and flags it for review", async () => {
    const edited = await db().position.findUniqueOrThrow({ where: { id: EDITED } });
    expect(edited.statement).toBe("Ana's corrected statement.");
    expect(edited.releaseId).toBe("2026-03");
    expect(edited.editedAt).toEqual(new Date("2026-04-02T10:00:00Z"));
    expect(edited.version).toBe(3);
    expect(edited.reviewNote).toMatch(
      /^Release 2026-06 changes statement of this record; the researcher's edit was kept/,
    );
    expect(
      await db().releaseChange.findUnique({
        where: { releaseId_entityType_entityId: { releaseId: "2026-06", entityType: "position", entityId: EDITED } },
      }),
    ).toMatchObject({ change: "kept-edit" });
  });

  it("changes the record nobody edited, replacing its citations, and records the change", async () => {
    const expected = conflictingRelease(untouchedId).positions.at(-1)!;
    const row = await db().position.findUniqueOrThrow({
      where: { id: untouchedId },
      select: {
        note: true,
        releaseId: true,
        version: true,
        editedAt: true,
        sources: { select: { sourceId: true, ordinal: true }, orderBy: { ordinal: "asc" } },
      },
    });
    expect(row).toEqual({
      note: expected.note,
      releaseId: "2026-06",
      version: 2,
      editedAt: null,
      sources: expected.sources.map((s, ordinal) => ({ sourceId: toSourceId(s.url, s.outlet, s.date), ordinal })),
    });
    expect(await db().source.count({ where: { url: "https://example.org/redlines-test-source" } })).toBe(1);
    const change = await db().releaseChange.findFirst({ where: { entityId: untouchedId } });
    expect(change?.change).toBe("changed");
    // The researcher's assessment still cites it.
    expect(
      await db().assessmentEvidence.count({
        where: { assessmentId: "coder-ana:us-28-2025-11-20#13:us", positionId: untouchedId },
      }),
    ).toBe(1);
  });

  it("marks a researcher's cell coded before the release, not a consensus value given after it", async () => {
    const ana = await matrixOf(db(), "coder-ana");
    const us13 = ana.rows[12].cells.find((c) => c.partyId === "us")!;
    expect(us13.newEvidence?.codedOnReleaseId).toBe("2026-03");
    expect(us13.newEvidence?.positionIds).toEqual(
      expect.arrayContaining(["us-sanctions-2026-03-12-treasury", "us-sanctions-2026-03-09-trump"]),
    );
    const consensus = await matrixOf(db(), "consensus");
    expect(markedCells(consensus)).toEqual([]);
  });

  it("applying it again changes nothing, and flags nothing twice", async () => {
    const before = await snapshot(db());
    const again = await applyRelease(input(conflictingRelease(untouchedId)), { appliedAt: new Date() }, db());
    expect(again.applied).toBe(false);
    expect(await snapshot(db())).toEqual(before);
  });
});

describe("a malformed release is refused whole", () => {
  const { db } = setupTestDb("seeded");

  it("refuses a file with a format error, naming the record and field, and applies nothing", async () => {
    const before = await snapshot(db());
    const bad = copy(RAW) as unknown as { positions: Record<string, unknown>[] };
    bad.positions[3].date = "2026-04-31";
    const outcome = await updateDataset(db(), [writeRelease(bad, "2026-06-positions.json")], { now: APPLIED_AT });
    expect(outcome).toEqual({
      ok: false,
      applied: [],
      problems: ["2026-06-positions.json: positions[3].date: must be a date written YYYY-MM-DD"],
    });
    expect(await snapshot(db())).toEqual(before);
  });

  it("refuses references to records the database does not hold", async () => {
    const before = await snapshot(db());
    const bad = copy(RAW);
    bad.positions[16].relatesToClauses = ["us-28-2025-11-20#11", "us-28-2025-11-20#29"];
    const outcome = await updateDataset(db(), [writeRelease(bad, "2026-06-positions.json")], { now: APPLIED_AT });
    expect(outcome).toEqual({
      ok: false,
      applied: [],
      problems: [
        `2026-06-positions.json: positions[16] (${bad.positions[16].id}).relatesToClauses: unknown clause 'us-28-2025-11-20#29'`,
      ],
    });
    await expect(applyRelease(input(bad), { appliedAt: APPLIED_AT }, db())).rejects.toThrow(ReleaseRefusedError);
    expect(await snapshot(db())).toEqual(before);
  });

  it("with a good and a malformed release, applies neither", async () => {
    const before = await snapshot(db());
    const later = copy(RAW) as unknown as { release: string; positions: Record<string, unknown>[] };
    later.release = "2026-09";
    later.positions[0].kind = "threat";
    const outcome = await updateDataset(db(), [SHIPPED[0], writeRelease(later, "2026-09-positions.json")]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok)
      expect(outcome.problems).toEqual([expect.stringMatching(/^2026-09-positions\.json: positions\[0\]\.kind: /)]);
    expect(await snapshot(db())).toEqual(before);
  });

  it("rolls back every write when one fails part-way", async () => {
    const before = await snapshot(db());
    // The last write of a release (its change records) fails: the positions, sources and release row written
    // before it in the same transaction must not remain.
    const failing = new Proxy(db(), {
      get(target, prop, receiver) {
        if (prop !== "$transaction") return Reflect.get(target, prop, receiver);
        return (fn: (tx: unknown) => Promise<unknown>, options: unknown) =>
          target.$transaction(
            (tx) =>
              fn(
                new Proxy(tx, {
                  get(t, p, r) {
                    if (p === "releaseChange")
                      return {
                        createMany: () => Promise.reject(new Error("simulated failure while writing")),
                      };
                    return Reflect.get(t, p, r);
                  },
                }),
              ),
            options as never,
          );
      },
    });
    await expect(applyRelease(input(RAW), { appliedAt: APPLIED_AT }, failing)).rejects.toThrow(
      "simulated failure while writing",
    );
    expect(await snapshot(db())).toEqual(before);
    expect(await db().release.count()).toBe(1);
  });
});
