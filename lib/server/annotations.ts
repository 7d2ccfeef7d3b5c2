import "server-only";
import crypto from "node:crypto";
import {
  parseAnnotationInput,
  ZCreateAnnotation,
  ZUpdateAnnotation,
  ZDeleteQuery,
} from "@/lib/domain/annotation/annotation.schema";
import { clauseTextIn, planCarry, planReanchor, type TClauseTexts } from "@/lib/domain/annotation/anchoring";
import { buildSelectors } from "@/lib/domain/annotation/selectors";
import { toAnnotationCollection, type TAnnotationCollection } from "@/lib/domain/annotation/w3c";
import {
  buildThreads,
  summarizeChange,
  toAnnotationSnapshot,
  toAnnotationView,
  type TAnnotationRecord,
  type TAnnotationThread,
  type TAnnotationView,
  type TChange,
} from "@/lib/domain/annotation/threads";
import { AppError, badParameter } from "@/lib/domain/errors";
import { parseClauseRef } from "@/lib/domain/ids";
import type { TActor } from "@/lib/domain/permissions";
import { findTimeline, recordAudit } from "@/lib/data/audit.repository";
import { getDb, type DbTransaction } from "@/lib/data/db";
import {
  countRepliesByOthers,
  findClauseAnnotationIds,
  findClauseAnnotationRecords,
  findExistingAnnotationIds,
  findKnownDimensionIds,
  findRootAnnotationRecords,
  findSharedAnnotationsForExport,
  getAnnotationRecord,
  getClauseTexts,
  hasClauseAlignment,
  insertAnnotation,
  replaceAnnotationTags,
  setReplyVisibility,
  updateAnnotationIfVersion,
  type TAnnotationChange,
} from "@/lib/data/annotations.repository";
import { assertCan } from "./authz";

/**
 * Annotations on clause texts: reading threads, creating, editing and soft-deleting them under the permission
 * rules (lib/domain/permissions.ts), and moving their anchors when a clause text changes or an annotation is
 * carried along an alignment. Every write runs in one transaction with exactly one audit event per annotation
 * row it changes; an edit or deletion names the version the client saw and answers CONFLICT (with the current
 * copy, or null once deleted) when the row has moved on.
 *
 * Visibility: shared annotations are seen by everyone who can read; private ones by their author only. Someone
 * else's private annotation is treated as if it did not exist (404), so its existence does not leak.
 */

const ENTITY = "annotation";

type TClause = TClauseTexts & { id: string };

function requireClauseId(name: string, value: string | null): string {
  if (value === null || value === "") throw badParameter(name, "is required: documentId#number");
  if (!parseClauseRef(value)) throw badParameter(name, "must be documentId#number");
  return value;
}

async function loadClause(clauseId: string, db: Parameters<typeof getClauseTexts>[1] = getDb()): Promise<TClause> {
  const clause = await getClauseTexts(clauseId, db);
  if (!clause) throw new AppError("NOT_FOUND", `No clause with id '${clauseId}'`);
  return clause;
}

function canSee(record: TAnnotationRecord, viewerId: string | null): boolean {
  return record.visibility === "shared" || record.author.id === viewerId;
}

/** The threads of a clause as `actor` (null: anonymous) may see them. */
export async function findClauseThreads(
  actor: TActor | null,
  clauseIdInput: string | null,
): Promise<TAnnotationThread[]> {
  const clauseId = requireClauseId("clause", clauseIdInput);
  const clause = await loadClause(clauseId);
  return buildThreads(await findClauseAnnotationRecords(clauseId, actor?.userId ?? null), clause);
}

/** One annotation or reply `actor` may see; NOT_FOUND otherwise (also once deleted). */
export async function getAnnotation(actor: TActor | null, id: string): Promise<TAnnotationView> {
  const record = await getAnnotationRecord(id);
  if (!record || record.deletedAt !== null || !canSee(record, actor?.userId ?? null)) {
    throw new AppError("NOT_FOUND", `No annotation with id '${id}'`);
  }
  return toAnnotationView(record, await loadClause(record.clauseId));
}

