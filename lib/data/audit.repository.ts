import "server-only";
import crypto from "node:crypto";
import { getDb, type Db, type DbTransaction } from "./db";

export type TAuditInput = {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  at: Date;
};

/** Writes one audit event; call it with the transaction of the change it records. */
export async function recordAudit(tx: DbTransaction, event: TAuditInput): Promise<void> {
  await tx.auditEvent.create({
    data: {
      id: crypto.randomUUID(),
      at: event.at,
      actorId: event.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before === null || event.before === undefined ? null : JSON.stringify(event.before),
      after: event.after === null || event.after === undefined ? null : JSON.stringify(event.after),
    },
  });
}

export type TTimelineEvent = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  before: unknown;
  after: unknown;
};

/** The history of some records, newest first. */
export async function findTimeline(
  entities: { entityType: string; entityId: string }[],
  db: Db = getDb(),
): Promise<TTimelineEvent[]> {
  if (entities.length === 0) return [];
  const rows = await db.auditEvent.findMany({
    where: { OR: entities.map((e) => ({ entityType: e.entityType, entityId: e.entityId })) },
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      before: true,
      after: true,
      actor: { select: { id: true, name: true } },
    },
    orderBy: [{ at: "desc" }, { id: "asc" }],
    take: 500,
  });
  return rows.map((r) => ({
    ...r,
    before: r.before === null ? null : JSON.parse(r.before),
    after: r.after === null ? null : JSON.parse(r.after),
  }));
}
