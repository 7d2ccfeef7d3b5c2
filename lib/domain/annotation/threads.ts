/**
 * Annotations as readers and the API see them: threads of a root annotation and its replies, oldest first. A
 * deleted annotation never shows its note, tags or quote; a deleted root stays as a placeholder only while
 * undeleted replies hang from it, and deleted replies disappear. Also the audit snapshot of an annotation and the
 * compact before → after summary the clause timeline shows.
 */
import type { TAnchorLanguage, TAnnotationVisibility } from "./vocabulary";
import { detectAnchorLanguage, hasSelection, type TAnchorStatus, type TClauseTexts } from "./anchoring";
import type { TAnnotationPurpose } from "./w3c";

/** An annotation row as the repository maps it. */
export type TAnnotationRecord = {
  id: string;
  clauseId: string;
  parentId: string | null;
  author: { id: string; name: string };
  body: string;
  purpose: string;
  visibility: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  anchoredText: string | null;
  anchorStatus: string;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** Dimension ids, sorted. */
  tags: string[];
};

export type TAnnotationTarget = {
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  /** The language of the text the selectors point into. */
  lang: TAnchorLanguage;
};

/** One annotation or reply as the API answers it (JSON-safe: dates are ISO strings). */
export type TAnnotationView = {
  id: string;
  clauseId: string;
  parentId: string | null;
  author: { id: string; name: string };
  /** Markdown; null once deleted. */
  body: string | null;
  purpose: TAnnotationPurpose | "replying";
  visibility: TAnnotationVisibility;
  tags: string[];
  /** Null for replies, whole-clause notes and deleted annotations. */
  target: TAnnotationTarget | null;
  anchorStatus: TAnchorStatus;
  version: number;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
};

export type TAnnotationThread = TAnnotationView & { replies: TAnnotationView[] };

export function toAnnotationView(record: TAnnotationRecord, clause: TClauseTexts): TAnnotationView {
  const deleted = record.deletedAt !== null;
  const target =
    deleted || !hasSelection(record)
      ? null
      : {
          exact: record.exact ?? "",
          prefix: record.prefix ?? "",
          suffix: record.suffix ?? "",
          start: record.start ?? 0,
          end: record.end ?? 0,
          lang: detectAnchorLanguage(record.anchoredText, clause),
        };
  return {
    id: record.id,
    clauseId: record.clauseId,
    parentId: record.parentId,
    author: record.author,
    body: deleted ? null : record.body,
    purpose: record.purpose as TAnnotationView["purpose"],
    visibility: record.visibility as TAnnotationVisibility,
    tags: deleted ? [] : record.tags,
    target,
    anchorStatus: record.anchorStatus === "needs-review" ? "needs-review" : "anchored",
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    deleted,
  };
}

const byCreated = (a: TAnnotationRecord, b: TAnnotationRecord) =>
  a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The threads of one clause from the records a reader may see (the repository filters by visibility). */
export function buildThreads(records: readonly TAnnotationRecord[], clause: TClauseTexts): TAnnotationThread[] {
  const replies = new Map<string, TAnnotationRecord[]>();
  for (const record of records) {
    if (record.parentId === null || record.deletedAt !== null) continue;
    replies.set(record.parentId, [...(replies.get(record.parentId) ?? []), record]);
  }
  return records
    .filter((r) => r.parentId === null && (r.deletedAt === null || (replies.get(r.id)?.length ?? 0) > 0))
    .sort(byCreated)
    .map((root) => ({
      ...toAnnotationView(root, clause),
      replies: (replies.get(root.id) ?? []).sort(byCreated).map((reply) => toAnnotationView(reply, clause)),
    }));
}

/** What the audit trail keeps of an annotation, before and after a change. */
export function toAnnotationSnapshot(record: TAnnotationRecord) {
  return {
    clauseId: record.clauseId,
    parentId: record.parentId,
    authorId: record.author.id,
    body: record.body,
    purpose: record.purpose,
    visibility: record.visibility,
    tags: record.tags,
    exact: record.exact,
    start: record.start,
    end: record.end,
    anchorStatus: record.anchorStatus,
    deleted: record.deletedAt !== null,
    version: record.version,
  };
}

/** One line of a timeline entry: a field and its short before and after values (absent: not shown). */
export type TChange = { field: string; before?: string; after?: string };

const SHORT = 60;
/** Fields the timeline never repeats, only names: notes can be long, and a deleted note must not reappear. */
const NAMED_ONLY = new Set(["body", "note", "rationale", "text", "textJa"]);
const SKIPPED = new Set(["version", "authorId", "clauseId", "parentId", "id"]);

function toShort(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (value === null) return "—";
  const text = Array.isArray(value)
    ? value.map(String).join(", ")
    : typeof value === "object"
      ? JSON.stringify(value)
      : String(value);
  if (text === "") return "—";
  return text.length > SHORT ? `${text.slice(0, SHORT - 1)}…` : text;
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/**
 * The fields an audit event changed, with short before → after values, in the order they appear. For a creation
 * (no before) the initial values; for a deletion only `deleted`. Long texts are named, never quoted.
 */
export function summarizeChange(before: unknown, after: unknown): TChange[] {
  const b = asObject(before);
  const a = asObject(after);
  if (before !== null && a.deleted === true && b.deleted !== true) return [{ field: "deleted" }];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => !SKIPPED.has(k));
  const changes: TChange[] = [];
  for (const key of keys) {
    if (before !== null && JSON.stringify(b[key]) === JSON.stringify(a[key])) continue;
    if (before === null && (a[key] === null || a[key] === false || (Array.isArray(a[key]) && a[key].length === 0)))
      continue;
    if (NAMED_ONLY.has(key)) changes.push({ field: key });
    else changes.push({ field: key, before: before === null ? undefined : toShort(b[key]), after: toShort(a[key]) });
  }
  return changes;
}
