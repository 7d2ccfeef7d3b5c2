/**
 * Which text an annotation is anchored in, and what happens to its anchor when that text changes or the annotation
 * is carried to an aligned clause of another version.
 *
 * Language: a reader selects words in the clause text shown to them, English or Japanese, and the selectors are
 * computed against exactly that text, stored as `anchoredText`. The schema records no language, so it is read back
 * from `anchoredText`: the clause's current English or Japanese text when it equals one of them, otherwise (after
 * the text changed) Japanese when it holds kana or kanji, which the English summaries never do. An annotation is
 * only ever re-anchored against the current text in its own language.
 *
 * The rule itself is selectors.ts#reanchor: an exact match (the stored position still holds the quote with its
 * context, or the quote with its context occurs exactly once) re-anchors; anything else keeps the stored
 * selectors and the text they were made on, and marks the annotation "needs-review". Nothing moves silently.
 */
import type { TAnchorLanguage } from "./vocabulary";
import { reanchor, type TTextSelectors } from "./selectors";

export const ANCHOR_STATUSES = ["anchored", "needs-review"] as const;
export type TAnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** A clause's two texts. */
export type TClauseTexts = { text: string; textJa: string | null };

/** The anchoring columns of an annotation row. A null or empty `exact` means the note concerns the whole clause. */
export type TAnchor = {
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  anchoredText: string | null;
  anchorStatus: string;
};

const JAPANESE = /[\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Han}]/u;

export function detectAnchorLanguage(anchoredText: string | null, clause: TClauseTexts): TAnchorLanguage {
  if (anchoredText === null || anchoredText === clause.text) return "en";
  if (anchoredText === clause.textJa) return "ja";
  return JAPANESE.test(anchoredText) ? "ja" : "en";
}

/** The clause text in a language, or null when the clause has none in it (no Japanese text yet). */
export function clauseTextIn(lang: TAnchorLanguage, clause: TClauseTexts): string | null {
  if (lang === "en") return clause.text;
  return clause.textJa !== null && clause.textJa.trim() !== "" ? clause.textJa : null;
}

export function hasSelection(anchor: TAnchor): boolean {
  return anchor.exact !== null && anchor.exact !== "" && anchor.start !== null && anchor.end !== null;
}

function toSelectors(anchor: TAnchor): TTextSelectors {
  return {
    TextQuoteSelector: { exact: anchor.exact ?? "", prefix: anchor.prefix ?? "", suffix: anchor.suffix ?? "" },
    TextPositionSelector: { start: anchor.start ?? -1, end: anchor.end ?? -1 },
  };
}

/** Where an anchor lands in `text` (null: no text in its language), under the exact-match rule. */
function anchorIn(anchor: TAnchor, text: string | null) {
  if (text === null) return { status: "needs-review" as const };
  return reanchor(toSelectors(anchor), text);
}

/** The columns to write when a clause's text changed; null when nothing changes (also for whole-clause notes). */
export function planReanchor(
  anchor: TAnchor,
  clause: TClauseTexts,
): Pick<TAnchor, "start" | "end" | "anchoredText" | "anchorStatus"> | null {
  if (!hasSelection(anchor)) return null;
  const lang = detectAnchorLanguage(anchor.anchoredText, clause);
  const current = clauseTextIn(lang, clause);
  if (anchor.anchorStatus === "anchored" && current !== null && anchor.anchoredText === current) return null;
  const result = anchorIn(anchor, current);
  if (result.status === "anchored") {
    const next = { start: result.start, end: result.end, anchoredText: current, anchorStatus: "anchored" };
    const same =
      next.start === anchor.start &&
      next.end === anchor.end &&
      next.anchoredText === anchor.anchoredText &&
      anchor.anchorStatus === "anchored";
    return same ? null : next;
  }
  if (anchor.anchorStatus === "needs-review") return null;
  return {
    start: anchor.start,
    end: anchor.end,
    anchoredText: anchor.anchoredText,
    anchorStatus: "needs-review",
  };
}

/**
 * The anchor of a copy of an annotation on an aligned clause: re-anchored in the target's text of the same
 * language on an exact match, otherwise the source's selectors and text, marked "needs-review".
 */
export function planCarry(anchor: TAnchor, source: TClauseTexts, target: TClauseTexts): TAnchor {
  const { exact, prefix, suffix, start, end, anchoredText } = anchor;
  const copy = { exact, prefix, suffix, start, end, anchoredText };
  if (!hasSelection(anchor)) return { ...copy, anchoredText: null, anchorStatus: "anchored" };
  const lang = detectAnchorLanguage(anchoredText, source);
  const targetText = clauseTextIn(lang, target);
  const result = anchorIn(anchor, targetText);
  if (result.status === "anchored") {
    return { ...copy, start: result.start, end: result.end, anchoredText: targetText, anchorStatus: "anchored" };
  }
  return { ...copy, anchorStatus: "needs-review" };
}
