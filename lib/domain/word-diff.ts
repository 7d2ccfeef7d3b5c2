/**
 * Word-level differences between two texts, for showing how a clause changed between versions. Built on jsdiff's
 * `diffWordsWithSpace`, which treats every word, punctuation mark and whitespace run as a token, so the segments
 * reproduce both texts exactly: the `equal` and `delete` segments in order spell `a`, the `equal` and `insert`
 * segments spell `b`. Scripts without spaces between words (Japanese) fall back to one token per character, which
 * is the granularity a reader of those scripts expects in a redline anyway.
 */
import { diffWordsWithSpace } from "diff";

export type TWordDiffKind = "equal" | "insert" | "delete";

export type TWordDiffSegment = { kind: TWordDiffKind; text: string };

/**
 * Segments that turn `a` into `b`. Adjacent segments of the same kind are joined and empty ones dropped, so a
 * renderer can map segments to elements one to one; where a passage is replaced, its deletion comes before its
 * insertion.
 */
export function computeWordDiff(a: string, b: string): TWordDiffSegment[] {
  const segments: TWordDiffSegment[] = [];
  for (const change of diffWordsWithSpace(a, b)) {
    if (change.value === "") continue;
    const kind: TWordDiffKind = change.added ? "insert" : change.removed ? "delete" : "equal";
    const last = segments[segments.length - 1];
    if (last && last.kind === kind) last.text += change.value;
    else segments.push({ kind, text: change.value });
  }
  return segments;
}
