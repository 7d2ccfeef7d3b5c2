/**
 * A standalone LaTeX document for a table: `article`, a `longtable` with `booktabs` rules whose header repeats on
 * every page, landscape from seven columns on, score cells filled with the PuOr colours, the title and metadata
 * above the table. It targets pdflatex, the engine a thesis template is most likely to use, and compiles with
 * Debian's texlive-latex-base, texlive-latex-recommended, latex-cjk-japanese and latex-cjk-japanese-wadalab.
 *
 * Japanese: pdflatex has no Unicode fonts, so the body sits in one `CJK` environment (CJKutf8, family `min`, the
 * wadalab Mincho fonts). Inside it, characters that LaTeX's own UTF-8 support knows (T1/TS1: Latin-1, Latin
 * Extended-A, typographic punctuation) are set by LaTeX as usual and the JIS X 0208 repertoire by CJK.
 *
 * Every character is escaped against a closed list of what that setup can typeset. Anything outside it (a
 * Ukrainian ї, an emoji, a combining mark left after NFC) is written as a visible `[U+0457]` rather than passed
 * on, because pdflatex would either stop ("not loadable: Metric (TFM) file not found") or silently drop it.
 */
import { assertExportTable, computeColumnWidths, getCell, getCellStyle, SCORE_COLOURS, toCellText } from "./table";
import type { TCellStyle, TExportColumn, TExportTable } from "./table";

/** From this many columns on, the page turns to landscape. */
export const LATEX_LANDSCAPE_FROM = 7;

/**
 * ASCII that LaTeX treats as markup or that T1 fonts turn into something else (`<` and `|` print other glyphs,
 * `"`, `'` and `` ` `` become curly quotes). `[` and `]` are braced because a row starting with `[` would be read
 * as the optional argument of the preceding `\\`.
 */
const ASCII_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  $: "\\$",
  "&": "\\&",
  "#": "\\#",
  "^": "\\textasciicircum{}",
  _: "\\_",
  "%": "\\%",
  "~": "\\textasciitilde{}",
  "<": "\\textless{}",
  ">": "\\textgreater{}",
  "|": "\\textbar{}",
  "[": "{[}",
  "]": "{]}",
  '"': "\\textquotedbl{}",
  "'": "\\textquotesingle{}",
  "`": "\\textasciigrave{}",
};

/**
 * Non-ASCII code points with a definition in LaTeX's t1enc.dfu or ts1enc.dfu (TeX Live 2022, as Debian 12 ships
 * it), i.e. the ones LaTeX sets itself under `\usepackage[T1]{fontenc}`. Inclusive ranges.
 */
// prettier-ignore
const TEXT_RANGES: readonly (readonly [number, number])[] = [
  [0xa0, 0xb7], [0xb9, 0x125], [0x128, 0x137], [0x139, 0x13e], [0x141, 0x148], [0x14a, 0x165], [0x168, 0x17e],
  [0x192, 0x192], [0x1c4, 0x1d4], [0x1e2, 0x1e3], [0x1e6, 0x1eb], [0x1f0, 0x1f0], [0x1f4, 0x1f5], [0x218, 0x21b],
  [0x232, 0x233], [0x237, 0x237], [0x2c7, 0x2c7], [0x2d8, 0x2d9], [0x2db, 0x2db], [0x2dd, 0x2dd], [0xe3f, 0xe3f],
  [0x1e02, 0x1e03], [0x1e0d, 0x1e0d], [0x1e1e, 0x1e21], [0x1e25, 0x1e25], [0x1e30, 0x1e31], [0x1e37, 0x1e37],
  [0x1e43, 0x1e43], [0x1e45, 0x1e45], [0x1e47, 0x1e47], [0x1e5b, 0x1e5b], [0x1e63, 0x1e63], [0x1e6d, 0x1e6d],
  [0x1e8e, 0x1e91], [0x1e9e, 0x1e9e], [0x1ef2, 0x1ef3], [0x200c, 0x200c], [0x2010, 0x2016], [0x2018, 0x201a],
  [0x201c, 0x201e], [0x2020, 0x2022], [0x2030, 0x2031], [0x2039, 0x203b], [0x203d, 0x203d], [0x2044, 0x2044],
  [0x204e, 0x204e], [0x2052, 0x2052], [0x20a1, 0x20a1], [0x20a4, 0x20a4], [0x20a6, 0x20a6], [0x20a9, 0x20a9],
  [0x20ab, 0x20ac], [0x20b1, 0x20b1], [0x2103, 0x2103], [0x2116, 0x2117], [0x211e, 0x211e], [0x2120, 0x2120],
  [0x2122, 0x2122], [0x2126, 0x2127], [0x212e, 0x212e], [0x2190, 0x2193], [0x2329, 0x232a], [0x2422, 0x2423],
  [0x25e6, 0x25e6], [0x25ef, 0x25ef], [0x266a, 0x266a], [0x27e8, 0x27e9], [0x3008, 0x3009], [0xfb00, 0xfb06],
  [0xfeff, 0xfeff],
];

