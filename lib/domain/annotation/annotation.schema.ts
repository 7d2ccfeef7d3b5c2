/**
 * What a client may send to create or change an annotation (POST /api/annotations, PATCH /api/annotations/{id}).
 *
 * - An annotation: `clauseId` ("documentId#number"), a Markdown `body`, a `purpose`, a `visibility` (private by
 *   default), `tags` (dimension ids; the service checks them against the codebook) and a `selection`: [start, end)
 *   in UTF-16 code units of the clause text in `lang`, the language of the text the reader saw and selected in
 *   (English unless given). The selectors are computed on the server against that text, never trusted from the
 *   client; an optional `selection.exact` lets the client say which words it saw, and a mismatch is refused.
 * - A reply: `parentId` and `body` only. It inherits the thread's clause and visibility and has purpose "replying".
 *
 * Unknown fields are refused, so that a misspelt field is an error rather than a silent no-op.
 */
import { z } from "zod";
import { AppError, type FieldErrors } from "../errors";
import { isSlug, parseClauseRef } from "../ids";
import {
  ANCHOR_LANGUAGES,
  ANNOTATION_VISIBILITIES,
  type TAnchorLanguage,
  type TAnnotationVisibility,
} from "./vocabulary";
import { ANNOTATION_PURPOSES } from "./w3c";

export const ANNOTATION_LIMITS = { bodyMax: 10_000, tagsMax: 20, idMax: 120 } as const;

const ZBody = z
  .string({ error: "must be text (Markdown)" })
  .max(ANNOTATION_LIMITS.bodyMax, `must be at most ${ANNOTATION_LIMITS.bodyMax} characters`)
  .refine((value) => value.trim().length > 0, "must not be empty");

const ZPurpose = z.enum(ANNOTATION_PURPOSES, { error: `must be one of ${ANNOTATION_PURPOSES.join(", ")}` });
const ZVisibility = z.enum(ANNOTATION_VISIBILITIES, { error: "must be private or shared" });

const ZTags = z
  .array(z.string().refine(isSlug, "must be dimension ids from the codebook"), {
    error: "must be a list of dimension ids",
  })
  .max(ANNOTATION_LIMITS.tagsMax, `may hold at most ${ANNOTATION_LIMITS.tagsMax} tags`)
  .refine((tags) => new Set(tags).size === tags.length, "must not repeat a tag");

const ZOffset = z.number({ error: "must be a number" }).int("must be an integer").nonnegative("must not be negative");

const ZSelection = z.strictObject(
  { start: ZOffset, end: ZOffset, exact: z.string().max(ANNOTATION_LIMITS.bodyMax).optional() },
  { error: "must be {start, end} offsets in the clause text" },
);

const ZId = z.string().min(1, "must not be empty").max(ANNOTATION_LIMITS.idMax);

const ZClauseId = z.string().refine((value) => parseClauseRef(value) !== null, "must be documentId#number");

const REPLY_ONLY_MESSAGE = "is not set on a reply: a reply inherits its thread's";

export type TSelectionInput = z.infer<typeof ZSelection>;

export type TCreateAnnotation =
  | {
      kind: "annotation";
      clauseId: string;
      body: string;
      purpose: (typeof ANNOTATION_PURPOSES)[number];
      visibility: TAnnotationVisibility;
      tags: string[];
      selection: TSelectionInput;
      lang: TAnchorLanguage;
    }
  | { kind: "reply"; parentId: string; clauseId?: string; body: string };

export const ZCreateAnnotation = z
  .strictObject({
    clauseId: ZClauseId.optional(),
    parentId: ZId.optional(),
    body: ZBody,
    purpose: ZPurpose.optional(),
    visibility: ZVisibility.optional(),
    tags: ZTags.optional(),
    selection: ZSelection.optional(),
    lang: z.enum(ANCHOR_LANGUAGES, { error: "must be en or ja" }).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.parentId !== undefined) {
      for (const key of ["purpose", "visibility", "tags", "selection", "lang"] as const) {
        if (value[key] !== undefined)
          ctx.addIssue({ code: "custom", path: [key], message: `${REPLY_ONLY_MESSAGE} ${key}` });
      }
      return;
    }
    if (value.clauseId === undefined) ctx.addIssue({ code: "custom", path: ["clauseId"], message: "is required" });
    if (value.purpose === undefined) ctx.addIssue({ code: "custom", path: ["purpose"], message: "is required" });
    if (value.selection === undefined)
      ctx.addIssue({ code: "custom", path: ["selection"], message: "is required: select words of the clause" });
  })
  .transform((value): TCreateAnnotation => {
    if (value.parentId !== undefined) {
      return { kind: "reply", parentId: value.parentId, clauseId: value.clauseId, body: value.body };
    }
    return {
      kind: "annotation",
      clauseId: value.clauseId!,
      body: value.body,
      purpose: value.purpose!,
      visibility: value.visibility ?? "private",
      tags: value.tags ?? [],
      selection: value.selection!,
      lang: value.lang ?? "en",
    };
  });

/** A change: the version the client last saw, and at least one field. */
export const ZUpdateAnnotation = z
  .strictObject({
    version: z.number({ error: "is required: the version you last saw" }).int().positive("must be positive"),
    body: ZBody.optional(),
    purpose: ZPurpose.optional(),
    visibility: ZVisibility.optional(),
    tags: ZTags.optional(),
  })
  .superRefine((value, ctx) => {
    if (Object.keys(value).length === 1) {
      ctx.addIssue({
        code: "custom",
        path: ["body"],
        message: "nothing to change: send body, purpose, visibility or tags",
      });
    }
  });

export type TUpdateAnnotation = z.infer<typeof ZUpdateAnnotation>;

/** The query of DELETE /api/annotations/{id}: the version the client last saw. */
export const ZDeleteQuery = z.object({
  version: z
    .string({ error: "is required: the version you last saw" })
    .regex(/^[1-9]\d{0,9}$/, "must be a positive whole number")
    .transform(Number),
});

/**
 * Parses input with a schema, or throws BAD_REQUEST with the problems keyed by field (the first segment of the
 * path, so `tags.3` reports under `tags`; an unknown field under its own name; a body that is not an object under
 * `request`).
 */
export function parseAnnotationInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  const add = (field: string, message: string) => (fieldErrors[field] ??= []).push(message);
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys)
        add(issue.path.length ? `${String(issue.path[0])}.${key}` : key, "is not a field of this request");
      continue;
    }
    const field = issue.path.length ? String(issue.path[0]) : "request";
    const detail = issue.path.length > 1 ? `${issue.path.slice(1).join(".")}: ` : "";
    add(field, `${detail}${issue.message}`);
  }
  const fields = Object.keys(fieldErrors);
  throw new AppError("BAD_REQUEST", `Some fields need attention: ${fields.join(", ")}`, fieldErrors);
}