async function assertKnownTags(tags: readonly string[], db: DbTransaction): Promise<void> {
  const known = await findKnownDimensionIds(tags, db);
  const unknown = tags.filter((t) => !known.has(t));
  if (unknown.length > 0) {
    const problem = `must be dimension ids from the codebook (unknown: ${unknown.join(", ")})`;
    throw new AppError("BAD_REQUEST", `Parameter 'tags' ${problem}`, { tags: [problem] });
  }
}

/** Creates an annotation on words of a clause, or a reply in a thread. */
export async function createAnnotation(actor: TActor, input: unknown, now: Date): Promise<TAnnotationView> {
  assertCan(actor, "annotation:create");
  const data = parseAnnotationInput(ZCreateAnnotation, input);
  const id = crypto.randomUUID();
  return getDb().$transaction(async (tx) => {
    let record: TAnnotationRecord;
    let clause: TClause;
    if (data.kind === "reply") {
      const parent = await getAnnotationRecord(data.parentId, tx);
      if (!parent || !canSee(parent, actor.userId)) throw badParameter("parentId", "names no annotation you can see");
      if (parent.deletedAt !== null) throw badParameter("parentId", "names a deleted annotation");
      if (parent.parentId !== null) {
        throw badParameter("parentId", "names a reply: reply to the thread's first annotation");
      }
      if (data.clauseId !== undefined && data.clauseId !== parent.clauseId) {
        throw badParameter("clauseId", `must be the thread's clause (${parent.clauseId}) or left out`);
      }
      clause = await loadClause(parent.clauseId, tx);
      record = await insertAnnotation(tx, {
        id,
        clauseId: parent.clauseId,
        authorId: actor.userId,
        parentId: parent.id,
        body: data.body,
        purpose: "replying",
        visibility: parent.visibility,
        exact: null,
        prefix: null,
        suffix: null,
        start: null,
        end: null,
        anchoredText: null,
        anchorStatus: "anchored",
        createdAt: now,
        tags: [],
      });
    } else {
      const found = await getClauseTexts(data.clauseId, tx);
      if (!found) throw badParameter("clauseId", "names no clause");
      clause = found;
      await assertKnownTags(data.tags, tx);
      const text = clauseTextIn(data.lang, clause);
      if (text === null) throw badParameter("lang", "names a language this clause has no text in");
      let selectors;
      try {
        selectors = buildSelectors(text, data.selection);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const [field, problems] = Object.entries(error.fieldErrors ?? { range: [error.message] })[0];
        throw badParameter("selection", `${field} ${problems[0]}`);
      }
      const quote = selectors.TextQuoteSelector;
      if (data.selection.exact !== undefined && data.selection.exact !== quote.exact) {
        throw badParameter("selection", "does not match the clause text: reload the page and select again");
      }
      record = await insertAnnotation(tx, {
        id,
        clauseId: clause.id,
        authorId: actor.userId,
        parentId: null,
        body: data.body,
        purpose: data.purpose,
        visibility: data.visibility,
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        start: selectors.TextPositionSelector.start,
        end: selectors.TextPositionSelector.end,
        anchoredText: text,
        anchorStatus: "anchored",
        createdAt: now,
        tags: data.tags,
      });
    }
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "annotation:create",
      entityType: ENTITY,
      entityId: id,
      before: null,
      after: toAnnotationSnapshot(record),
      at: now,
    });
    return toAnnotationView(record, clause);
  });
}

/**
 * Loads an annotation for a change by `actor`: NOT_FOUND when it does not exist or is someone else's private
 * one; FORBIDDEN when the actor may not do `action` to it; CONFLICT (current: null) when it was deleted, or
 * (current: the copy) when `version` is stale.
 */
