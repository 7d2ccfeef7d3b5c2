/**
 * Splits the plain text of a new plan version, as a researcher pastes or uploads it, into numbered clauses ready
 * for alignment. Plans circulate in several languages and layouts, so the top-level numbering is recognised in the
 * forms they actually use: "1." and "1)", "Point 1 –" / "Point 1:", the Russian "п. 1", the Japanese "第1項"
 * (full-width digits and punctuation too). Lettered and bulleted sub-items ("(a)", "a)", "•") stay inside their
 * point, each on its own line; lines wrapped by the source are joined back.
 *
 * Bad input is refused with an `AppError("BAD_REQUEST")` that says what is wrong, before anything is built, so a
 * caller never stores half a document.
 */
import { AppError } from "../errors";

/** Limits on what is accepted. 1 MB of UTF-8 holds several hundred pages: far more than any plan version. */
export const PARSE_CLAUSES_LIMITS = Object.freeze({
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes: 1024 * 1024,
  /** Largest share of control and U+FFFD replacement characters before the text is taken for binary or mis-decoded. */
  maxControlShare: 0.05,
  /** Longest derived heading, in characters, ellipsis included. */
  maxHeadingLength: 80,
});

export type TNumberingStyle = "dot" | "paren" | "point" | "ru-punkt" | "ja-kou";

export type TParsedClause = {
  /** The point's number as written, with full-width digits made ASCII and leading zeros dropped ("０３" → "3"). */
  number: string;
  /** 0-based position in the text. */
  ordinal: number;
  /** The first sentence of the point, or its first words when that sentence is long. */
  heading: string;
  /** The point's full text, numbering removed: wrapped lines joined, sub-items and paragraphs one per line. */
  text: string;
  /** 1-based line of the text where the point starts, for pointing a researcher at it. */
  line: number;
};

export type TParsedClauses = {
  /** The top-level numbering style the text was read with. */
  style: TNumberingStyle;
  clauses: TParsedClause[];
  /** Text before the first numbered point (title, preamble), normalised like clause text; "" when none. */
  preamble: string;
};

export type TParseClausesOptions = {
  text: string;
  /** Size of the original upload in bytes, when the caller knows it; the text is measured as well. */
  byteLength?: number;
};

const DIGITS = "[0-9\uff10-\uff19]{1,4}";

/**
 * Top-level markers, tried on a line with its leading whitespace removed. Group 1 is the number; the rest of the
 * match is the marker to strip. Explicit styles name the unit ("Point", "п.", "第…項") and win over bare numbers.
 */
const MARKERS: readonly { style: TNumberingStyle; explicit: boolean; pattern: RegExp }[] = [
  {
    style: "point",
    explicit: true,
    pattern: new RegExp(`^point\\s*(${DIGITS})(?:\\s*[-\u2010-\u2015\u2212:\uff1a.)]|(?=\\s|$))`, "iu"),
  },
  {
    style: "ru-punkt",
    explicit: true,
    pattern: new RegExp(`^[пП]\\.\\s*(${DIGITS})(?:\\s*[-\u2010-\u2015\u2212:.)])?(?=\\s|$)`, "u"),
  },
  {
    style: "ja-kou",
    explicit: true,
    pattern: new RegExp(`^第\\s*(${DIGITS})\\s*項[\\s:\uff1a\u3001\u3002.\uff0e]?`, "u"),
  },
  { style: "dot", explicit: false, pattern: new RegExp(`^(${DIGITS})[.\uff0e](?![0-9\uff10-\uff19.\uff0e])`, "u") },
  { style: "paren", explicit: false, pattern: new RegExp(`^(${DIGITS})[)\uff09]`, "u") },
];

/** Lines that start an item of their own inside a point: letters, roman numerals, bracketed labels, bullets. */
const SUB_ITEM =
  /^(?:[(\uff08][0-9a-zа-яё\uff10-\uff19ivx]{1,4}[)\uff09]|[a-zа-яё][).\uff09](?=\s)|[ivx]{1,5}[).\uff09](?=\s)|[•·・\-–—*](?=\s)|[\u2460-\u2473])/iu;

const CJK = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\u3000-\u303f\uff00-\uffef]/u;

function refuse(message: string): AppError {
  return new AppError("BAD_REQUEST", message, { text: [message] });
}

