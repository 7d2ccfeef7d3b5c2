import "server-only";
import { AppError } from "@/lib/domain/errors";
import { getDb } from "@/lib/data/db";
import { getSetting } from "@/lib/data/members.repository";
import { getActor } from "./authz";
import { currentDataVersion } from "./read-scope";
import { createVersionedCache } from "./versioned-cache";

export const READING_SETTING = "reading";

const settings = createVersionedCache<string | null>({ maxEntries: 4 });

/**
 * Whether reading needs an account ("closed") or is open to everyone (the default). Every GET asks, so the setting
 * is kept per data version (settings are among the tables that move it): no query of its own once read.
 */
export async function isReadingClosed(): Promise<boolean> {
  const db = getDb();
  const version = await currentDataVersion(db);
  return (await settings.get(db, READING_SETTING, version, () => getSetting(READING_SETTING, db))) === "closed";
}

/**
 * Reading is open unless an admin closed it; then every page and JSON read needs an account. Called inside each
 * reading page and by `handle()` for every GET, never only in a layout or the proxy.
 */
export async function assertCanRead(headers: Headers): Promise<void> {
  if (!(await isReadingClosed())) return;
  if (!(await getActor(headers))) throw new AppError("UNAUTHORIZED", "Reading this project needs an account: sign in");
}
