/**
 * Which annotations leave with the dataset, and in what form: the shared, undeleted ones, each thread as its root
 * annotation with every reply under it (a reply to a reply is listed under the thread's root, oldest first, and
 * targets the root, since the W3C presenter models one level of replies). Private notes and deleted ones stay.
 *
 * An annotation without a stored selection concerns the whole clause text and is exported with a selector over
 * all of it. The W3C body needs a language and annotations do not record one: a note with kana or kanji is
 * tagged `ja`, any other `en`.
 */
import {
  ANNOTATION_PURPOSES,
  toAnnotationCollection,
  type TAnnotationCollection,
  type TAnnotationForExport,
  type TAnnotationPurpose,
  type TAnnotationReplyForExport,
} from "../annotation/w3c";

export type TAnnotationRow = {
  id: string;
  clauseId: string;
  parentId: string | null;
  body: string;
  purpose: string;
  visibility: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  anchoredText: string | null;
  /** The clause's current text, for annotations recorded without `anchoredText`. */
  clauseText: string;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
  /** The author's coder id when they have one (the IRI of their coding), else their user id. */
  creator: { id: string; name: string };
  tags: readonly string[];
};

const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;

export function guessNoteLanguage(text: string): "en" | "ja" {
  return JAPANESE.test(text) ? "ja" : "en";
}

function toReply(row: TAnnotationRow): TAnnotationReplyForExport {
  return {
    id: row.id,
    note: row.body,
    language: guessNoteLanguage(row.body),
    creator: row.creator,
    created: row.createdAt.toISOString(),
    modified: row.updatedAt.getTime() > row.createdAt.getTime() ? row.updatedAt.toISOString() : null,
  };
}

export function toAnnotationsForExport(rows: readonly TAnnotationRow[]): TAnnotationForExport[] {
  const visible = rows.filter((r) => r.visibility === "shared" && r.deletedAt === null);
  const byId = new Map(visible.map((r) => [r.id, r]));
  const rootOf = (row: TAnnotationRow): TAnnotationRow | null => {
    let current = row;
    const seen = new Set<string>();
    while (current.parentId !== null) {
      if (seen.has(current.id)) return null;
      seen.add(current.id);
      const parent = byId.get(current.parentId);
      if (!parent) return null;
      current = parent;
    }
    return current;
  };
  const byCreated = (a: TAnnotationRow, b: TAnnotationRow) =>
    a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

  const replies = new Map<string, TAnnotationRow[]>();
  for (const row of visible) {
    if (row.parentId === null || row.body.trim() === "") continue;
    const root = rootOf(row);
    if (!root) continue;
    const list = replies.get(root.id);
    if (list) list.push(row);
    else replies.set(root.id, [row]);
  }

  return visible
    .filter((r) => r.parentId === null && (ANNOTATION_PURPOSES as readonly string[]).includes(r.purpose))
    .sort(byCreated)
    .flatMap((row): TAnnotationForExport[] => {
      const text = row.anchoredText ?? row.clauseText;
      const anchored = row.exact !== null && row.exact !== "" && row.start !== null && row.end !== null;
      if (!anchored && text === "") return [];
      return [
        {
          ...toReply(row),
          purpose: row.purpose as TAnnotationPurpose,
          tags: row.tags,
          target: {
            clauseId: row.clauseId,
            text,
            selectors: anchored
              ? {
                  TextQuoteSelector: { exact: row.exact ?? "", prefix: row.prefix ?? "", suffix: row.suffix ?? "" },
                  TextPositionSelector: { start: row.start ?? 0, end: row.end ?? 0 },
                }
              : {
                  TextQuoteSelector: { exact: text, prefix: "", suffix: "" },
                  TextPositionSelector: { start: 0, end: text.length },
                },
          },
          replies: (replies.get(row.id) ?? []).sort(byCreated).map(toReply),
        },
      ];
    });
}

/** The collection the dataset package and `GET /api/dataset/annotations` carry. */
export function toDatasetAnnotationCollection(
  rows: readonly TAnnotationRow[],
  { baseUrl, releaseId }: { baseUrl: string; releaseId: string | null },
): TAnnotationCollection {
  const base = baseUrl.replace(/\/+$/, "");
  return toAnnotationCollection(toAnnotationsForExport(rows), {
    baseUrl: base,
    id: `${base}/api/dataset/annotations`,
    label: `Redlines annotations${releaseId ? `, dataset release ${releaseId}` : ""}`,
  });
}
