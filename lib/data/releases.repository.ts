/**
 * Dataset releases in the database: which are applied, the history the dataset page shows, and applying a release
 * file (read the state, plan with lib/domain/dataset/release.ts, write the plan) in one transaction.
 * Not `server-only` (like dataset.repository.ts): `npm run data:update` and the start-up setup run it as a script.
 *
 * A release writes Position, PositionClause, PositionDocument, PositionSource, Source, Release and ReleaseChange
 * rows only. Researchers' work (Annotation, Assessment, AuditEvent) is never read for writing, and a position a
 * researcher edited is never rewritten: the plan keeps it and flags it for review.
 */
import type { TReleaseCitationSource, TReleaseHistoryRow } from "@/lib/domain/dataset/release-history";
import {
  collectReleaseReferences,
  planReleaseApplication,
  ReleaseRefusedError,
  type TCurrentPosition,
  type TReleaseInput,
  type TReleasePlan,
  type TReleaseState,
} from "@/lib/domain/dataset/release";
import { getDb, type Db, type DbTransaction } from "./db";
import { positionFieldsSelect } from "./position-fields";

export type TReleaseSummary = { id: string; title: string; coverage: string | null; appliedAt: Date };

/** Every applied release, newest first (release ids sort by date: "2026-03" < "2026-06"). */
export async function findReleases(db: Db = getDb()): Promise<TReleaseSummary[]> {
  return db.release.findMany({
    select: { id: true, title: true, coverage: true, appliedAt: true },
    orderBy: { id: "desc" },
  });
}

/** The newest applied release: the one every page and export names. */
export async function getCurrentReleaseId(db: Db = getDb()): Promise<string | null> {
  const row = await db.release.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
  return row?.id ?? null;
}

/** Every applied release with its recorded changes and what the database holds now about each changed position. */
export async function findReleaseHistory(db: Db = getDb()): Promise<TReleaseHistoryRow[]> {
  const [releases, changes, sources] = await Promise.all([
    db.release.findMany({
      select: { id: true, title: true, coverage: true, note: true, noteJa: true, counts: true, appliedAt: true },
      orderBy: { id: "desc" },
    }),
    db.$queryRaw<
      {
        releaseId: string;
        entityType: string;
        entityId: string;
        change: string;
        partyId: string | null;
        dimensionId: string | null;
        date: string | null;
        statement: string | null;
        statementJa: string | null;
        reviewNote: string | null;
      }[]
    >`
      SELECT rc."releaseId", rc."entityType", rc."entityId", rc."change",
             p."partyId", p."dimensionId", p."date", p."statement", p."statementJa", p."reviewNote"
      FROM "ReleaseChange" rc
      LEFT JOIN "Position" p ON rc."entityType" = 'position' AND p."id" = rc."entityId"
      ORDER BY rc."releaseId", rc."entityId"`,
    db.$queryRaw<{ positionId: string; outlet: string; url: string; date: string | null; note: string | null }[]>`
      SELECT ps."positionId", s."outlet", s."url", s."date", ps."note"
      FROM "PositionSource" ps
      JOIN "Source" s ON s."id" = ps."sourceId"
      WHERE ps."positionId" IN (SELECT rc."entityId" FROM "ReleaseChange" rc WHERE rc."entityType" = 'position')
      ORDER BY ps."positionId", ps."ordinal"`,
  ]);
  const sourcesOf = new Map<string, TReleaseCitationSource[]>();
  for (const { positionId, ...source } of sources) {
    const list = sourcesOf.get(positionId) ?? [];
    sourcesOf.set(positionId, list);
    list.push(source);
  }
  const byRelease = new Map<string, TReleaseHistoryRow["changes"]>();
  for (const c of changes) {
    const list = byRelease.get(c.releaseId) ?? [];
    byRelease.set(c.releaseId, list);
    list.push({
      entityType: c.entityType,
      entityId: c.entityId,
      change: c.change,
      position:
        c.partyId !== null
          ? {
              partyId: c.partyId,
              dimensionId: c.dimensionId!,
              date: c.date!,
              statement: c.statement!,
              statementJa: c.statementJa,
              reviewNote: c.reviewNote,
              sources: sourcesOf.get(c.entityId) ?? [],
            }
          : null,
    });
  }
  return releases.map((r) => ({ ...r, changes: byRelease.get(r.id) ?? [] }));
}

/** Small enough for every database's limit on bound variables, whatever the size of a release. */
const CHUNK = 500;

async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

