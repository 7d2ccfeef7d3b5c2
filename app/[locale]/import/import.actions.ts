"use server";

import { headers } from "next/headers";
import { AppError, type ErrorCode } from "@/lib/domain/errors";
import { requirePermission } from "@/lib/server/authz";
import { importDocument, parseImportRequest } from "@/lib/server/import";

/** What the import wizard gets back: the saved document, or the error with its code and the fields at fault. */
export type TImportActionResult =
  | { status: "ok"; documentId: string; baseDocumentId: string }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

/**
 * Saves an import from the /import page: the same service as POST /api/import, behind the same permission
 * (document:import). Server actions are public endpoints, so the check is here, not in the page.
 */
export async function importDocumentAction(input: unknown): Promise<TImportActionResult> {
  try {
    const actor = await requirePermission(await headers(), "document:import");
    const request = parseImportRequest(input);
    const saved = await importDocument(
      { ...request, dryRun: false },
      { actorId: actor.userId, action: "document:import" },
      new Date(),
    );
    return { status: "ok", documentId: saved.documentId, baseDocumentId: saved.baseDocumentId };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        status: "error",
        code: error.code,
        message: error.message,
        ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
      };
    }
    console.error("Import action failed:", error);
    return { status: "error", code: "INTERNAL", message: "Internal error" };
  }
}
