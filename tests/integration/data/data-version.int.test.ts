/**
 * The data version (lib/data/data-version.ts): the migration's triggers raise it on every write to the tables the
 * matrix reads and to the settings, in the writer's transaction, and leave it alone otherwise; the matrix and the
 * reading gate serve their cached reads while it stands still and read again as soon as it moves, whoever wrote.
 */
import { readDataVersion } from "@/lib/data/data-version";
import * as matrixRoute from "@/app/api/documents/[id]/matrix/route";
import { getCompareView } from "@/lib/server/compare";
import { getMatrixView } from "@/lib/server/matrix";
import type { Db } from "@/lib/data/db";
import { testProvider } from "../../helpers/databases";
import { setupTestDb } from "../../helpers/test-db";

const { db } = setupTestDb("seeded");

const DOCUMENT = "us-28-2025-11-20";
const CLAUSE = `${DOCUMENT}#21`;

/** Every table whose writes must move the version, with a harmless update of one of its rows. */
const COVERED: [string, (db: Db) => Promise<unknown>][] = [
  ["Document", (d) => d.document.updateMany({ where: { id: DOCUMENT }, data: { reviewNote: "checked" } })],
  ["Clause", (d) => d.clause.updateMany({ where: { id: CLAUSE }, data: { reviewNote: "checked" } })],
  [
    "ClauseTopic",
    (d) => d.clauseTopic.updateMany({ where: { clauseId: CLAUSE }, data: { ordinal: { increment: 0 } } }),
  ],
  ["Party", (d) => d.party.updateMany({ where: { id: "ua" }, data: { nameJa: "ウクライナ" } })],
  ["Dimension", (d) => d.dimension.updateMany({ where: { id: "territory" }, data: { ordinal: { increment: 0 } } })],
  ["Position", (d) => d.position.updateMany({ where: { partyId: "ua" }, data: { reviewNote: "checked" } })],
  ["Coder", (d) => d.coder.updateMany({ where: { id: "reference" }, data: { method: "re-read" } })],
  ["Assessment", (d) => d.assessment.updateMany({ where: { clauseId: CLAUSE }, data: { confidence: "low" } })],
  ["Release", (d) => d.release.updateMany({ data: { note: "checked" } })],
  ["Alignment", (d) => d.alignment.updateMany({ where: { fromDocumentId: DOCUMENT }, data: { note: "checked" } })],
  ["Source", (d) => d.source.updateMany({ where: { outlet: { not: "" } }, data: { date: "2025-11-30" } })],
  ["ClauseSource", (d) => d.clauseSource.updateMany({ where: { clauseId: CLAUSE }, data: { note: "checked" } })],
  [
    "DocumentSource",
    (d) => d.documentSource.updateMany({ where: { documentId: DOCUMENT }, data: { note: "checked" } }),
  ],
  ["PositionSource", (d) => d.positionSource.updateMany({ data: { note: "checked" } })],
  [
    "Setting",
    (d) => d.setting.upsert({ where: { key: "probe" }, create: { key: "probe", value: "1" }, update: { value: "2" } }),
  ],
];

async function bumpsOf(write: (db: Db) => Promise<unknown>): Promise<bigint> {
  const before = await readDataVersion(db());
  await write(db());
  return (await readDataVersion(db())) - before;
}

