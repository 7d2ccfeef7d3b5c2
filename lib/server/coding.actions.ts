"use server";

import { headers } from "next/headers";
import { AppError, type ErrorCode } from "@/lib/domain/errors";
import { requirePermission } from "./authz";
import { saveCode, saveConsensus, type TCodeView } from "./coding";

/**
 * What the coding form gets back: the saved code; a conflict with the current copy (the form offers reload or
 * "keep mine", which resubmits with the current version); or an error with its code and the fields at fault.
 */
export type TCodingResult =
  | { status: "ok"; code: TCodeView; created: boolean }
  | { status: "conflict"; message: string; current: TCodeView | null }
  | { status: "error"; code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> };

function toResult(error: unknown): TCodingResult {
  if (error instanceof AppError) {
    if (error.code === "CONFLICT") {
      return { status: "conflict", message: error.message, current: (error.current ?? null) as TCodeView | null };
    }
    return {
      status: "error",
      code: error.code,
      message: error.message,
      ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    };
  }
  console.error("Coding action failed:", error);
  return { status: "error", code: "INTERNAL", message: "Internal error" };
}

/** Saves the signed-in researcher's own code of a cell (the same service as POST /api/codes). */
export async function saveCodeAction(input: unknown): Promise<TCodingResult> {
  try {
    const actor = await requirePermission(await headers(), "code:write");
    return { status: "ok", ...(await saveCode(actor, input)) };
  } catch (error) {
    return toResult(error);
  }
}

/** Saves the consensus value of a cell; adjudicators and admins only (the same service as POST /api/consensus). */
export async function saveConsensusAction(input: unknown): Promise<TCodingResult> {
  try {
    const actor = await requirePermission(await headers(), "consensus:write");
    return { status: "ok", ...(await saveConsensus(actor, input)) };
  } catch (error) {
    return toResult(error);
  }
}