/** Shift_JIS lead bytes of JIS X 0208 rows 1–84, without row 13–14 (NEC's additions, absent from wadalab). */
const JIS_X_0208_LEADS = [
  0x81, 0x82, 0x83, 0x84, 0x85, 0x86, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8d, 0x8e, 0x8f, 0x90, 0x91, 0x92, 0x93, 0x94,
  0x95, 0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9d, 0x9e, 0x9f, 0xe0, 0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7,
  0xe8, 0xe9, 0xea,
];

/**
 * The WHATWG Shift_JIS decoder follows Microsoft's mapping for seven JIS characters; CJK's UTF8 fonts follow the
 * JIS standard's. Each pair is [Microsoft, standard].
 */
const WINDOWS_31J_TO_JIS: readonly (readonly [number, number])[] = [
  [0xff5e, 0x301c],
  [0x2225, 0x2016],
  [0xff0d, 0x2212],
  [0xffe0, 0xa2],
  [0xffe1, 0xa3],
  [0xffe2, 0xac],
  [0xff3c, 0x5c],
];

let cjkRepertoire: ReadonlySet<number> | undefined;

/**
 * JIS X 0208, the repertoire of the wadalab fonts, derived from the platform's Shift_JIS decoder (present in
 * Node's and every browser's `TextDecoder`) instead of a 7,000-entry table. Built once, on first use.
 */
function getCjkRepertoire(): ReadonlySet<number> {
  if (cjkRepertoire) return cjkRepertoire;
  const decoder = new TextDecoder("shift_jis");
  const set = new Set<number>();
  for (const lead of JIS_X_0208_LEADS) {
    for (let trail = 0x40; trail <= 0xfc; trail++) {
      if (trail === 0x7f) continue;
      const char = decoder.decode(Uint8Array.of(lead, trail));
      const cp = char.codePointAt(0) ?? 0xfffd;
      if (char.length === 1 && cp !== 0xfffd && cp > 0x7f) set.add(cp);
    }
  }
  for (const [microsoft, standard] of WINDOWS_31J_TO_JIS) {
    set.delete(microsoft);
    if (standard > 0x7f) set.add(standard);
  }
  cjkRepertoire = set;
  return set;
}

function isTypesettable(cp: number): boolean {
  return TEXT_RANGES.some(([from, to]) => cp >= from && cp <= to) || getCjkRepertoire().has(cp);
}

/**
 * Escapes text for a LaTeX paragraph (a cell, a list item). `lineBreak: "newline"` keeps CR, LF and CRLF as line
 * breaks (`\leavevmode` first, so a break at the very start of a cell is not "no line here to end"); `"space"`
 * flattens them where a break cannot go (a section title, a list label). Tabs become spaces.
 */
