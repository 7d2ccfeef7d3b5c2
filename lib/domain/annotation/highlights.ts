/**
 * Where to draw highlights in a clause text: the text cut at every start and end of the annotations anchored in
 * it, each piece with the annotations that cover it (overlapping annotations share pieces). Only annotations
 * whose stored quote is exactly at their position in the text shown are drawn, so a highlight never lands on the
 * wrong words (an annotation on the other language's text, or one that needs review, is listed but not drawn).
 */
import type { TAnnotationThread } from "./threads";

export type THighlightSegment = { start: number; end: number; ids: string[] };

/** The annotations to draw in `text` (shown in `lang`): anchored, undeleted, quoting exactly what is there. */
export function findDrawableAnchors(
  threads: readonly TAnnotationThread[],
  text: string,
  lang: string,
): { id: string; start: number; end: number }[] {
  return threads.flatMap((t) =>
    t.target !== null &&
    !t.deleted &&
    t.anchorStatus === "anchored" &&
    t.target.lang === lang &&
    text.slice(t.target.start, t.target.end) === t.target.exact
      ? [{ id: t.id, start: t.target.start, end: t.target.end }]
      : [],
  );
}

/** `text` as consecutive pieces covering all of it; `ids` is empty where no annotation is. */
export function buildHighlightSegments(
  length: number,
  anchors: readonly { id: string; start: number; end: number }[],
): THighlightSegment[] {
  const cuts = new Set([0, length]);
  for (const a of anchors) {
    cuts.add(Math.max(0, Math.min(length, a.start)));
    cuts.add(Math.max(0, Math.min(length, a.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const segments: THighlightSegment[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [start, end] = [points[i], points[i + 1]];
    if (start === end) continue;
    segments.push({ start, end, ids: anchors.filter((a) => a.start <= start && a.end >= end).map((a) => a.id) });
  }
  return segments;
}
