import "server-only";

/**
 * Reads and writes for the exports: the recorded alignments between two documents, the rows of every dataset
 * table, the annotations that leave with the dataset, and the restore's one-transaction write. The tables are
 * described once in lib/domain/export/dataset-tables.ts; this file only moves their rows.
 */
import type { TAnnotationRow } from "@/lib/domain/export/annotations";
import type { TRecordedAlignment } from "@/lib/domain/export/compare-table";
import {
  DATASET_TABLES,
  type TDatasetDump,
  type TDatasetRow,
  type TDatasetTable,
} from "@/lib/domain/export/dataset-tables";
import { annotationExportSelect, toAnnotationRow } from "./annotations.repository";
import { getDb, type Db, type DbTransaction } from "./db";

/**
 * The few delegate methods used on every dataset model. Models are reached by name because the tables are
 * described as data; a unit test holds DATASET_TABLES equal to the Prisma models' scalar fields, and the
 * round-trip test writes and reads every one of them on both databases.
 */
type TModelDelegate = {
  findMany(args: { select: Record<string, true> }): Promise<TDatasetRow[]>;
  count(): Promise<number>;
  createMany(args: { data: TDatasetRow[] }): Promise<{ count: number }>;
};

function delegateOf(db: Db | DbTransaction, table: TDatasetTable): TModelDelegate {
  const name = table.model.charAt(0).toLowerCase() + table.model.slice(1);
  const delegate = (db as unknown as Record<string, TModelDelegate | undefined>)[name];
  if (!delegate) throw new Error(`No Prisma model '${table.model}' for dataset table '${table.name}'`);
  return delegate;
}

/** Alignments recorded between two documents, in either direction. */
export async function findAlignmentsBetween(
  documentA: string,
  documentB: string,
  db: Db = getDb(),
): Promise<TRecordedAlignment[]> {
  return db.alignment.findMany({
    where: {
      OR: [
        { fromDocumentId: documentA, toDocumentId: documentB },
        { fromDocumentId: documentB, toDocumentId: documentA },
      ],
    },
    select: {
      id: true,
      ordinal: true,
      fromDocumentId: true,
      fromClauseId: true,
      toDocumentId: true,
      toClauseId: true,
      relation: true,
      note: true,
      noteJa: true,
      origin: true,
      confidence: true,
    },
    orderBy: [{ ordinal: "asc" }, { id: "asc" }],
  });
}

/** Every row of every dataset table, with exactly the described fields (so `Coder.userId` stays behind). */
export async function findDatasetDump(db: Db = getDb()): Promise<TDatasetDump> {
  const entries = await Promise.all(
    DATASET_TABLES.map(async (table) => {
      const select = Object.fromEntries(table.fields.map((f) => [f.name, true as const]));
      return [table.name, await delegateOf(db, table).findMany({ select })] as const;
    }),
  );
  return Object.fromEntries(entries);
}

/** The dataset tables that hold rows (an empty list: the database can take a restore). */
export async function findNonEmptyDatasetTables(db: Db = getDb()): Promise<{ table: string; rows: number }[]> {
  const counts = await Promise.all(
    DATASET_TABLES.map(async (table) => ({ table: table.name, rows: await delegateOf(db, table).count() })),
  );
  const annotations = await db.annotation.count();
  return [...counts, { table: "annotations", rows: annotations }].filter((c) => c.rows > 0);
}

/**
 * Writes a checked dump in one transaction, tables in DATASET_TABLES order (each after those it references).
 * Anything failing rolls the whole write back.
 */
export async function insertDatasetDump(dump: TDatasetDump, db: Db = getDb()): Promise<Record<string, number>> {
  return db.$transaction(
    async (tx) => {
      const written: Record<string, number> = {};
      for (const table of DATASET_TABLES) {
        const rows = dump[table.name] ?? [];
        written[table.name] = rows.length ? (await delegateOf(tx, table).createMany({ data: rows })).count : 0;
      }
      return written;
    },
    { timeout: 300_000, maxWait: 30_000 },
  );
}

/** Every annotation with what the W3C export needs; lib/domain/export/annotations.ts chooses which leave. */
export async function findAnnotationRows(db: Db = getDb()): Promise<TAnnotationRow[]> {
  const rows = await db.annotation.findMany({
    select: annotationExportSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return rows.map(toAnnotationRow);
}
