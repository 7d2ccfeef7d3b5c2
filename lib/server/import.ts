import "server-only";
import { z } from "zod";
import { AppError, notFound, type FieldErrors } from "@/lib/domain/errors";
import { isSlug } from "@/lib/domain/ids";
import {
  INHERITED_CODER_KINDS,
  IMPORT_LIMITS,
  checkImportSize,
  planImport,
  previewImport,
  type TImportBase,
  type TImportPlan,
  type TImportPreview,
} from "@/lib/domain/import/plan-import";
import { getDb } from "@/lib/data/db";
import { documentExists, findImportBase, saveImportedDocument } from "@/lib/data/import.repository";

/**
 * Importing a new version: the one service behind POST /api/import, the /import page's server action and the
 * command line (scripts/import.ts). It parses the request, loads the base document, plans (lib/domain) and, unless
 * it is a dry run, writes in one transaction. It does not authorise: each entry point checks its caller first
 * (the route and the action with requirePermission; the command line is an operator's).
 */

/** The request body: the text and what the researcher chose. Unknown fields are refused. */
export const ZImportRequest = z.strictObject({
  text: z.string("'text' must be a string holding the document's plain text"),
  baseDocumentId: z
    .string("'baseDocumentId' must be a document id")
    .trim()
    .refine((v) => v === "" || isSlug(v), "'baseDocumentId' must be a lowercase id of letters, digits and hyphens")
    .nullish()
    .transform((v) => (v ? v : null)),
  provenance: z.unknown().optional(),
  corrections: z.unknown().optional(),
  dryRun: z.boolean("'dryRun' must be true or false").optional().default(false),
});

export type TImportRequest = z.infer<typeof ZImportRequest>;

export function parseImportRequest(body: unknown): TImportRequest {
  if (typeof body !== "object" || body === null || Array.isArray(body))
    throw new AppError("BAD_REQUEST", "The request body must be a JSON object with at least 'text'");
  const text = (body as { text?: unknown }).text;
  // Size first: a text over the limit is refused as too large whatever else is wrong.
  if (typeof text === "string") checkImportSize(text);
  const result = ZImportRequest.safeParse(body);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : issue.path.map(String).join(".") || "body";
    (fieldErrors[key] ??= []).push(
      issue.code === "unrecognized_keys" ? `is not a field of an import (${issue.keys.join(", ")})` : issue.message,
    );
  }
  const [key, [message]] = Object.entries(fieldErrors)[0];
  throw new AppError(
    "BAD_REQUEST",
    key === "body" ? message : `'${key}': ${message.replace(/^'[^']+' /, "")}`,
    fieldErrors,
  );
}

async function loadBase(baseDocumentId: string): Promise<TImportBase> {
  const base = await findImportBase(baseDocumentId, INHERITED_CODER_KINDS, getDb());
  if (!base) throw notFound("document", baseDocumentId);
  return base;
}

export type TImportDryRun = {
  dryRun: true;
  preview: TImportPreview;
  /** With a base and provenance: the full plan's figures, and whether the document id is free. */
  plan: { documentId: string; conflict: boolean; summary: TImportPlan["summary"]; links: TImportPlan["links"] } | null;
};

/**
 * Everything an import would do, written nowhere: the parsed clauses; with a base document, the proposed
 * alignment; with provenance as well, the checked plan (corrections applied) and whether its id is free.
 */
export async function dryRunImport(request: TImportRequest, { byteLength }: { byteLength?: number } = {}) {
  const base = request.baseDocumentId ? await loadBase(request.baseDocumentId) : null;
  const preview = previewImport({ text: request.text, byteLength, base });
  let plan: TImportDryRun["plan"] = null;
  if (base && request.provenance !== undefined) {
    const full = planImport({
      text: request.text,
      byteLength,
      base,
      provenance: request.provenance,
      corrections: request.corrections,
    });
    plan = {
      documentId: full.documentId,
      conflict: await documentExists(full.documentId),
      summary: full.summary,
      links: full.links,
    };
  }
  return { dryRun: true, preview, plan } satisfies TImportDryRun;
}

export type TImportSaved = {
  dryRun: false;
  documentId: string;
  baseDocumentId: string;
  summary: TImportPlan["summary"];
};

/**
 * Plans and saves an import. `actor` goes to the audit trail: the account's id with action "document:import", or
 * null with "document:import:cli" for the command line.
 */
export async function importDocument(
  request: TImportRequest,
  actor: { actorId: string | null; action: "document:import" | "document:import:cli" },
  now: Date,
  { byteLength }: { byteLength?: number } = {},
): Promise<TImportSaved> {
  checkImportSize(request.text, byteLength);
  if (!request.baseDocumentId)
    throw new AppError("BAD_REQUEST", "'baseDocumentId': choose the document this version is aligned to", {
      baseDocumentId: ["Choose the document this version is aligned to"],
    });
  if (request.provenance === undefined)
    throw new AppError("BAD_REQUEST", "'provenance': give the title, date, origin, completeness and sources", {
      provenance: ["Give the title, date, origin, completeness and sources"],
    });
  const base = await loadBase(request.baseDocumentId);
  const plan = planImport({
    text: request.text,
    byteLength,
    base,
    provenance: request.provenance,
    corrections: request.corrections,
  });
  await saveImportedDocument(plan, actor, now, getDb());
  return { dryRun: false, documentId: plan.documentId, baseDocumentId: plan.baseDocumentId, summary: plan.summary };
}

/**
 * Largest request body accepted by POST /api/import before parsing: the 1 MB text may grow in JSON (escaped
 * newlines and quotes), and the provenance and corrections come on top. The text itself is measured afterwards.
 */
export const MAX_IMPORT_BODY_BYTES = 3 * IMPORT_LIMITS.maxBytes;

/** Reads a request body as UTF-8 text, refusing (413) more than `limit` bytes without reading further. */
export async function readBodyText(request: Request, limit: number = MAX_IMPORT_BODY_BYTES): Promise<string> {
  const tooLarge = () =>
    new AppError("PAYLOAD_TOO_LARGE", `The request body is over ${limit} bytes: the text may be at most 1 MB`);
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body is not UTF-8 text");
  }
}
