import "server-only";
import { AppError } from "@/lib/domain/errors";
import { getSetting } from "@/lib/data/members.repository";
import { getActor } from "./authz";

export const READING_SETTING = "reading";

/** Whether reading needs an account ("closed") or is open to everyone (the default). */
export async function isReadingClosed(): Promise<boolean> {
  return (await getSetting(READING_SETTING)) === "closed";
}

/**
 * Reading is open unless an admin closed it; then every page and JSON read needs an account. Called inside each
 * reading page and by `handle()` for every GET, never only in a layout or the proxy.
 */
export async function assertCanRead(headers: Headers): Promise<void> {
  if (!(await isReadingClosed())) return;
  if (!(await getActor(headers))) throw new AppError("UNAUTHORIZED", "Reading this project needs an account: sign in");
}
