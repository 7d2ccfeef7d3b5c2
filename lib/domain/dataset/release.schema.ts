/**
 * The format of a dataset release after the base (prisma/seed/data/updates/*.json): the release id, the dates it
 * covers, a note in English and Japanese, the record counts it announces, and its records. Positions use the same
 * record format as positions.json, so a position reads the same in the base and in every later release.
 */
import { z } from "zod";
import { isIsoDate } from "../ids";
import { ZReferencePosition } from "./reference.schema";

/** Release ids are year-month ("2026-06"): they sort as text in the order the releases were made. */
const RELEASE_ID = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isReleaseId(value: string): boolean {
  return RELEASE_ID.test(value);
}

const COVERAGE = /^(\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})$/;

/** "YYYY-MM-DD to YYYY-MM-DD" -> its two dates, or null when the text is not a well-formed, ordered span. */
export function parseCoverage(value: string): { from: string; to: string } | null {
  const m = COVERAGE.exec(value);
  if (!m || !isIsoDate(m[1]) || !isIsoDate(m[2]) || m[1] > m[2]) return null;
  return { from: m[1], to: m[2] };
}

const ZText = z.string().trim().min(1);
const ZCount = z.number().int().nonnegative();

export const ZReleaseId = z.string().refine(isReleaseId, "must be a release id written YYYY-MM");

export const ZReleaseFile = z.object({
  release: ZReleaseId,
  title: ZText.optional(),
  coverage: z
    .string()
    .refine((v) => parseCoverage(v) !== null, "must be two dates written 'YYYY-MM-DD to YYYY-MM-DD', in order"),
  note: ZText,
  noteJa: ZText,
  /** Announced counts: a number per record type, or a number per key (e.g. byParty). */
  counts: z.record(z.string(), z.union([ZCount, z.record(z.string(), ZCount)])),
  positions: z.array(ZReferencePosition).min(1, "a release carries at least one record"),
});

export type TReleaseFile = z.infer<typeof ZReleaseFile>;
export type TReleaseCounts = TReleaseFile["counts"];
