/**
 * Importing a new version of a plan, as pure planning: from the pasted text, the base document it is aligned to,
 * the researcher's provenance and corrections, the exact rows to write. Nothing here touches the database, so the
 * web form, the JSON API and the command line plan the same way, and every refusal happens before any write.
 *
 * The steps: the text is measured and parsed into numbered clauses (`parseClauses`); the clauses are aligned to
 * the base document (`proposeAlignment`); the researcher's corrections replace the proposal for the points they
 * name; the result is checked for consistency (a point linked to several base points must be a merge, a base point
 * linked to several points a split); then the rows follow, every alignment marked `confirmed`.
 *
 * Carrying work forward: a point confirmed as `unchanged` says the same as its base point, so the base point's
 * topics and its project-level assessments are copied to it, each assessment marked `inherited` (needs review)
 * with a link to the one it came from. Nothing is carried for any other relation, and nothing is carried unmarked.
 */
import { z } from "zod";
import { proposeAlignment, type TAlignmentClause, type TAlignmentEvidence } from "../alignment";
import { toAlignmentId, toAssessmentId } from "../dataset/rows";
import { AppError, type FieldErrors } from "../errors";
import { isIsoDate, isSlug, toClauseId, toSourceId } from "../ids";
import { COMPLETENESS, type TAlignmentRelation } from "../vocabulary";
import { PARSE_CLAUSES_LIMITS, parseClauses, type TParsedClause, type TParsedClauses } from "./parse-clauses";

// ---- Inputs --------------------------------------------------------------------------------------------------

export const IMPORT_LIMITS = Object.freeze({
  /** Largest accepted text in UTF-8 bytes (the parser's limit): over it, PAYLOAD_TOO_LARGE. */
  maxBytes: PARSE_CLAUSES_LIMITS.maxBytes,
  maxSources: 20,
  maxTitleLength: 300,
  maxOriginLength: 4000,
  maxNoteLength: 4000,
});

const ZOptionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Keep it under ${max} characters`)
    .nullish()
    .transform((v) => (v ? v : null));

function isHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const ZImportSource = z.object({
  outlet: z.string("Name the outlet").trim().min(1, "Name the outlet").max(200, "Keep the outlet under 200 characters"),
  url: z
    .string("Give the source's address")
    .trim()
    .max(2000, "Keep the address under 2000 characters")
    .refine(isHttpsUrl, "Give a full https:// address"),
  date: z
    .string()
    .trim()
    .nullish()
    .transform((v) => (v ? v : null))
    .refine((v) => v === null || isIsoDate(v), "Write the date as YYYY-MM-DD"),
});

/** Where the new version comes from. Every imported clause cites these sources. */
export const ZImportProvenance = z.object(
  {
    title: z
      .string("Give the document a title")
      .trim()
      .min(1, "Give the document a title")
      .max(IMPORT_LIMITS.maxTitleLength, `Keep the title under ${IMPORT_LIMITS.maxTitleLength} characters`),
    titleJa: ZOptionalText(IMPORT_LIMITS.maxTitleLength),
    date: z.string("Give the document's date").trim().refine(isIsoDate, "Write the date as YYYY-MM-DD (a real day)"),
    origin: z
      .string("Say who drafted or published it")
      .trim()
      .min(1, "Say who drafted or published it")
      .max(IMPORT_LIMITS.maxOriginLength, `Keep the origin under ${IMPORT_LIMITS.maxOriginLength} characters`),
    originJa: ZOptionalText(IMPORT_LIMITS.maxOriginLength),
    completeness: z.enum(COMPLETENESS, "Say whether the text is full or partial"),
    note: ZOptionalText(IMPORT_LIMITS.maxNoteLength),
    sources: z
      .array(ZImportSource, "Give at least one source")
      .min(1, "Give at least one source")
      .max(IMPORT_LIMITS.maxSources, `Give at most ${IMPORT_LIMITS.maxSources} sources`),
  },
  "Give the provenance: title, date, origin, completeness and at least one source",
);

export type TImportProvenance = z.infer<typeof ZImportProvenance>;

export const CORRECTION_RELATIONS = ["unchanged", "modified", "moved", "merged", "split", "added"] as const;

/**
 * A researcher's correction of the proposal for one point of the new text: which base point it comes from
 * (null: none, the point is new) and how. A point may appear in several corrections only as a merge.
 */
export const ZImportCorrection = z.object({
  toNumber: z.string("Name the point of the new text").trim().min(1, "Name the point of the new text"),
  fromNumber: z.string().trim().min(1).nullable(),
  relation: z.enum(CORRECTION_RELATIONS, `Use one of ${CORRECTION_RELATIONS.join(", ")}`),
});

export const ZImportCorrections = z
  .array(ZImportCorrection, "Give the corrections as a list of {toNumber, fromNumber, relation}")
  .max(20_000, "Too many corrections");

export type TImportCorrection = z.infer<typeof ZImportCorrection>;

export type TImportBaseClause = {
  id: string;
  number: string;
  ordinal: number;
  heading: string;
  headingJa: string | null;
  text: string;
  textJa: string | null;
  topics: string[];
};

/** An assessment of a base clause, with its coder's kind (only some kinds are carried forward). */
export type TImportBaseAssessment = {
  id: string;
  clauseId: string;
  partyId: string;
  coderId: string;
  coderKind: string;
  score: number | null;
  rationale: string;
  rationaleJa: string | null;
  confidence: string;
  /** Evidence position ids, in the coder's order. */
  evidence: string[];
};

export type TImportBase = {
  id: string;
  clauses: TImportBaseClause[];
  assessments: TImportBaseAssessment[];
};

// ---- Outputs -------------------------------------------------------------------------------------------------

/** A proposed or confirmed link, by clause numbers (the new document's id may not exist yet). */
export type TImportLink = {
  relation: TAlignmentRelation;
  fromNumber: string | null;
  toNumber: string | null;
  /** The aligner's confidence; null for a link the researcher made that the aligner did not propose. */
  confidence: number | null;
  /** Why the aligner proposed a pair (absent for unmatched clauses and the researcher's own links). */
  evidence?: TAlignmentEvidence;
};

export type TImportPreview = {
  parsed: TParsedClauses;
  /** Null when no base document was given. */
  baseDocumentId: string | null;
  /** The proposal: every point of the text and every base point appears in it (null without a base). */
  proposed: TImportLink[] | null;
  /** Which texts of the base were compared: Japanese when the pasted text is mostly Japanese. */
  alignedOn: "en" | "ja" | null;
};

type TSourceRow = { id: string; url: string; outlet: string; date: string | null };

export type TImportPlan = {
  documentId: string;
  baseDocumentId: string;
  /** The document row without `ordinal` and `releaseId`, which the write assigns. */
  document: {
    id: string;
    title: string;
    titleJa: string | null;
    date: string;
    origin: string;
    originJa: string | null;
    completeness: string;
    note: string | null;
    noteJa: null;
  };
  sources: TSourceRow[];
  documentSources: { documentId: string; ordinal: number; sourceId: string; note: null }[];
  clauses: {
    id: string;
    documentId: string;
    number: string;
    ordinal: number;
    heading: string;
    headingJa: null;
    text: string;
    textJa: null;
    note: null;
    noteJa: null;
  }[];
  clauseSources: { clauseId: string; ordinal: number; sourceId: string; note: null }[];
  clauseTopics: { clauseId: string; dimensionId: string; ordinal: number }[];
  /** In order; the write numbers them after the alignments already stored. */
  alignments: {
    id: string;
    fromDocumentId: string;
    fromClauseId: string | null;
    toDocumentId: string;
    toClauseId: string | null;
    relation: TAlignmentRelation;
    note: null;
    noteJa: null;
    origin: "confirmed";
    confidence: number | null;
  }[];
  assessments: {
    id: string;
    clauseId: string;
    partyId: string;
    coderId: string;
    score: number | null;
    rationale: string;
    rationaleJa: string | null;
    confidence: string;
    status: "inherited";
    inheritedFromId: string;
  }[];
  assessmentEvidence: { assessmentId: string; positionId: string; ordinal: number }[];
  links: TImportLink[];
  /** What the import does, in figures: kept in the audit trail. */
  summary: {
    documentId: string;
    baseDocumentId: string;
    title: string;
    date: string;
    clauses: number;
    relations: Record<TAlignmentRelation, number>;
    corrections: number;
    inheritedAssessments: number;
    carriedTopics: number;
    sources: number;
  };
};

// ---- Helpers -------------------------------------------------------------------------------------------------

function refuse(field: string, message: string): AppError {
  return new AppError("BAD_REQUEST", message, { [field]: [message] });
}

/** Parses with a zod schema; a failure becomes one BAD_REQUEST that names the first problem and lists them all. */
function parseWith<T>(schema: z.ZodType<T>, input: unknown, field: string, what: string): T {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const path = [field, ...issue.path.map(String)].join(".");
    (fieldErrors[path] ??= []).push(issue.message);
  }
  const [firstPath, [firstMessage]] = Object.entries(fieldErrors)[0];
  throw new AppError("BAD_REQUEST", `${what}: ${firstPath}: ${firstMessage}`, fieldErrors);
}

/** UTF-8 length of a string, counting no further than just past `limit`. */
function measureUtf8(text: string, limit: number): number {
  let bytes = 0;
  for (let k = 0; k < text.length && bytes <= limit; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length && (text.charCodeAt(k + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      k++;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Refuses a text over the limit with PAYLOAD_TOO_LARGE (HTTP 413), before the parser spends any time on it.
 * `byteLength` is the size of the upload when the caller knows it (a file read from disk).
 */
export function checkImportSize(text: string, byteLength?: number): void {
  const { maxBytes } = IMPORT_LIMITS;
  const bytes = byteLength ?? measureUtf8(text, maxBytes);
  if (bytes > maxBytes || measureUtf8(text, maxBytes) > maxBytes) {
    const message = `The text is over the 1 MB limit (${maxBytes} bytes of UTF-8): split the document or remove what is not part of it`;
    throw new AppError("PAYLOAD_TOO_LARGE", message, { text: [message] });
  }
}

/**
 * The document id for an imported version: its title as a slug, then its date ("US-Ukraine draft", 2025-11-30 →
 * "us-ukraine-draft-2025-11-30"). Titles without Latin letters or digits give "imported-<date>".
 */
export function toImportedDocumentId(title: string, date: string): string {
  const words = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const room = 120 - date.length - 1;
  let stem = words.slice(0, room);
  if (words.length > room && stem.includes("-")) stem = stem.slice(0, stem.lastIndexOf("-"));
  const id = `${stem.replace(/-+$/, "") || "imported"}-${date}`;
  if (!isSlug(id)) throw refuse("provenance.title", `The title and date do not make a valid document id ('${id}')`);
  return id;
}

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]/gu;
const LETTER = /\p{L}/gu;

/** Whether most letters of the text are Japanese (or Chinese) characters. */
function isMostlyCjk(clauses: readonly TParsedClause[]): boolean {
  let cjk = 0;
  let letters = 0;
  for (const c of clauses) {
    cjk += (c.text.match(CJK) ?? []).length;
    letters += (c.text.match(LETTER) ?? []).length;
  }
  return letters > 0 && cjk / letters > 0.5;
}

const NEW_PREFIX = "new#";

function toProposal(parsed: TParsedClauses, base: TImportBase): { links: TImportLink[]; alignedOn: "en" | "ja" } {
  const alignedOn = isMostlyCjk(parsed.clauses) ? "ja" : "en";
  const from: TAlignmentClause[] = base.clauses.map((c) => ({
    id: c.id,
    number: c.number,
    ordinal: c.ordinal,
    heading: alignedOn === "ja" ? (c.headingJa ?? c.heading) : c.heading,
    text: alignedOn === "ja" ? (c.textJa ?? c.text) : c.text,
    topics: c.topics,
  }));
  const to: TAlignmentClause[] = parsed.clauses.map((c) => ({
    id: `${NEW_PREFIX}${c.number}`,
    number: c.number,
    ordinal: c.ordinal,
    heading: c.heading,
    text: c.text,
    topics: [],
  }));
  const numberOf = new Map(base.clauses.map((c) => [c.id, c.number]));
  const links = proposeAlignment({ from, to }).map((p): TImportLink => {
    const fromNumber = p.fromId === null ? null : numberOf.get(p.fromId)!;
    const toNumber = p.toId === null ? null : p.toId.slice(NEW_PREFIX.length);
    return p.relation === "removed" || p.relation === "added"
      ? { relation: p.relation, fromNumber, toNumber, confidence: p.confidence }
      : { relation: p.relation, fromNumber, toNumber, confidence: p.confidence, evidence: p.evidence };
  });
  return { links, alignedOn };
}

// ---- Preview and plan ----------------------------------------------------------------------------------------

export type TPreviewImportOptions = { text: string; byteLength?: number; base: TImportBase | null };

/**
 * Parses the text and, given a base document, proposes its alignment. Throws PAYLOAD_TOO_LARGE over 1 MB and
 * BAD_REQUEST for text that is empty, not text, without numbered points or with a number used twice.
 */
export function previewImport({ text, byteLength, base }: TPreviewImportOptions): TImportPreview {
  checkImportSize(text, byteLength);
  const parsed = parseClauses({ text, byteLength });
  if (!base) return { parsed, baseDocumentId: null, proposed: null, alignedOn: null };
  const { links, alignedOn } = toProposal(parsed, base);
  return { parsed, baseDocumentId: base.id, proposed: links, alignedOn };
}

const sameLink = (a: TImportLink, b: TImportLink) =>
  a.relation === b.relation && a.fromNumber === b.fromNumber && a.toNumber === b.toNumber;

/**
 * The links to store: the proposal, with every point a correction names taken from the corrections instead.
 * Refuses corrections that name points that do not exist, and link sets that contradict themselves.
 */
export function resolveImportLinks(
  proposed: readonly TImportLink[],
  corrections: readonly TImportCorrection[],
  newNumbers: readonly string[],
  base: TImportBase,
): TImportLink[] {
  const newSet = new Set(newNumbers);
  const baseSet = new Set(base.clauses.map((c) => c.number));
  const seen = new Set<string>();
  corrections.forEach((c, k) => {
    const field = `corrections.${k}`;
    if (!newSet.has(c.toNumber))
      throw refuse(field, `Correction ${k + 1} names point ${c.toNumber}, which the text does not have`);
    if (c.fromNumber !== null && !baseSet.has(c.fromNumber))
      throw refuse(
        field,
        `Correction ${k + 1} links point ${c.toNumber} to base point ${c.fromNumber}, which ${base.id} does not have`,
      );
    if ((c.relation === "added") !== (c.fromNumber === null))
      throw refuse(
        field,
        c.relation === "added"
          ? `Correction ${k + 1}: point ${c.toNumber} is marked added, so it cannot come from base point ${c.fromNumber}`
          : `Correction ${k + 1}: point ${c.toNumber} has no base point, so its relation must be 'added' (not '${c.relation}')`,
      );
    const key = `${c.toNumber}\u0000${c.fromNumber}`;
    if (seen.has(key))
      throw refuse(field, `Correction ${k + 1} repeats the link of point ${c.toNumber} to base point ${c.fromNumber}`);
    seen.add(key);
  });

  const corrected = new Set(corrections.map((c) => c.toNumber));
  const confidenceOf = (link: TImportLink) => proposed.find((p) => sameLink(p, link));
  const toLinks: TImportLink[] = [];
  for (const number of newNumbers) {
    const chosen: TImportLink[] = corrected.has(number)
      ? corrections
          .filter((c) => c.toNumber === number)
          .map((c) => {
            const link: TImportLink = {
              relation: c.relation,
              fromNumber: c.fromNumber,
              toNumber: number,
              confidence: null,
            };
            const match = confidenceOf(link);
            return match ? { ...match } : link;
          })
      : proposed.filter((p) => p.toNumber === number).map((p) => ({ ...p }));
    if (chosen.length === 0) {
      throw refuse("corrections", `Point ${number} has no link in the alignment: confirm or correct it`);
    }
    if (chosen.length > 1) {
      if (chosen.some((l) => l.relation !== "merged")) {
        const list = chosen.map((l) => l.fromNumber ?? "none").join(", ");
        throw refuse(
          "corrections",
          `Point ${number} is linked to several base points (${list}): mark each link as merged, or keep one`,
        );
      }
    } else if (chosen[0].relation === "merged") {
      throw refuse(
        "corrections",
        `Point ${number} is marked merged but comes from one base point only (${chosen[0].fromNumber}): a merge joins several base points into one`,
      );
    }
    toLinks.push(...chosen);
  }

  const byFrom = new Map<string, TImportLink[]>();
  for (const l of toLinks) {
    if (l.fromNumber === null) continue;
    const list = byFrom.get(l.fromNumber);
    if (list) list.push(l);
    else byFrom.set(l.fromNumber, [l]);
  }
  for (const [from, list] of byFrom) {
    if (list.length > 1 && list.some((l) => l.relation !== "split")) {
      const points = list.map((l) => l.toNumber).join(", ");
      throw refuse(
        "corrections",
        `Base point ${from} is linked to several points (${points}): mark each link as split, or keep one`,
      );
    }
    if (list.length === 1 && list[0].relation === "split") {
      throw refuse(
        "corrections",
        `Base point ${from} is marked split but goes to one point only (${list[0].toNumber}): a split divides one base point into several`,
      );
    }
  }

  const removed = base.clauses
    .filter((c) => !byFrom.has(c.number))
    .map((c): TImportLink => {
      const link: TImportLink = { relation: "removed", fromNumber: c.number, toNumber: null, confidence: null };
      return confidenceOf(link) ?? link;
    });
  return [...toLinks, ...removed];
}

/**
 * Whose assessments an unchanged point inherits: the `reference` coding (the shipped dataset's) and the
 * `consensus` coding (adjudicated values). Both belong to the project, not to a person, so carrying them forward
 * for review speaks for nobody. A researcher's own coding is their judgement of the clause they read, made under
 * their name (only they may write it); copying it would put words in their mouth, so it is left for them to code.
 */
export const INHERITED_CODER_KINDS: readonly string[] = ["reference", "consensus"];

export type TPlanImportOptions = {
  text: string;
  byteLength?: number;
  base: TImportBase;
  /** Checked here: anything that is not a valid provenance is refused, naming the field. */
  provenance: unknown;
  /** Checked here; absent means the proposal is confirmed as it stands. */
  corrections?: unknown;
};

/** Everything an import writes, or a refusal (AppError) that names the problem; nothing partial. */
export function planImport({ text, byteLength, base, provenance, corrections }: TPlanImportOptions): TImportPlan {
  const preview = previewImport({ text, byteLength, base });
  const meta = parseWith(ZImportProvenance, provenance, "provenance", "The provenance needs attention");
  const fixes = parseWith(ZImportCorrections, corrections ?? [], "corrections", "The corrections need attention");
  const documentId = toImportedDocumentId(meta.title, meta.date);
  if (documentId === base.id) throw refuse("provenance.title", "The new version would get the base document's id");
  const clauses = preview.parsed.clauses;
  const links = resolveImportLinks(
    preview.proposed!,
    fixes,
    clauses.map((c) => c.number),
    base,
  );

  const sources: TSourceRow[] = [];
  for (const s of meta.sources) {
    const id = toSourceId(s.url, s.outlet, s.date);
    if (!sources.some((x) => x.id === id)) sources.push({ id, url: s.url, outlet: s.outlet, date: s.date });
  }
  const newClauseId = (number: string) => toClauseId(documentId, number);
  const baseByNumber = new Map(base.clauses.map((c) => [c.number, c]));

  const clauseTopics: TImportPlan["clauseTopics"] = [];
  const assessments: TImportPlan["assessments"] = [];
  const assessmentEvidence: TImportPlan["assessmentEvidence"] = [];
  const assessmentsByClause = new Map<string, TImportBaseAssessment[]>();
  for (const a of base.assessments) {
    if (!INHERITED_CODER_KINDS.includes(a.coderKind)) continue;
    const list = assessmentsByClause.get(a.clauseId);
    if (list) list.push(a);
    else assessmentsByClause.set(a.clauseId, [a]);
  }
  for (const link of links) {
    if (link.relation !== "unchanged") continue;
    const from = baseByNumber.get(link.fromNumber!)!;
    const clauseId = newClauseId(link.toNumber!);
    from.topics.forEach((dimensionId, ordinal) => clauseTopics.push({ clauseId, dimensionId, ordinal }));
    for (const a of assessmentsByClause.get(from.id) ?? []) {
      const id = toAssessmentId(a.coderId, clauseId, a.partyId);
      assessments.push({
        id,
        clauseId,
        partyId: a.partyId,
        coderId: a.coderId,
        score: a.score,
        rationale: a.rationale,
        rationaleJa: a.rationaleJa,
        confidence: a.confidence,
        status: "inherited",
        inheritedFromId: a.id,
      });
      a.evidence.forEach((positionId, ordinal) => assessmentEvidence.push({ assessmentId: id, positionId, ordinal }));
    }
  }

  const alignments: TImportPlan["alignments"] = links.map((l) => {
    const fromClauseId = l.fromNumber === null ? null : baseByNumber.get(l.fromNumber)!.id;
    const toClauseId = l.toNumber === null ? null : newClauseId(l.toNumber);
    return {
      id: toAlignmentId(fromClauseId ?? base.id, toClauseId ?? documentId),
      fromDocumentId: base.id,
      fromClauseId,
      toDocumentId: documentId,
      toClauseId,
      relation: l.relation,
      note: null,
      noteJa: null,
      origin: "confirmed",
      confidence: l.confidence,
    };
  });

  const relations = {
    unchanged: 0,
    modified: 0,
    moved: 0,
    merged: 0,
    split: 0,
    removed: 0,
    added: 0,
  } satisfies Record<TAlignmentRelation, number>;
  for (const l of links) relations[l.relation] += 1;

  return {
    documentId,
    baseDocumentId: base.id,
    document: {
      id: documentId,
      title: meta.title,
      titleJa: meta.titleJa,
      date: meta.date,
      origin: meta.origin,
      originJa: meta.originJa,
      completeness: meta.completeness,
      note: meta.note,
      noteJa: null,
    },
    sources,
    documentSources: sources.map((s, ordinal) => ({ documentId, ordinal, sourceId: s.id, note: null })),
    clauses: clauses.map((c) => ({
      id: newClauseId(c.number),
      documentId,
      number: c.number,
      ordinal: c.ordinal,
      heading: c.heading,
      headingJa: null,
      text: c.text,
      textJa: null,
      note: null,
      noteJa: null,
    })),
    clauseSources: clauses.flatMap((c) =>
      sources.map((s, ordinal) => ({ clauseId: newClauseId(c.number), ordinal, sourceId: s.id, note: null })),
    ),
    clauseTopics,
    alignments,
    assessments,
    assessmentEvidence,
    links,
    summary: {
      documentId,
      baseDocumentId: base.id,
      title: meta.title,
      date: meta.date,
      clauses: clauses.length,
      relations,
      corrections: fixes.length,
      inheritedAssessments: assessments.length,
      carriedTopics: clauseTopics.length,
      sources: sources.length,
    },
  };
}