export function escapeLatex(text: string, lineBreak: "newline" | "space" = "newline"): string {
  const out: string[] = [];
  const chars = Array.from(text.normalize("NFC").replace(/\r\n?/g, "\n"));
  chars.forEach((char, i) => {
    const cp = char.codePointAt(0) ?? 0;
    if (char === "\n") out.push(lineBreak === "newline" ? "\\leavevmode\\newline{}" : " ");
    else if (char === "\t") out.push(" ");
    else if (cp >= 0x20 && cp < 0x7f) {
      const escaped = ASCII_ESCAPES[char] ?? char;
      // `--`, `---` and `,,` are ligatures (dashes, a low quote) in T1 fonts; `{}` keeps the characters apart.
      out.push((char === "-" || char === ",") && chars[i + 1] === char ? `${escaped}{}` : escaped);
    } else if (isTypesettable(cp)) out.push(char);
    else out.push(`\\texttt{{[}U+${cp.toString(16).toUpperCase().padStart(4, "0")}{]}}`);
  });
  return out.join("");
}

export function toLatex(table: TExportTable): string {
  assertExportTable(table);
  const landscape = table.columns.length >= LATEX_LANDSCAPE_FROM;
  // Three characters of slack per column: the widths count plain glyphs, the header is bold.
  const widths = computeColumnWidths(table).map((w) => w + 3);
  const total = widths.reduce((a, b) => a + b, 0);
  const spec = table.columns.map((column, i) => toColumnSpec(column, widths[i] / total)).join("");
  const header = `${table.columns.map((c) => `\\textbf{${escapeLatex(c.label)}}`).join(" & ")} \\\\`;
  const rows = table.rows.map(
    (row, i) =>
      `${table.columns
        .map((c) => toStyledCell(escapeLatex(toCellText(getCell(row, c.key))), getCellStyle(table, i, c.key)))
        .join(" & ")} \\\\`,
  );
  const meta =
    table.meta.length === 0
      ? []
      : [
          "\\begin{description}",
          ...table.meta.map((m) => `\\item[{${escapeLatex(m.label, "space")}}] ${escapeLatex(m.value)}`),
          "\\end{description}",
        ];
  return [
    "% Redlines export. Compile with pdflatex: needs booktabs, longtable, array, geometry, xcolor (colortbl) and",
    "% CJKutf8 with the wadalab fonts (Debian: texlive-latex-base, texlive-latex-recommended, latex-cjk-japanese,",
    "% latex-cjk-japanese-wadalab).",
    "\\documentclass[a4paper,10pt]{article}",
    "\\usepackage[T1]{fontenc}",
    "\\usepackage[utf8]{inputenc}",
    `\\usepackage[${landscape ? "landscape," : ""}margin=15mm]{geometry}`,
    "\\usepackage{array}",
    "\\usepackage{booktabs}",
    "\\usepackage{longtable}",
    "\\usepackage[table]{xcolor}",
    "\\usepackage{CJKutf8}",
    ...Object.entries(SCORE_COLOURS).flatMap(([key, colour]) => [
      `\\definecolor{rl${key}}{HTML}{${colour.fill}}`,
      `\\definecolor{rl${key}text}{HTML}{${colour.text}}`,
    ]),
    "\\begin{document}",
    "\\begin{CJK}{UTF8}{min}",
    `\\section*{${escapeLatex(table.title, "space")}}`,
    ...meta,
    `\\begin{longtable}{${spec}}`,
    "\\toprule",
    header,
    "\\midrule",
    "\\endfirsthead",
    "\\toprule",
    header,
    "\\midrule",
    "\\endhead",
    "\\bottomrule",
    "\\endlastfoot",
    ...rows,
    "\\end{longtable}",
    "\\end{CJK}",
    "\\end{document}",
    "",
  ].join("\n");
}

/** A `p` column whose share of the line follows the column's content; the alignment follows its kind. */
function toColumnSpec(column: TExportColumn, share: number): string {
  const kind = column.kind ?? "text";
  let align: string;
  switch (kind) {
    case "number":
      align = "\\raggedleft";
      break;
    case "score":
      align = "\\centering";
      break;
    case "text":
      align = "\\raggedright";
      break;
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
  return `>{${align}\\arraybackslash}p{\\dimexpr ${share.toFixed(4)}\\linewidth-2\\tabcolsep\\relax}`;
}

function toStyledCell(text: string, style: TCellStyle | null): string {
  return style === null ? text : `\\cellcolor{rl${style}}\\color{rl${style}text}${text}`;
}