async function loadForChange(
  tx: DbTransaction,
  actor: TActor,
  id: string,
  action: "annotation:update" | "annotation:delete",
  version: number,
): Promise<{ record: TAnnotationRecord; clause: TClause }> {
  const record = await getAnnotationRecord(id, tx);
  if (!record || !canSee(record, actor.userId)) throw new AppError("NOT_FOUND", `No annotation with id '${id}'`);
  assertCan(actor, action, { ownerId: record.author.id });
  if (record.deletedAt !== null) {
    throw new AppError("CONFLICT", "This annotation was deleted in the meantime", undefined, null);
  }
  const clause = await loadClause(record.clauseId, tx);
  if (record.version !== version) throw staleVersion(record, clause);
  return { record, clause };
}

function staleVersion(record: TAnnotationRecord, clause: TClauseTexts): AppError {
  return new AppError(
    "CONFLICT",
    `Someone changed this annotation in the meantime (now version ${record.version})`,
    undefined,
    toAnnotationView(record, clause),
  );
}

/** After a conditional write found nothing to write: the reason, as CONFLICT with the current copy. */
async function conflictNow(tx: DbTransaction, id: string): Promise<AppError> {
  const current = await getAnnotationRecord(id, tx);
  if (!current || current.deletedAt !== null) {
    return new AppError("CONFLICT", "This annotation was deleted in the meantime", undefined, null);
  }
  return staleVersion(current, await loadClause(current.clauseId, tx));
}

/** Edits one's own annotation or reply: note, purpose, visibility and tags (replies: the note only). */
export async function updateAnnotation(actor: TActor, id: string, input: unknown, now: Date): Promise<TAnnotationView> {
  assertCan(actor, "annotation:update");
  const data = parseAnnotationInput(ZUpdateAnnotation, input);
  return getDb().$transaction(async (tx) => {
    const { record, clause } = await loadForChange(tx, actor, id, "annotation:update", data.version);
    if (record.parentId !== null) {
      const fields = (["purpose", "visibility", "tags"] as const).filter((k) => data[k] !== undefined);
      if (fields.length > 0) {
        const problem = "is not set on a reply: a reply inherits its thread's";
        throw new AppError(
          "BAD_REQUEST",
          `A reply has only a note: ${fields.join(", ")} cannot be set`,
          Object.fromEntries(fields.map((f) => [f, [`${problem} ${f}`]])),
        );
      }
    }
    if (data.tags !== undefined) await assertKnownTags(data.tags, tx);
    if (
      data.visibility === "private" &&
      record.visibility === "shared" &&
      (await countRepliesByOthers(id, record.author.id, tx)) > 0
    ) {
      throw badParameter("visibility", "cannot become private: others have replied in this thread");
    }

    const change: TAnnotationChange = {};
    if (data.body !== undefined && data.body !== record.body) change.body = data.body;
    if (data.purpose !== undefined && data.purpose !== record.purpose) change.purpose = data.purpose;
    if (data.visibility !== undefined && data.visibility !== record.visibility) change.visibility = data.visibility;
    const tags = data.tags === undefined ? record.tags : [...data.tags].sort();
    const tagsChanged = tags.join("\n") !== record.tags.join("\n");
    if (Object.keys(change).length === 0 && !tagsChanged) return toAnnotationView(record, clause);

    if (!(await updateAnnotationIfVersion(tx, id, data.version, change, now))) throw await conflictNow(tx, id);
    if (tagsChanged) await replaceAnnotationTags(tx, id, tags);
    if (change.visibility !== undefined) await setReplyVisibility(tx, id, change.visibility);
    const updated = (await getAnnotationRecord(id, tx))!;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "annotation:update",
      entityType: ENTITY,
      entityId: id,
      before: toAnnotationSnapshot(record),
      after: toAnnotationSnapshot(updated),
      at: now,
    });
    return toAnnotationView(updated, clause);
  });
}

/** Parses the `version` query parameter of a deletion. */
export function parseVersionParameter(value: string | null): number {
  return parseAnnotationInput(ZDeleteQuery, { version: value ?? undefined }).version;
}

/**
 * Soft-deletes one's own annotation or reply (an admin may delete anyone's shared one, as moderation). The row and
 * its replies stay; readers see a placeholder while undeleted replies hang from it.
 */
