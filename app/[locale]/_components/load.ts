import { notFound } from "next/navigation";
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
