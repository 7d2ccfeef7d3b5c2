/**
 * Presenters from Redlines annotations to W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/),
 * so that notes on clauses can leave the tool and be read by any annotation client. Pure: timestamps are passed
 * in, IRIs are built from the `baseUrl` option.
 *
 * Mapping:
 * - an annotation → `type: "Annotation"`, `motivation` from its purpose (commenting, questioning, assessing:
 *   all three are motivations of the W3C vocabulary); its note → a TextualBody (text/markdown, with language);
 *   each dimension tag → a TextualBody with `purpose: "tagging"`; no note and no tag → no body;
 * - target → a SpecificResource: `source` the clause IRI, `selector` [TextQuoteSelector, TextPositionSelector];
 * - replies → annotations of their own, `motivation: "replying"`, targeting the parent annotation's IRI.
 *
 * IRIs (relative to `baseUrl`): annotations `/annotations/{id}`, clauses `/clauses/{documentId}/{number}` (the
 * reading page), coders `/coders/{id}`. Offsets: the W3C model counts code points where the DOM and selectors.ts
 * count UTF-16 code units, so TextPositionSelector offsets are converted against the text the annotation was
 * made on; when the stored position no longer fits that text, only the TextQuoteSelector is emitted rather than
 * a position that points elsewhere.
 */
import { AppError, badParameter } from "../errors";
import { parseClauseRef } from "../ids";
import { toCodePointOffset, type TTextSelectors } from "./selectors";

export const ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld";

export const ANNOTATION_PURPOSES = ["commenting", "questioning", "assessing"] as const;
export type TAnnotationPurpose = (typeof ANNOTATION_PURPOSES)[number];

export type TAnnotationAuthor = { id: string; name: string };

export type TAnnotationReplyForExport = {
  id: string;
  /** Markdown. */
  note: string;
  /** BCP 47 tag of the note, e.g. "en" or "ja". */
  language: string;
  creator: TAnnotationAuthor;
  /** ISO 8601 date-time with a time zone, e.g. "2026-03-02T09:15:00Z". */
  created: string;
  modified?: string | null;
};

/** What the presenters need to know about an annotation; built by the data layer from its own rows. */
export type TAnnotationForExport = TAnnotationReplyForExport & {
  purpose: TAnnotationPurpose;
  /** Dimension ids the annotation is tagged with. */
  tags: readonly string[];
  target: {
    /** "documentId#number". */
    clauseId: string;
    /** The clause text the selectors were recorded against (the annotated version). */
    text: string;
    selectors: TTextSelectors;
  };
  replies?: readonly TAnnotationReplyForExport[];
};

export type TWebAnnotationOptions = {
  /** Absolute http(s) URL the IRIs are built on, e.g. "https://redlines.example.org". */
  baseUrl: string;
};

export type TWebAnnotationAgent = { id: string; type: "Person"; name: string };

export type TWebAnnotationTextualBody = {
  type: "TextualBody";
  value: string;
  purpose: TAnnotationPurpose | "replying" | "tagging";
  format?: "text/markdown";
  language?: string;
};

export type TWebAnnotationSelector =
  | { type: "TextQuoteSelector"; exact: string; prefix: string; suffix: string }
  | { type: "TextPositionSelector"; start: number; end: number };

export type TWebAnnotationTarget = {
  type: "SpecificResource";
  source: string;
  selector: TWebAnnotationSelector[];
};

export type TWebAnnotation = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "Annotation";
  motivation: TAnnotationPurpose | "replying";
  created: string;
  modified?: string;
  creator: TWebAnnotationAgent;
  body?: TWebAnnotationTextualBody[];
  /** A SpecificResource on a clause, or the IRI of the annotation a reply answers. */
  target: TWebAnnotationTarget | string;
};

export type TAnnotationPage = {
  id: string;
  type: "AnnotationPage";
  partOf: string;
  startIndex: 0;
  /** The annotations, without their own `@context`: the collection's applies. */
  items: Omit<TWebAnnotation, "@context">[];
};

export type TAnnotationCollection = {
  "@context": typeof ANNOTATION_CONTEXT;
  id: string;
  type: "AnnotationCollection";
  label: string;
  total: number;
  /** The single page, embedded; absent when the collection is empty. */
  first?: TAnnotationPage;
};

export type TAnnotationCollectionOptions = TWebAnnotationOptions & {
  /** Absolute IRI of the collection, e.g. the export URL with its filters. */
  id: string;
  label: string;
};

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function toBaseUrl(baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw badParameter("baseUrl", "must be an absolute URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw badParameter("baseUrl", "must be http(s)");
  if (url.search || url.hash) throw badParameter("baseUrl", "must have no query or fragment");
  return url.href.replace(/\/+$/, "");
}

function assertAbsoluteIri(value: string, name: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badParameter(name, "must be an absolute IRI");
  }
  if (url.hash) throw badParameter(name, "must have no fragment");
}

function assertDateTime(value: string, name: string): void {
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw badParameter(name, "must be an ISO 8601 date-time with a time zone");
  }
}

function assertId(value: string, name: string): void {
  if (value.trim().length === 0) throw badParameter(name, "must not be empty");
}

function toAnnotationIri(base: string, id: string): string {
  return `${base}/annotations/${encodeURIComponent(id)}`;
}