export async function deleteAnnotation(actor: TActor, id: string, version: number, now: Date): Promise<void> {
  assertCan(actor, "annotation:delete");
  await getDb().$transaction(async (tx) => {
    const { record } = await loadForChange(tx, actor, id, "annotation:delete", version);
    if (!(await updateAnnotationIfVersion(tx, id, version, { deletedAt: now }, now))) throw await conflictNow(tx, id);
    const deleted = (await getAnnotationRecord(id, tx))!;
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "annotation:delete",
      entityType: ENTITY,
      entityId: id,
      before: toAnnotationSnapshot(record),
      after: toAnnotationSnapshot(deleted),
      at: now,
    });
  });
}

export type TReanchorSummary = { unchanged: number; anchored: number; needsReview: number };

async function reanchorIn(
  tx: DbTransaction,
  clauseId: string,
  actorId: string | null,
  now: Date,
): Promise<TReanchorSummary> {
  const clause = await loadClause(clauseId, tx);
  const summary: TReanchorSummary = { unchanged: 0, anchored: 0, needsReview: 0 };
  for (const record of await findRootAnnotationRecords(clauseId, tx)) {
    const change = planReanchor(record, clause);
    if (!change) {
      summary.unchanged++;
      continue;
    }
    if (!(await updateAnnotationIfVersion(tx, record.id, record.version, change, now))) {
      throw await conflictNow(tx, record.id);
    }
    const updated = (await getAnnotationRecord(record.id, tx))!;
    await recordAudit(tx, {
      actorId,
      action: "annotation:reanchor",
      entityType: ENTITY,
      entityId: record.id,
      before: toAnnotationSnapshot(record),
      after: toAnnotationSnapshot(updated),
      at: now,
    });
    if (change.anchorStatus === "anchored") summary.anchored++;
    else summary.needsReview++;
  }
  return summary;
}

/**
 * Re-anchors the annotations of a clause after its text changed: call it in the transaction that changed the text
 * (`tx`), with the actor who changed it, who has been authorised for that change. An annotation follows the new
 * text only on an exact match; otherwise it keeps its selectors and is marked "needs-review". Each annotation
 * whose anchor changed gets one audit event ("annotation:reanchor").
 */
export async function reanchorClauseAnnotations(
  clauseId: string,
  options: { actorId: string | null; now: Date; tx?: DbTransaction },
): Promise<TReanchorSummary> {
  const { actorId, now, tx } = options;
  if (tx) return reanchorIn(tx, clauseId, actorId, now);
  return getDb().$transaction((t) => reanchorIn(t, clauseId, actorId, now));
}

export type TCarrySummary = { carried: number; anchored: number; needsReview: number; alreadyCarried: number };

/** The id of the copy of annotation `sourceId` on clause `toClauseId`: the same pair always gives the same copy. */
export function toCarriedAnnotationId(sourceId: string, toClauseId: string): string {
  return `carried-${crypto.createHash("sha256").update(`${sourceId}\n${toClauseId}`).digest("hex").slice(0, 32)}`;
}

async function carryIn(
  tx: DbTransaction,
  actor: TActor,
  fromClauseId: string,
  toClauseId: string,
  now: Date,
): Promise<TCarrySummary> {
  const [source, target] = [await loadClause(fromClauseId, tx), await loadClause(toClauseId, tx)];
  if (!(await hasClauseAlignment(fromClauseId, toClauseId, tx))) {
    throw new AppError("BAD_REQUEST", `No alignment leads from ${fromClauseId} to ${toClauseId}`, {
      toClauseId: ["is not aligned with the source clause"],
    });
  }
  const records = await findRootAnnotationRecords(fromClauseId, tx);
  const ids = new Map(records.map((r) => [r.id, toCarriedAnnotationId(r.id, toClauseId)]));
  const existing = await findExistingAnnotationIds([...ids.values()], tx);
  const summary: TCarrySummary = { carried: 0, anchored: 0, needsReview: 0, alreadyCarried: 0 };
  for (const record of records) {
    const id = ids.get(record.id)!;
    if (existing.has(id)) {
      summary.alreadyCarried++;
      continue;
    }
    const anchor = planCarry(record, source, target);
    const copy = await insertAnnotation(tx, {
      id,
      clauseId: toClauseId,
      authorId: record.author.id,
      parentId: null,
      body: record.body,
      purpose: record.purpose,
      visibility: record.visibility,
      ...anchor,
      createdAt: now,
      tags: record.tags,
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "annotation:carry",
      entityType: ENTITY,
      entityId: id,
      before: null,
      after: { ...toAnnotationSnapshot(copy), carriedFrom: record.id },
      at: now,
    });
    summary.carried++;
    if (anchor.anchorStatus === "anchored") summary.anchored++;
    else summary.needsReview++;
  }
  return summary;
}

