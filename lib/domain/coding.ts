/**
 * Independent coding: a researcher's own score of one matrix cell (a clause for a party), on the assessment
 * scale, with a rationale, a confidence and the positions it rests on. Codes are Assessment rows of the
 * researcher's coder; the adjudicated value is an Assessment row of the `consensus` coder, in the same shape.
 *
 * Blind coding: a researcher's code of a cell is hidden from other coders until they have coded that cell
 * themselves, so that nobody anchors on a colleague's judgement. Adjudicators and admins see every code.
 */
import { z } from "zod";
import { AppError, type FieldErrors } from "./errors";
import { isSlug, parseClauseRef } from "./ids";
import type { TActor } from "./permissions";
import { CONFIDENCES } from "./scale";

export const CONSENSUS_CODER_ID = "consensus";
export const MAX_RATIONALE_LENGTH = 5000;
export const MAX_EVIDENCE = 100;

export const ZCode = z
  .strictObject({
    clauseId: z
      .string({ error: "is required" })
      .refine((v) => parseClauseRef(v) !== null, "must be a clause reference written documentId#number"),
    partyId: z.string({ error: "is required" }).refine(isSlug, "must be a party id"),
    score: z.union([z.int().min(-2).max(2), z.null()], {
      error: "must be an integer from -2 to 2, or null for 'no stated position'",
    }),
    rationale: z
      .string({ error: "must be text" })
      .trim()
      .max(MAX_RATIONALE_LENGTH, `must be at most ${MAX_RATIONALE_LENGTH} characters`),
    confidence: z.enum(CONFIDENCES, { error: `must be one of ${CONFIDENCES.join(", ")}` }),
    evidence: z
      .array(z.string().refine(isSlug, "must be position ids"), { error: "must be a list of position ids" })
      .max(MAX_EVIDENCE, `must list at most ${MAX_EVIDENCE} positions`)
      .refine((ids) => new Set(ids).size === ids.length, "must not list a position twice"),
    /** The version the coder last saw; required to change an existing code (see saveCode). */
    version: z.int({ error: "must be a positive integer" }).positive("must be a positive integer").optional(),
  })
  .superRefine((code, ctx) => {
    if (code.score === null && code.evidence.length > 0) {
      ctx.addIssue({
        code: "custom",
        path: ["evidence"],
        message: "must be empty when the score is 'no stated position'",
      });
    }
  });

export type TCode = z.infer<typeof ZCode>;

/**
 * Parses a code, or throws BAD_REQUEST naming every field at fault (an unknown field is named as itself), so a
 * form can show each message next to its field.
 */
export function parseCode(input: unknown): TCode {
  const result = ZCode.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) (fieldErrors[key] ??= []).push("is not a field of a code");
      continue;
    }
    (fieldErrors[String(issue.path[0] ?? "body")] ??= []).push(issue.message);
  }
  const fields = Object.keys(fieldErrors).join(", ");
  throw new AppError("BAD_REQUEST", `The code is not valid (${fields})`, fieldErrors);
}

/** Adjudicators and admins see every coder's codes: they resolve disagreements. */
export function canSeeAllCodes(viewer: TActor | null): boolean {
  return viewer?.role === "adjudicator" || viewer?.role === "admin";
}

/** Whether the viewer may see other researchers' codes of a cell (see canSeeCode). */
export function canSeeOthersCodes(viewer: TActor | null, viewerHasCodedCell: boolean): boolean {
  if (!viewer) return false;
  return canSeeAllCodes(viewer) || viewerHasCodedCell;
}

/**
 * The blind rule. `codeOwnerUserId` is the account behind the code's coder, null for codes that are not a
 * researcher's (the reference coding, the consensus), which everyone may read. A researcher's code is visible
 * to its owner, to adjudicators and admins, and to another signed-in account only once that account has coded
 * the same cell. Anonymous readers never see a researcher's code.
 */
export function canSeeCode(
  viewer: TActor | null,
  codeOwnerUserId: string | null,
  viewerHasCodedCell: boolean,
): boolean {
  if (codeOwnerUserId === null) return true;
  if (!viewer) return false;
  if (viewer.userId === codeOwnerUserId) return true;
  return canSeeOthersCodes(viewer, viewerHasCodedCell);
}

/** Researchers' coders are listed (e.g. in the matrix's coder choice) to signed-in accounts only. */
export function canListCoder(viewer: TActor | null, coderKind: string): boolean {
  return viewer !== null || coderKind !== "researcher";
}

/** The key of a matrix cell (one clause for one party) in sets and maps. */
export function toCellKey(clauseId: string, partyId: string): string {
  return `${clauseId}\u0000${partyId}`;
}