function toAgent(base: string, author: TAnnotationAuthor): TWebAnnotationAgent {
  assertId(author.id, "creator.id");
  return { id: `${base}/coders/${encodeURIComponent(author.id)}`, type: "Person", name: author.name };
}

/** The properties an annotation and a reply share, validated. */
function toCommon(
  base: string,
  entry: TAnnotationReplyForExport,
): Pick<TWebAnnotation, "@context" | "id" | "type" | "created" | "modified" | "creator"> {
  assertId(entry.id, "id");
  assertDateTime(entry.created, "created");
  if (entry.modified) assertDateTime(entry.modified, "modified");
  if (!LANGUAGE_TAG.test(entry.language)) throw badParameter("language", "must be a BCP 47 language tag");
  return {
    "@context": ANNOTATION_CONTEXT,
    id: toAnnotationIri(base, entry.id),
    type: "Annotation",
    created: entry.created,
    ...(entry.modified ? { modified: entry.modified } : {}),
    creator: toAgent(base, entry.creator),
  };
}

function toSelectors(text: string, selectors: TTextSelectors): TWebAnnotationSelector[] {
  const { exact, prefix, suffix } = selectors.TextQuoteSelector;
  if (exact.length === 0) throw badParameter("exact", "must not be empty");
  const quote: TWebAnnotationSelector = { type: "TextQuoteSelector", exact, prefix, suffix };
  const { start, end } = selectors.TextPositionSelector;
  const fits = Number.isInteger(start) && start >= 0 && end <= text.length && text.slice(start, end) === exact;
  if (!fits) return [quote];
  return [
    quote,
    { type: "TextPositionSelector", start: toCodePointOffset(text, start), end: toCodePointOffset(text, end) },
  ];
}

/**
 * One annotation as W3C Web Annotation JSON-LD, without its replies (see `toWebAnnotationReplies`). Refuses (BAD_REQUEST)
 * what would make an invalid document: a malformed clause id, date, language tag or base URL, an unknown purpose.
 */
export function toWebAnnotation(annotation: TAnnotationForExport, options: TWebAnnotationOptions): TWebAnnotation {
  const base = toBaseUrl(options.baseUrl);
  if (!(ANNOTATION_PURPOSES as readonly string[]).includes(annotation.purpose)) {
    throw badParameter("purpose", `must be one of ${ANNOTATION_PURPOSES.join(", ")}`);
  }
  const clause = parseClauseRef(annotation.target.clauseId);
  if (!clause) throw badParameter("clauseId", "must be documentId#number");

  const body: TWebAnnotationTextualBody[] = [];
  if (annotation.note.trim().length > 0) {
    body.push({
      type: "TextualBody",
      value: annotation.note,
      purpose: annotation.purpose,
      format: "text/markdown",
      language: annotation.language,
    });
  }
  for (const tag of new Set(annotation.tags)) {
    assertId(tag, "tags");
    body.push({ type: "TextualBody", value: tag, purpose: "tagging" });
  }

  return {
    ...toCommon(base, annotation),
    motivation: annotation.purpose,
    ...(body.length > 0 ? { body } : {}),
    target: {
      type: "SpecificResource",
      source: `${base}/clauses/${clause.documentId}/${encodeURIComponent(clause.number)}`,
      selector: toSelectors(annotation.target.text, annotation.target.selectors),
    },
  };
}

/** The replies to an annotation, each an annotation of its own that targets the parent's IRI, oldest first as given. */
export function toWebAnnotationReplies(
  annotation: TAnnotationForExport,
  options: TWebAnnotationOptions,
): TWebAnnotation[] {
  const base = toBaseUrl(options.baseUrl);
  assertId(annotation.id, "id");
  const parent = toAnnotationIri(base, annotation.id);
  return (annotation.replies ?? []).map((reply) => {
    if (reply.note.trim().length === 0) throw badParameter("replies.note", "must not be empty");
    return {
      ...toCommon(base, reply),
      motivation: "replying" as const,
      body: [
        {
          type: "TextualBody" as const,
          value: reply.note,
          purpose: "replying" as const,
          format: "text/markdown" as const,
          language: reply.language,
        },
      ],
      target: parent,
    };
  });
}

/**
 * An AnnotationCollection holding every annotation followed by its replies, on one embedded page. `total` counts
 * replies too, since each is an annotation. Items leave out `@context`, which the collection supplies.
 */
export function toAnnotationCollection(
  annotations: readonly TAnnotationForExport[],
  options: TAnnotationCollectionOptions,
): TAnnotationCollection {
  assertAbsoluteIri(options.id, "id");
  if (options.label.trim().length === 0) throw badParameter("label", "must not be empty");
  const items = annotations
    .flatMap((annotation) => [toWebAnnotation(annotation, options), ...toWebAnnotationReplies(annotation, options)])
    .map(({ "@context": _context, ...item }) => item);
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item.id)) throw new AppError("BAD_REQUEST", `Annotation ${item.id} appears twice in the collection`);
    seen.add(item.id);
  }
  const collection: TAnnotationCollection = {
    "@context": ANNOTATION_CONTEXT,
    id: options.id,
    type: "AnnotationCollection",
    label: options.label,
    total: items.length,
  };
  if (items.length === 0) return collection;
  const pageId = `${options.id}${options.id.includes("?") ? "&" : "?"}page=0`;
  return { ...collection, first: { id: pageId, type: "AnnotationPage", partOf: options.id, startIndex: 0, items } };
}