/**
 * Copies the annotations of a clause to the clause an alignment leads to (for example when a researcher confirms
 * the alignment of a new version): each copy keeps author, note, purpose, visibility and tags, and is anchored in
 * the target text only on an exact match, otherwise marked "needs-review". Replies stay with the original thread.
 * Carrying the same pair again copies only what was not carried yet. Needs alignment:edit.
 */
export async function carryAnnotations(
  actor: TActor,
  fromClauseId: string,
  toClauseId: string,
  options: { now: Date; tx?: DbTransaction },
): Promise<TCarrySummary> {
  assertCan(actor, "alignment:edit");
  requireClauseId("fromClauseId", fromClauseId);
  requireClauseId("toClauseId", toClauseId);
  const { now, tx } = options;
  if (tx) return carryIn(tx, actor, fromClauseId, toClauseId, now);
  return getDb().$transaction((t) => carryIn(t, actor, fromClauseId, toClauseId, now));
}

export type TTimelineEntry = {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; name: string } | null;
  changes: TChange[];
};

/**
 * The history of a clause, newest first: events on the clause itself and on the annotations `actor` may see
 * (deleted ones included: their deletion is history too, and the summary never quotes a note).
 */
export async function getClauseTimeline(actor: TActor | null, clauseIdInput: string): Promise<TTimelineEntry[]> {
  const clauseId = requireClauseId("clause", clauseIdInput);
  await loadClause(clauseId);
  const annotationIds = await findClauseAnnotationIds(clauseId, actor?.userId ?? null);
  const events = await findTimeline([
    { entityType: "clause", entityId: clauseId },
    ...annotationIds.map((entityId) => ({ entityType: ENTITY, entityId })),
  ]);
  return events.map((event) => ({
    id: event.id,
    at: event.at.toISOString(),
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    actor: event.actor,
    changes: summarizeChange(event.before, event.after),
  }));
}

/** The largest request body a write accepts: a 10,000-character note fits even with every character escaped. */
export const MAX_ANNOTATION_BODY_BYTES = 128 * 1024;

/**
 * Reads the JSON body of a write. It must be declared `application/json`: a cross-site HTML form cannot send that
 * type, and a cross-site script cannot without a CORS preflight this server never grants, so a session cookie
 * alone never makes a forged write. 413 over MAX_ANNOTATION_BODY_BYTES; 400 for anything that is not JSON.
 */
export async function readJsonRequest(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new AppError("BAD_REQUEST", "Send the request body as JSON with content-type application/json");
  }
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${MAX_ANNOTATION_BODY_BYTES} bytes`);
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > MAX_ANNOTATION_BODY_BYTES) throw tooLarge();
  const bytes = new Uint8Array(await request.arrayBuffer());
  if (bytes.byteLength > MAX_ANNOTATION_BODY_BYTES) throw tooLarge();
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object");
  }
}

/** Every shared annotation with its replies as one W3C AnnotationCollection, IRIs on `baseUrl`. */
export async function getSharedAnnotationCollection(baseUrl: string): Promise<TAnnotationCollection> {
  return toAnnotationCollection(await findSharedAnnotationsForExport(), {
    baseUrl,
    id: `${baseUrl.replace(/\/+$/, "")}/api/annotations/export`,
    label: "Redlines shared annotations",
  });
}
