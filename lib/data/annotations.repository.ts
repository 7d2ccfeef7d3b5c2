import "server-only";
import type { TAnnotationForExport } from "@/lib/domain/annotation/w3c";
import type { TAnnotationRecord } from "@/lib/domain/annotation/threads";
import { toAnnotationsForExport, type TAnnotationRow } from "@/lib/domain/export/annotations";
import { getDb, type Db, type DbTransaction } from "./db";

/**
 * Annotations and their tags: reads mapped to plain records, and the writes the service runs inside its
 * transactions (each next to its audit event). Visibility is a query condition here; the rules live in
 * lib/server/annotations.ts.
 */

type TClient = Db | DbTransaction;

/** The annotation's own fields: its place in a thread, its body and its anchor. */
const annotationFields = {
  id: true,
  clauseId: true,
  parentId: true,
  body: true,
  purpose: true,
  visibility: true,
  exact: true,
  prefix: true,
  suffix: true,
  start: true,
  end: true,
  anchoredText: true,
} as const;

const annotationSelect = {
  ...annotationFields,
  anchorStatus: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  author: { select: { id: true, name: true } },
  tags: { select: { dimensionId: true }, orderBy: { dimensionId: "asc" } },
} as const;

type TRow = {
  tags: { dimensionId: string }[];
} & Omit<TAnnotationRecord, "tags">;

function toRecord({ tags, ...row }: TRow): TAnnotationRecord {
  return { ...row, tags: tags.map((t) => t.dimensionId) };
}

/** What a reader may see: shared annotations, and their own private ones. */
function visibleTo(viewerId: string | null) {
  return viewerId === null ? { visibility: "shared" } : { OR: [{ visibility: "shared" }, { authorId: viewerId }] };
}

export type TClauseTextsRow = { id: string; text: string; textJa: string | null };

export async function getClauseTexts(clauseId: string, db: TClient = getDb()): Promise<TClauseTextsRow | null> {
  return db.clause.findUnique({ where: { id: clauseId }, select: { id: true, text: true, textJa: true } });
}

