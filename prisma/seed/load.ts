/** Loads the shipped reference dataset into a database; the seed script and the tests both call this. */
import type { Db } from "@/lib/data/db";
import { insertBaseRelease, isReleaseApplied } from "@/lib/data/dataset.repository";
import { toDatasetRows, type TDatasetRows } from "@/lib/domain/dataset/rows";
import { BASE_RELEASE, readReferenceDataset } from "./reference";

export type TSeedResult = { loaded: false } | { loaded: true; rows: TDatasetRows };

/** Idempotent: when the base release is already recorded, nothing is written. */
export async function seedReferenceDataset(db: Db, now: Date = new Date()): Promise<TSeedResult> {
  if (await isReleaseApplied(BASE_RELEASE.id, db)) return { loaded: false };
  const rows = toDatasetRows(readReferenceDataset(), BASE_RELEASE);
  await insertBaseRelease(rows, { ...BASE_RELEASE, appliedAt: now }, db);
  return { loaded: true, rows };
}
