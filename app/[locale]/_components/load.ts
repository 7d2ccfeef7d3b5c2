import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { redirect } from "@/i18n/navigation";
import { assertCanRead } from "@/lib/server/reading-gate";
import { AppError } from "@/lib/domain/errors";

/**
 * Loads a page's record: a malformed id or an unknown record renders the not-found page (the JSON twins answer
 * 400 and 404 for the same cases); any other failure propagates to the error page.
 */
export async function loadOrNotFound<T>(wellFormed: boolean, load: () => Promise<T>): Promise<T> {
  if (!wellFormed) notFound();
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  }
}

/**
 * The reading gate for pages: when an admin has closed reading, anonymous visitors are sent to sign in and come
 * back to `path` afterwards.
 */
export async function requireReader(locale: string, path: string): Promise<void> {
  try {
    await assertCanRead(await headers());
  } catch (error) {
    if (error instanceof AppError && error.code === "UNAUTHORIZED") {
      redirect({ href: { pathname: "/sign-in", query: { next: path } }, locale });
    }
    throw error;
  }
}
