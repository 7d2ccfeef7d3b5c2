import "server-only";

/**
 * The whole dataset out and back in: `createDatasetExport` streams the Frictionless package (zip) the route and
 * `npm run dataset:export` serve; `restoreDataset` loads one into an empty, migrated database
 * (`npm run dataset:restore`), checking everything before it writes and writing in one transaction.
 */
import { unzipSync } from "fflate";
import { AppError } from "@/lib/domain/errors";
import { toDatasetAnnotationCollection } from "@/lib/domain/export/annotations";
import {
  ANNOTATIONS_FILE,
  countDatasetDump,
  DATAPACKAGE_FILE,
  README_FILE,
  toDatapackageDescriptor,
  toDatasetCsvChunks,
  toDatasetReadme,
  toTablePath,
} from "@/lib/domain/export/datapackage";
import { readDatasetPackage } from "@/lib/domain/export/dataset-read";
import { DATASET_TABLES } from "@/lib/domain/export/dataset-tables";
import { getDb, type Db } from "@/lib/data/db";
import {
  findAnnotationRows,
  findDatasetDump,
  findNonEmptyDatasetTables,
  insertDatasetDump,
} from "@/lib/data/export.repository";
import { getCurrentReleaseId } from "@/lib/data/releases.repository";
import { streamZip, type TZipEntry } from "./stream";

/** The largest total uncompressed size a package may declare; a larger one is refused before it is inflated. */
export const MAX_PACKAGE_BYTES = 1024 * 1024 * 1024;

export type TDatasetExport = {
  filename: string;
  releaseId: string;
  /** Rows per table, and the annotations in the JSON-LD collection. */
  counts: Record<string, number>;
  body: ReadableStream<Uint8Array>;
};

export type TDatasetExportOptions = { now: Date; baseUrl: string; db?: Db };

/** `redlines-dataset_2026-03_2026-03-14.zip`: the release, then the export day. */
export function toDatasetFilename(releaseId: string, now: Date): string {
  return `redlines-dataset_${releaseId}_${now.toISOString().slice(0, 10)}.zip`;
}

/** The shared annotations as one W3C AnnotationCollection (also served alone by GET /api/dataset/annotations). */
export async function getAnnotationCollection({ baseUrl, db = getDb() }: { baseUrl: string; db?: Db }) {
  const [rows, releaseId] = await Promise.all([findAnnotationRows(db), getCurrentReleaseId(db)]);
  return toDatasetAnnotationCollection(rows, { baseUrl, releaseId });
}

export async function createDatasetExport({
  now,
  baseUrl,
  db = getDb(),
}: TDatasetExportOptions): Promise<TDatasetExport> {
  const releaseId = await getCurrentReleaseId(db);
  if (releaseId === null) {
    throw new AppError("CONFLICT", "The database holds no dataset release, so there is no dataset to export.");
  }
  const [dump, collection] = await Promise.all([findDatasetDump(db), getAnnotationCollection({ baseUrl, db })]);
  const options = { releaseId, exportedAt: now.toISOString(), baseUrl };
  const json = (value: unknown) => () => [`${JSON.stringify(value, null, 2)}\n`];
  const entries: TZipEntry[] = [
    { path: DATAPACKAGE_FILE, chunks: json(toDatapackageDescriptor(options)) },
    { path: README_FILE, chunks: () => [toDatasetReadme(dump, { ...options, annotations: collection.total })] },
    ...DATASET_TABLES.map((table) => ({
      path: toTablePath(table),
      chunks: () => toDatasetCsvChunks(table, dump[table.name] ?? []),
    })),
    { path: ANNOTATIONS_FILE, chunks: json(collection) },
  ];
  return {
    filename: toDatasetFilename(releaseId, now),
    releaseId,
    counts: { ...countDatasetDump(dump), annotations: collection.total },
    body: streamZip(entries, now),
  };
}

function unzipPackage(zip: Uint8Array): Record<string, string> {
  let declared = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(zip, {
      filter: (file) => {
        declared += file.originalSize;
        if (declared > MAX_PACKAGE_BYTES) throw new Error(`holds more than ${MAX_PACKAGE_BYTES} bytes uncompressed`);
        return !file.name.endsWith("/");
      },
    });
  } catch (error) {
    throw new AppError(
      "BAD_REQUEST",
      `The file is not a readable zip archive (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const decoder = new TextDecoder("utf-8", { fatal: true });
  const files: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(entries)) {
    try {
      files[name] = decoder.decode(bytes);
    } catch {
      throw new AppError("BAD_REQUEST", `${name} is not UTF-8 text.`);
    }
  }
  return files;
}

export type TRestoreResult = { releaseId: string; written: Record<string, number> };

/**
 * Loads a dataset package into an empty, migrated database. Refuses (and changes nothing) when the database
 * already holds dataset records or the package does not hold together; writes every table in one transaction.
 */
export async function restoreDataset(zip: Uint8Array, db: Db = getDb()): Promise<TRestoreResult> {
  const occupied = await findNonEmptyDatasetTables(db);
  if (occupied.length > 0) {
    throw new AppError(
      "CONFLICT",
      `The database is not empty (${occupied.map((o) => `${o.table}: ${o.rows}`).join(", ")} rows). ` +
        "Restore only into an empty, migrated database. Nothing was changed.",
    );
  }
  const { releaseId, dump } = readDatasetPackage(unzipPackage(zip));
  const written = await insertDatasetDump(dump, db);
  return { releaseId, written };
}