/** UTF-8 length of a JS string, counted from its code units; stops counting once past `limit`. */
function measureUtf8Bytes(text: string, limit: number): number {
  let bytes = 0;
  for (let k = 0; k < text.length && bytes <= limit; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && k + 1 < text.length) {
      const next = text.charCodeAt(k + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        k++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

function checkIsText(text: string): void {
  let suspicious = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0) throw refuse("The text contains NUL bytes: this looks like a binary file, not plain text");
    const isControl =
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d) || (c >= 0x7f && c <= 0x9f);
    if (isControl || c === 0xfffd) suspicious++;
  }
  const share = text.length === 0 ? 0 : suspicious / text.length;
  if (share > PARSE_CLAUSES_LIMITS.maxControlShare) {
    throw refuse(
      `${(share * 100).toFixed(1)}% of the characters are control or replacement characters: this does not look like ` +
        "plain text (a binary file, or text saved in an encoding other than UTF-8?)",
    );
  }
}

function toAsciiDigits(digits: string): string {
  return String(Number(digits.replace(/[\uff10-\uff19]/g, (d) => String(d.charCodeAt(0) - 0xff10))));
}

function findMarker(line: string): { style: TNumberingStyle; explicit: boolean; number: string; rest: string } | null {
  for (const { style, explicit, pattern } of MARKERS) {
    const match = pattern.exec(line);
    if (match) return { style, explicit, number: toAsciiDigits(match[1]), rest: line.slice(match[0].length) };
  }
  return null;
}

/** Joins two pieces of a wrapped line: no space between two CJK characters, one space otherwise. */
function joinWrapped(left: string, right: string): string {
  return CJK.test(left.slice(-1)) && CJK.test(right[0]) ? left + right : `${left} ${right}`;
}

/**
 * Whether a point's first line is a title of its own ("1. Sovereignty" over the body) rather than the start of a
 * wrapped sentence. Plain text cannot say for sure; a short line without a closing stop, followed directly by a
 * line starting with a capital, is taken for a title (in CJK: a very short line without a comma that does not end
 * in kana, as Japanese lines wrapped mid-sentence usually do). Wrapped prose lines run close to the wrapping
 * width, so they are rarely that short.
 */
