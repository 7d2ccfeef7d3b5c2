/**
 * Where an annotation sits in a clause text: a W3C Web Annotation TextQuoteSelector (the quoted text with up to
 * 32 units of context either side) and a TextPositionSelector ([start, end) offsets), both kept so that an
 * annotation survives a change of text, or a move to another version of the clause, without ever landing on the
 * wrong words.
 *
 * Offsets and lengths count UTF-16 code units, as the DOM's Range and JavaScript strings do, so a browser
 * selection maps onto them without conversion. The W3C export converts them to code points (see w3c.ts). No
 * Unicode normalisation is applied: text that differs only in NFC/NFD form is a different text and its
 * annotations go to review.
 *
 * Re-anchoring rule (from the issue): an annotation follows a changed text only on an exact match; otherwise it
 * is kept where it was and marked for review, never moved silently. "Exact match" means one of:
 * 1. the stored position still holds `exact`, preceded by `prefix` and followed by `suffix`: it stays there;
 * 2. otherwise, prefix + exact + suffix occurs exactly once in the new text: it moves there.
 * Anything else (the quote is gone, the quote is there but not with its context, or the whole quote occurs more
 * than once) needs review.
 */
import { AppError, badParameter } from "../errors";

/** How much context a TextQuoteSelector keeps either side of the quote, in UTF-16 code units. */
export const QUOTE_CONTEXT_LENGTH = 32;

export type TTextQuote = { exact: string; prefix: string; suffix: string };
export type TTextPosition = { start: number; end: number };

/** The two selectors as stored with an annotation; w3c.ts turns them into the W3C JSON-LD selector objects. */
export type TTextSelectors = { TextQuoteSelector: TTextQuote; TextPositionSelector: TTextPosition };

/** A selection, [start, end) in UTF-16 code units. */
export type TTextRange = { start: number; end: number };

export type TNeedsReviewReason =
  /** `exact` no longer occurs anywhere in the text. */
  | "quote-not-found"
  /** `exact` occurs, but never with the stored prefix and suffix around it. */
  | "context-changed"
  /** prefix + exact + suffix occurs more than once, so there is no telling which one was meant. */
  | "ambiguous";

export type TReanchorResult =
  | { status: "anchored"; start: number; end: number; moved: boolean }
  | { status: "needs-review"; reason: TNeedsReviewReason };

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of a surrogate pair, i.e. inside one character. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Both selectors for the range [start, end) of `text`. The range must be integers with 0 ≤ start < end ≤ length
 * (an empty selection anchors nothing) and must not cut a surrogate pair. Prefix and suffix take up to 32 code
 * units; where the 32nd unit would be half of a pair, the half is left out, so no selector ever holds a lone
 * surrogate (which JSON and UTF-8 storage cannot carry faithfully).
 */
export function buildSelectors(text: string, range: TTextRange): TTextSelectors {
  const { start, end } = range;
  if (!Number.isInteger(start) || start < 0 || start > text.length) {
    throw badParameter("start", `must be an integer from 0 to ${text.length}`);
  }
  if (!Number.isInteger(end) || end > text.length) {
    throw badParameter("end", `must be an integer up to ${text.length}`);
  }
  if (end <= start) throw badParameter("end", "must be greater than start: the selection is empty");
  if (splitsSurrogatePair(text, start)) throw badParameter("start", "splits a character (a surrogate pair)");
  if (splitsSurrogatePair(text, end)) throw badParameter("end", "splits a character (a surrogate pair)");

  let prefixStart = Math.max(0, start - QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + QUOTE_CONTEXT_LENGTH);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;

  return {
    TextQuoteSelector: {
      exact: text.slice(start, end),
      prefix: text.slice(prefixStart, start),
      suffix: text.slice(end, suffixEnd),
    },
    TextPositionSelector: { start, end },
  };
}

/** True when `text` holds `quote` at `start` with its prefix right before and its suffix right after. */
function quoteSitsAt(text: string, quote: TTextQuote, start: number): boolean {
  const end = start + quote.exact.length;
  return (
    start - quote.prefix.length >= 0 &&
    end + quote.suffix.length <= text.length &&
    text.startsWith(quote.exact, start) &&
    text.startsWith(quote.prefix, start - quote.prefix.length) &&
    text.startsWith(quote.suffix, end)
  );
}

/** Start offsets of every occurrence of `needle`, overlapping ones included, stopping once `limit` are found. */
function findOccurrences(text: string, needle: string, limit: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(needle); at !== -1 && found.length < limit; at = text.indexOf(needle, at + 1)) {
    found.push(at);
  }
  return found;
}

/**
 * Anchors stored selectors in `newText` (the same clause after an edit, or another version of it) under the
 * exact-match rule above. `moved` tells the caller that the stored position must be updated; the quote itself
 * never changes. A stored quote with an empty `exact` matches everywhere and is refused.
 */
export function reanchor(selectors: TTextSelectors, newText: string): TReanchorResult {
  const quote = selectors.TextQuoteSelector;
  const { start, end } = selectors.TextPositionSelector;
  if (quote.exact.length === 0) {
    throw new AppError("BAD_REQUEST", "A TextQuoteSelector must quote at least one character", {
      exact: ["must not be empty"],
    });
  }

  if (Number.isInteger(start) && end - start === quote.exact.length && quoteSitsAt(newText, quote, start)) {
    return { status: "anchored", start, end, moved: false };
  }

  const whole = quote.prefix + quote.exact + quote.suffix;
  const occurrences = findOccurrences(newText, whole, 2);
  if (occurrences.length === 1) {
    const at = occurrences[0] + quote.prefix.length;
    return {
      status: "anchored",
      start: at,
      end: at + quote.exact.length,
      moved: at !== start || at + quote.exact.length !== end,
    };
  }
  if (occurrences.length > 1) return { status: "needs-review", reason: "ambiguous" };
  return {
    status: "needs-review",
    reason: newText.includes(quote.exact) ? "context-changed" : "quote-not-found",
  };
}

/**
 * The code-point offset of a UTF-16 offset in `text`: the W3C model counts characters as code points, where the
 * DOM and this module count code units. Differs only after characters outside the Basic Multilingual Plane
 * (emoji, rare kanji such as 𠮷).
 */
export function toCodePointOffset(text: string, offset: number): number {
  let points = 0;
  for (let i = 0; i < offset; i++) {
    if (!(isLowSurrogate(text.charCodeAt(i)) && i > 0 && isHighSurrogate(text.charCodeAt(i - 1)))) points++;
  }
  return points;
}