/** What the planner needs: applied releases, which referenced ids exist, and the current version of each record. */
export async function readReleaseState(release: TReleaseInput, db: DbTransaction): Promise<TReleaseState> {
  const refs = collectReleaseReferences(release);
  const ids = (rows: { id: string }[]) => new Set(rows.map((r) => r.id));
  // One query after another: queries of one interactive transaction share one connection.
  const applied = await db.release.findMany({ select: { id: true } });
  const parties = await db.party.findMany({ select: { id: true } });
  const dimensions = await db.dimension.findMany({ select: { id: true } });
  const clauses = await inChunks(refs.clauses, (chunk) =>
    db.clause.findMany({ where: { id: { in: chunk } }, select: { id: true } }),
  );
  const documents = await inChunks(refs.documents, (chunk) =>
    db.document.findMany({ where: { id: { in: chunk } }, select: { id: true } }),
  );
  const sources = await inChunks(refs.sources, (chunk) =>
    db.source.findMany({ where: { id: { in: chunk } }, select: { id: true } }),
  );
  // Links and citations as flat queries: a nested select inside a PostgreSQL transaction makes Prisma run its
  // sub-queries concurrently on the one connection, which pg deprecates.
  const positions = await inChunks(refs.positions, (chunk) =>
    db.position.findMany({
      where: { id: { in: chunk } },
      select: {
        ...positionFieldsSelect,
        version: true,
        editedAt: true,
        reviewNote: true,
      },
    }),
  );
  const held = positions.map((p) => p.id);
  const links = await inChunks(held, (chunk) =>
    db.positionClause.findMany({
      where: { positionId: { in: chunk } },
      select: { positionId: true, clauseId: true, ordinal: true },
      orderBy: [{ positionId: "asc" }, { ordinal: "asc" }],
    }),
  );
  const documentLinks = await inChunks(held, (chunk) =>
    db.positionDocument.findMany({
      where: { positionId: { in: chunk } },
      select: { positionId: true, documentId: true, ordinal: true },
      orderBy: [{ positionId: "asc" }, { ordinal: "asc" }],
    }),
  );
  const citations = await inChunks(held, (chunk) =>
    db.positionSource.findMany({
      where: { positionId: { in: chunk } },
      select: { positionId: true, ordinal: true, sourceId: true, note: true },
      orderBy: [{ positionId: "asc" }, { ordinal: "asc" }],
    }),
  );
  const byPosition = new Map<string, TCurrentPosition>(
    positions.map(({ version, editedAt, reviewNote, ...position }) => [
      position.id,
      { position, clauses: [], documents: [], sources: [], version, editedAt, reviewNote },
    ]),
  );
  for (const { positionId, ...link } of links) byPosition.get(positionId)!.clauses.push(link);
  for (const { positionId, ...link } of documentLinks) byPosition.get(positionId)!.documents.push(link);
  for (const { positionId, ...citation } of citations) byPosition.get(positionId)!.sources.push(citation);
  return {
    appliedReleaseIds: applied.map((r) => r.id),
    existing: {
      parties: ids(parties),
      dimensions: ids(dimensions),
      clauses: ids(clauses),
      documents: ids(documents),
      sources: ids(sources),
    },
    positions: [...byPosition.values()],
  };
}

/** Reads the state and plans the release without writing anything (the dry run). Throws ReleaseRefusedError. */
export async function planRelease(release: TReleaseInput, db: Db = getDb()): Promise<TReleasePlan> {
  const result = planReleaseApplication(await readReleaseState(release, db), release);
  if (!result.ok) throw new ReleaseRefusedError(result.problems);
  return result.plan;
}

async function writeReleasePlan(plan: TReleasePlan, appliedAt: Date, tx: DbTransaction): Promise<void> {
  // A record edited between reading and writing fails the version check: the whole transaction rolls back.
  const stale = (id: string) =>
    new ReleaseRefusedError([
      `position '${id}' was edited while the release was being applied; nothing was applied, run the update again`,
    ]);
  if (plan.newSources.length) await tx.source.createMany({ data: plan.newSources });
  await tx.release.create({ data: { ...plan.release, appliedAt } });

  const added = plan.added;
  if (added.length) {
    await tx.position.createMany({ data: added.map((w) => w.position) });
    const positionId = (w: (typeof added)[number]) => w.position.id;
    await tx.positionClause.createMany({
      data: added.flatMap((w) => w.clauses.map((c) => ({ positionId: positionId(w), ...c }))),
    });
    await tx.positionDocument.createMany({
      data: added.flatMap((w) => w.documents.map((d) => ({ positionId: positionId(w), ...d }))),
    });
    await tx.positionSource.createMany({
      data: added.flatMap((w) => w.sources.map((s) => ({ positionId: positionId(w), ...s }))),
    });
  }

  for (const c of plan.changed) {
    const { id, ...fields } = c.position;
    const updated = await tx.position.updateMany({
      where: { id, version: c.expectedVersion, editedAt: null },
      data: { ...fields, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw stale(id);
    await tx.positionClause.deleteMany({ where: { positionId: id } });
    await tx.positionDocument.deleteMany({ where: { positionId: id } });
    await tx.positionSource.deleteMany({ where: { positionId: id } });
    if (c.clauses.length)
      await tx.positionClause.createMany({ data: c.clauses.map((l) => ({ positionId: id, ...l })) });
    if (c.documents.length)
      await tx.positionDocument.createMany({ data: c.documents.map((l) => ({ positionId: id, ...l })) });
    await tx.positionSource.createMany({ data: c.sources.map((s) => ({ positionId: id, ...s })) });
  }

  for (const k of plan.keptEdits) {
    const updated = await tx.position.updateMany({
      where: { id: k.id, version: k.expectedVersion },
      data: { reviewNote: k.reviewNote, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw stale(k.id);
  }

  if (plan.changes.length) await tx.releaseChange.createMany({ data: plan.changes });
}

export type TApplyReleaseResult = { applied: boolean; plan: TReleasePlan };

/**
 * Applies one release in one transaction: reads the state, plans, writes. A release already recorded changes
 * nothing (`applied: false`). Refuses with ReleaseRefusedError, writing nothing, when the plan finds problems.
 */
export async function applyRelease(
  release: TReleaseInput,
  { appliedAt }: { appliedAt: Date },
  db: Db = getDb(),
): Promise<TApplyReleaseResult> {
  return db.$transaction(
    async (tx) => {
      const result = planReleaseApplication(await readReleaseState(release, tx), release);
      if (!result.ok) throw new ReleaseRefusedError(result.problems);
      if (result.plan.alreadyApplied) return { applied: false, plan: result.plan };
      await writeReleasePlan(result.plan, appliedAt, tx);
      return { applied: true, plan: result.plan };
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