describe("the data version", () => {
  it("starts from the migration's row and is a number", async () => {
    expect(typeof (await readDataVersion(db()))).toBe("bigint");
  });

  it.each(COVERED)("moves on a write to %s", async (_table, write) => {
    expect(await bumpsOf(write)).toBeGreaterThan(0n);
  });

  it("moves on inserts and deletes of the link tables", async () => {
    const clauseId = `${DOCUMENT}#1`;
    const { id: positionId } = await db().position.findFirstOrThrow({
      where: { clauses: { none: { clauseId } }, documents: { none: { documentId: DOCUMENT } } },
      select: { id: true },
    });
    expect(
      await bumpsOf((d) => d.positionClause.create({ data: { positionId, clauseId, ordinal: 9 } })),
    ).toBeGreaterThan(0n);
    expect(await bumpsOf((d) => d.positionClause.deleteMany({ where: { positionId, clauseId } }))).toBeGreaterThan(0n);
    expect(
      await bumpsOf((d) => d.positionDocument.create({ data: { positionId, documentId: DOCUMENT, ordinal: 9 } })),
    ).toBeGreaterThan(0n);
    expect(
      await bumpsOf((d) => d.positionDocument.deleteMany({ where: { positionId, documentId: DOCUMENT } })),
    ).toBeGreaterThan(0n);
    // Per row: a delete that matches nothing writes nothing.
    expect(await bumpsOf((d) => d.positionDocument.deleteMany({ where: { positionId: "no-such-position" } }))).toBe(0n);
    const evidence = await db().assessmentEvidence.findFirstOrThrow();
    expect(
      await bumpsOf((d) =>
        d.assessmentEvidence.update({
          where: { assessmentId_positionId: { assessmentId: evidence.assessmentId, positionId: evidence.positionId } },
          data: { ordinal: evidence.ordinal },
        }),
      ),
    ).toBeGreaterThan(0n);
  });

  it("stays put when a write touches nothing cached (an audit event), or rolls back", async () => {
    expect(
      await bumpsOf((d) =>
        d.auditEvent.create({
          data: { id: "probe", at: new Date(), action: "probe", entityType: "probe", entityId: "probe" },
        }),
      ),
    ).toBe(0n);
    const before = await readDataVersion(db());
    await expect(
      db().$transaction(async (tx) => {
        await tx.clause.update({ where: { id: CLAUSE }, data: { reviewNote: "rolled back" } });
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await readDataVersion(db())).toBe(before);
    const after = await db().clause.findUniqueOrThrow({ where: { id: CLAUSE }, select: { reviewNote: true } });
    expect(after.reviewNote).not.toBe("rolled back");
  });

  // SQLite's triggers run per row (one writer at a time, nothing to queue behind): this one is PostgreSQL's.
  (testProvider() === "postgresql" ? it : it.skip)(
    "on PostgreSQL moves once per transaction, at its commit",
    async () => {
      const bumps = await bumpsOf((d) =>
        d.$transaction(async (tx) => {
          await tx.clause.updateMany({ where: { documentId: DOCUMENT }, data: { reviewNote: "one" } });
          await tx.assessment.updateMany({ where: { clause: { documentId: DOCUMENT } }, data: { confidence: "high" } });
        }),
      );
      expect(bumps).toBe(1n);
    },
  );
});

describe("the matrix's cached reads", () => {
  const scoreOf = async () => {
    const view = await getMatrixView(DOCUMENT, new URLSearchParams("party=ua"), { strict: true });
    return view.rows.find((r) => r.number === "21")!.cells[0].score;
  };

  /** Changes clause 21's Ukrainian score and, when `hide` is set, puts the version back as if nothing happened. */
  async function setScore(score: number, { hide }: { hide: boolean }): Promise<void> {
    await db().$transaction(async (tx) => {
      const { version } = await tx.dataVersion.findUniqueOrThrow({ where: { id: 1 } });
      if (testProvider() === "postgresql") await tx.$executeRawUnsafe("SET CONSTRAINTS ALL IMMEDIATE");
      await tx.assessment.update({
        where: { clauseId_partyId_coderId: { clauseId: CLAUSE, partyId: "ua", coderId: "reference" } },
        data: { score },
      });
      if (hide) await tx.dataVersion.update({ where: { id: 1 }, data: { version } });
    });
  }

  it("serves what it read while the version stands still, and reads again when it moves", async () => {
    const original = await scoreOf();
    expect(original).toBe(-2);
    // Proof that the cache is used: a write that hides itself from the version is not seen.
    await setScore(-1, { hide: true });
    expect(await scoreOf()).toBe(original);
    // Any honest write (here, straight to the database, as another process would) is seen at once.
    await setScore(-1, { hide: false });
    expect(await scoreOf()).toBe(-1);
    await setScore(-2, { hide: false });
    expect(await scoreOf()).toBe(-2);
  });
});

describe("the reading gate's cached setting", () => {
  const status = async () =>
    (
      await matrixRoute.GET(new Request(`http://localhost/api/documents/${DOCUMENT}/matrix`), {
        params: Promise.resolve({ id: DOCUMENT }),
      })
    ).status;

  it("follows the setting as soon as it is written, even straight to the database", async () => {
    expect(await status()).toBe(200);
    await db().setting.upsert({
      where: { key: "reading" },
      create: { key: "reading", value: "closed" },
      update: { value: "closed" },
    });
    expect(await status()).toBe(401);
    await db().setting.delete({ where: { key: "reading" } });
    expect(await status()).toBe(200);
  });
});

describe("the comparison's cached reads", () => {
  const COMPARED = "e3-counter-2025-11-23";
  const outlet = async () => {
    const view = await getCompareView(new URLSearchParams({ from: DOCUMENT, to: COMPARED }), { strict: true });
    return view.from!.sources[0].outlet;
  };

  it("reads again as soon as a source is corrected, even straight in the database", async () => {
    const before = await outlet();
    const { sourceId } = await db().documentSource.findFirstOrThrow({
      where: { documentId: DOCUMENT },
      orderBy: { ordinal: "asc" },
      select: { sourceId: true },
    });
    await db().source.update({ where: { id: sourceId }, data: { outlet: "Corrected outlet" } });
    expect(await outlet()).toBe("Corrected outlet");
    await db().source.update({ where: { id: sourceId }, data: { outlet: before } });
    expect(await outlet()).toBe(before);
  });
});