function isTitleLine(first: string, next: string | undefined): boolean {
  if (first === "" || next === undefined || next === "" || findSentenceEnd(first) !== -1) return false;
  if (/[,;:\uff1a\u3001\-\u2010-\u2015]$/u.test(first)) return false;
  const length = Array.from(first).length;
  if (CJK.test(first.slice(-1)))
    return length <= 20 && !/[\p{sc=Hiragana}\u3001\uff0c]/u.test(first.slice(-1)) && !first.includes("\u3001");
  return length <= 60 && /^[\p{Lu}\p{N}"\u201c\u00ab(]/u.test(next);
}

/**
 * Wrapped lines joined, sub-items and paragraphs one per line, runs of whitespace made one space. With
 * `titleFirst`, the first line stays a line of its own.
 */
function normalizeLines(lines: readonly string[], titleFirst = false): string {
  const out: string[] = [];
  let breakBefore = false;
  for (const raw of lines) {
    const line = raw.replace(/\s+/gu, " ").trim();
    if (line === "") {
      breakBefore = out.length > 0;
      continue;
    }
    if (out.length === 0 || breakBefore || SUB_ITEM.test(line) || findMarker(line)) out.push(line);
    else out[out.length - 1] = joinWrapped(out[out.length - 1], line);
    breakBefore = titleFirst && out.length === 1;
    titleFirst = false;
  }
  return out.join("\n");
}

/** Where the first sentence ends: after 。！？ always, after . ! ? when a space or the end follows and the word
 * before is not an initial or an abbreviation with inner dots ("U.S."). */
function findSentenceEnd(line: string): number {
  for (let k = 0; k < line.length; k++) {
    const ch = line[k];
    if (ch === "\u3002" || ch === "\uff01" || ch === "\uff1f") return k;
    if ((ch === "." || ch === "!" || ch === "?") && (k + 1 === line.length || /\s/.test(line[k + 1]))) {
      const word = line.slice(0, k).split(/\s/).pop() ?? "";
      if (ch === "." && (word.length <= 1 || word.includes("."))) continue;
      return k;
    }
  }
  return -1;
}

/**
 * A heading for a point: its first sentence (without the closing stop), or its first line when that line is a
 * lead-in ending in ":". Longer than the limit, it is cut at a word boundary (anywhere, for CJK) and ends in "…".
 */
function buildHeading(text: string): string {
  const first = text.split("\n")[0].replace(/^[-\u2010-\u2015\u2212:\uff1a\s]+/u, "");
  const end = findSentenceEnd(first);
  const sentence = (end === -1 ? first : first.slice(0, end)).replace(/[\s:\uff1a;\uff1b,\u3001\u2014\u2013-]+$/u, "");
  const limit = PARSE_CLAUSES_LIMITS.maxHeadingLength;
  const chars = Array.from(sentence);
  if (chars.length <= limit) return sentence;
  const cut = chars.slice(0, limit - 1).join("");
  const space = cut.lastIndexOf(" ");
  const head = space >= limit / 2 && !CJK.test(cut[space + 1] ?? "") ? cut.slice(0, space) : cut;
  return `${head.replace(/[\s,;:\u3001]+$/u, "")}…`;
}

/**
 * Reads numbered points from plain text. The top-level style is the first explicit style used at a line start
 * ("Point 1", "п. 1", "第1項"), else the first of "1." and "1)"; lines in another style are sub-items of the point
 * they fall in. Text before the first point is returned as the preamble.
 *
 * Throws `AppError("BAD_REQUEST")` for text over `PARSE_CLAUSES_LIMITS.maxBytes`, text that is not text (NUL bytes,
 * too many control or replacement characters), empty text, text without numbered points, numbers used twice, and
 * points with no text.
 */
export function parseClauses({ text, byteLength }: TParseClausesOptions): TParsedClauses {
  const { maxBytes } = PARSE_CLAUSES_LIMITS;
  if (byteLength !== undefined && byteLength > maxBytes) {
    throw refuse(`The text is ${byteLength} bytes, over the 1 MB limit (${maxBytes} bytes of UTF-8)`);
  }
  if (measureUtf8Bytes(text, maxBytes) > maxBytes) {
    throw refuse(`The text is over the 1 MB limit (${maxBytes} bytes of UTF-8)`);
  }
  checkIsText(text);
  const lines = text.replace(/^\ufeff/, "").split(/\r\n|[\r\n\u2028\u2029\u0085]/);
  if (lines.every((line) => line.trim() === "")) throw refuse("The text is empty");

  const found = lines.map((line) => findMarker(line.trimStart()));
  const first = found.find((m) => m?.explicit) ?? found.find((m) => m !== null);
  if (!first) {
    throw refuse(
      "No numbered points found: start each point on its own line with a number such as '1.', '1)', 'Point 1 –', 'п. 1' or '第1項'",
    );
  }
  const style = first.style;

  const starts: { line: number; number: string; rest: string }[] = [];
  found.forEach((m, line) => {
    if (m && m.style === style) starts.push({ line, number: m.number, rest: m.rest });
  });

  const linesByNumber = new Map<string, number[]>();
  for (const s of starts) linesByNumber.set(s.number, [...(linesByNumber.get(s.number) ?? []), s.line + 1]);
  const duplicates = [...linesByNumber].filter(([, at]) => at.length > 1);
  if (duplicates.length > 0) {
    const list = duplicates.map(([number, at]) => `${number} (lines ${at.join(", ")})`).join("; ");
    throw refuse(`Point numbers used more than once: ${list}. Each point needs its own number`);
  }

  const clauses = starts.map((s, ordinal): TParsedClause => {
    const end = ordinal + 1 < starts.length ? starts[ordinal + 1].line : lines.length;
    const tail = lines.slice(s.line + 1, end);
    const rest = s.rest.replace(/\s+/gu, " ").trim();
    const body = normalizeLines([rest, ...tail], isTitleLine(rest, tail[0]?.trim()));
    if (body === "") throw refuse(`Point ${s.number} (line ${s.line + 1}) has no text`);
    return { number: s.number, ordinal, heading: buildHeading(body), text: body, line: s.line + 1 };
  });
  return { style, clauses, preamble: normalizeLines(lines.slice(0, starts[0].line)) };
}
