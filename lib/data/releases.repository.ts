import "server-only";
import { getDb, type Db } from "./db";

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
