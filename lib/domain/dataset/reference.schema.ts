/**
 * The format of the reference dataset files (prisma/seed/data/*.json, copied from the project's shared reference).
 * Parsing is strict about what the app relies on and keeps every field the files carry.
 */
import { z } from "zod";
import { isClauseNumber, isIsoDate, isSlug } from "../ids";
import { CONFIDENCES } from "../scale";
import { ALIGNMENT_RELATIONS, COMPLETENESS, PARTY_KINDS, POSITION_KINDS } from "../vocabulary";

const ZText = z.string().trim().min(1);
const ZSlug = z.string().refine(isSlug, "must be a lowercase id of letters, digits and hyphens");
const ZIsoDate = z.string().refine(isIsoDate, "must be a date written YYYY-MM-DD");
const ZClauseRef = z.string().regex(/^[a-z0-9][a-z0-9-]*#[A-Za-z0-9][A-Za-z0-9.-]*$/, "must be documentId#number");

export const ZReferenceSource = z.object({
  outlet: ZText,
  url: z.url({ protocol: /^https?$/ }),
  date: ZIsoDate.nullable(),
  note: z.string().nullish(),
});

export const ZReferenceClause = z.object({
  number: z.string().refine(isClauseNumber, "must be a clause label of letters, digits, '.' and '-'"),
  heading: ZText,
  headingJa: ZText,
  summary: ZText,
  summaryJa: ZText,
  topics: z.array(ZSlug),
  sources: z.array(ZReferenceSource).min(1),
  note: z.string().nullable(),
});

export const ZReferenceDocument = z.object({
  id: ZSlug,
  title: ZText,
  titleJa: ZText,
  date: ZIsoDate,
  origin: ZText,
  originJa: ZText,
  completeness: z.enum(COMPLETENESS),
  note: z.string().nullable(),
  sources: z.array(ZReferenceSource).min(1),
  clauses: z.array(ZReferenceClause).min(1),
});

export const ZReferenceAlignment = z.object({
  from: z.string().min(1),
  to: z.string().min(1),
  relation: z.enum(ALIGNMENT_RELATIONS),
  note: z.string().nullable(),
});

export const ZReferenceDocuments = z.object({
  documents: z.array(ZReferenceDocument),
  alignments: z.array(ZReferenceAlignment),
});

export const ZReferenceParty = z.object({
  id: ZSlug,
  name: ZText,
  nameJa: ZText,
  kind: z.enum(PARTY_KINDS),
  note: z.string().nullish(),
});

export const ZReferenceParties = z.object({
  parties: z.array(ZReferenceParty),
  positionKinds: z.array(z.object({ id: z.enum(POSITION_KINDS), labelJa: ZText })),
});

export const ZReferenceDimension = z.object({
  id: ZSlug,
  label: ZText,
  labelJa: ZText,
  description: ZText,
  descriptionJa: ZText,
});

export const ZReferenceDimensions = z.object({ dimensions: z.array(ZReferenceDimension) });

export const ZReferencePosition = z.object({
  id: ZSlug,
  party: ZSlug,
  actor: z.string().nullish(),
  dimension: ZSlug,
  kind: z.enum(POSITION_KINDS),
  statement: ZText,
  statementJa: ZText,
  speaker: ZText,
  speakerJa: ZText,
  date: ZIsoDate,
  relatesToClauses: z.array(ZClauseRef),
  relatesToDocuments: z.array(ZSlug),
  sources: z.array(ZReferenceSource).min(1),
  note: z.string().nullish(),
});

export const ZReferencePositions = z.object({ positions: z.array(ZReferencePosition) });

export const ZReferenceScaleLevel = z.object({
  score: z.number().int().min(-2).max(2).nullable(),
  label: ZText,
  labelJa: ZText,
  description: ZText,
  descriptionJa: ZText,
});

export const ZReferenceAssessment = z.object({
  clause: ZClauseRef,
  party: ZSlug,
  score: z.number().int().min(-2).max(2).nullable(),
  rationale: ZText,
  rationaleJa: ZText,
  evidence: z.array(ZSlug),
  confidence: z.enum(CONFIDENCES),
  redLinesTouched: z.array(ZSlug),
});

export const ZReferenceCodings = z.object({
  generatedOn: ZIsoDate,
  scale: z.array(ZReferenceScaleLevel),
  coder: ZSlug,
  method: ZText,
  methodJa: ZText,
  assessments: z.array(ZReferenceAssessment),
});

export type TReferenceSource = z.infer<typeof ZReferenceSource>;
export type TReferenceDocuments = z.infer<typeof ZReferenceDocuments>;
export type TReferenceParties = z.infer<typeof ZReferenceParties>;
export type TReferenceDimensions = z.infer<typeof ZReferenceDimensions>;
export type TReferencePosition = z.infer<typeof ZReferencePosition>;
export type TReferencePositions = z.infer<typeof ZReferencePositions>;
export type TReferenceCodings = z.infer<typeof ZReferenceCodings>;

/** The five files of one base release, already read as JSON. */
export type TReferenceDataset = {
  documents: TReferenceDocuments;
  parties: TReferenceParties;
  dimensions: TReferenceDimensions;
  positions: TReferencePositions;
  codings: TReferenceCodings;
};

export const ZReferenceDataset = z.object({
  documents: ZReferenceDocuments,
  parties: ZReferenceParties,
  dimensions: ZReferenceDimensions,
  positions: ZReferencePositions,
  codings: ZReferenceCodings,
});