/** The codebook's dimension ids among `ids`. */
export async function findKnownDimensionIds(ids: readonly string[], db: TClient = getDb()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.dimension.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

/** Every annotation and reply of a clause that `viewerId` may see, deleted ones included (the domain hides them). */
export async function findClauseAnnotationRecords(
  clauseId: string,
  viewerId: string | null,
  db: TClient = getDb(),
): Promise<TAnnotationRecord[]> {
  const rows = await db.annotation.findMany({
    where: { clauseId, ...visibleTo(viewerId) },
    select: annotationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

/** Ids of the annotations of a clause `viewerId` may see, deleted ones included (for the timeline). */
export async function findClauseAnnotationIds(
  clauseId: string,
  viewerId: string | null,
  db: TClient = getDb(),
): Promise<string[]> {
  const rows = await db.annotation.findMany({ where: { clauseId, ...visibleTo(viewerId) }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function getAnnotationRecord(id: string, db: TClient = getDb()): Promise<TAnnotationRecord | null> {
  const row = await db.annotation.findUnique({ where: { id }, select: annotationSelect });
  return row ? toRecord(row) : null;
}

/** Undeleted replies by someone other than `authorId`. */
export async function countRepliesByOthers(id: string, authorId: string, db: TClient = getDb()): Promise<number> {
  return db.annotation.count({ where: { parentId: id, deletedAt: null, authorId: { not: authorId } } });
}

export type TNewAnnotation = {
  id: string;
  clauseId: string;
  authorId: string;
  parentId: string | null;
  body: string;
  purpose: string;
  visibility: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  anchoredText: string | null;
  anchorStatus: string;
  createdAt: Date;
  tags: readonly string[];
};

export async function insertAnnotation(tx: DbTransaction, data: TNewAnnotation): Promise<TAnnotationRecord> {
  const { tags, createdAt, ...row } = data;
  await tx.annotation.create({ data: { ...row, createdAt, updatedAt: createdAt } });
  if (tags.length > 0) {
    await tx.annotationTag.createMany({ data: tags.map((dimensionId) => ({ annotationId: data.id, dimensionId })) });
  }
  return (await getAnnotationRecord(data.id, tx))!;
}

export type TAnnotationChange = Partial<{
  body: string;
  purpose: string;
  visibility: string;
  start: number | null;
  end: number | null;
  anchoredText: string | null;
  anchorStatus: string;
  deletedAt: Date;
}>;

/**
 * Writes a change only if the row still has `version` and is not deleted, and increments the version. Returns
 * false when another write came first (the caller answers CONFLICT).
 */
export async function updateAnnotationIfVersion(
  tx: DbTransaction,
  id: string,
  version: number,
  change: TAnnotationChange,
  at: Date,
): Promise<boolean> {
  const { count } = await tx.annotation.updateMany({
    where: { id, version, deletedAt: null },
    data: { ...change, updatedAt: at, version: { increment: 1 } },
  });
  return count === 1;
}

export async function replaceAnnotationTags(tx: DbTransaction, id: string, tags: readonly string[]): Promise<void> {
  await tx.annotationTag.deleteMany({ where: { annotationId: id } });
  if (tags.length > 0) {
    await tx.annotationTag.createMany({ data: tags.map((dimensionId) => ({ annotationId: id, dimensionId })) });
  }
}

/** Replies follow their thread's visibility (they are stored with it so that every reader filters rows alike). */
export async function setReplyVisibility(tx: DbTransaction, parentId: string, visibility: string): Promise<void> {
  await tx.annotation.updateMany({ where: { parentId }, data: { visibility } });
}

/** The undeleted root annotations of a clause, whatever their visibility (re-anchoring and carrying). */
export async function findRootAnnotationRecords(clauseId: string, db: TClient = getDb()): Promise<TAnnotationRecord[]> {
  const rows = await db.annotation.findMany({
    where: { clauseId, parentId: null, deletedAt: null },
    select: annotationSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toRecord);
}

export async function findExistingAnnotationIds(ids: readonly string[], db: TClient = getDb()): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.annotation.findMany({ where: { id: { in: [...ids] } }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}

export async function hasClauseAlignment(fromClauseId: string, toClauseId: string, db: TClient = getDb()) {
  return (await db.alignment.count({ where: { fromClauseId, toClauseId } })) > 0;
}

/** What the W3C export and the dataset export read of an annotation (see `toAnnotationRow`). */
export const annotationExportSelect = {
  ...annotationFields,
  createdAt: true,
  updatedAt: true,
  deletedAt: true,
  clause: { select: { text: true } },
  author: { select: { id: true, name: true, coder: { select: { id: true } } } },
  tags: { select: { dimensionId: true }, orderBy: { dimensionId: "asc" } },
} as const;

type TAnnotationExportSelected = Omit<TAnnotationRow, "clauseText" | "creator" | "tags"> & {
  clause: { text: string };
  author: { id: string; name: string; coder: { id: string } | null };
  tags: { dimensionId: string }[];
};

/** A row read with `annotationExportSelect`; the creator is the author's coder when they have one. */
export function toAnnotationRow({ clause, author, tags, ...row }: TAnnotationExportSelected): TAnnotationRow {
  return {
    ...row,
    clauseText: clause.text,
    creator: { id: author.coder?.id ?? author.id, name: author.name },
    tags: tags.map((t) => t.dimensionId),
  };
}

/**
 * The shared, undeleted annotations with their replies, ready for the W3C presenters (w3c.ts). The choice of what
 * leaves is lib/domain/export/annotations.ts's, which the dataset export uses too, so both exports agree.
 */
export async function findSharedAnnotationsForExport(db: Db = getDb()): Promise<TAnnotationForExport[]> {
  const rows = await db.annotation.findMany({
    where: { visibility: "shared", deletedAt: null },
    select: annotationExportSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return toAnnotationsForExport(rows.map(toAnnotationRow));
}
