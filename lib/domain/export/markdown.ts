/**
 * A GitHub-flavoured Markdown table under a heading, with the metadata as a list above it: something a researcher
 * pastes into notes or an issue and that renders the same everywhere.
 *
 * Cell text is made inert rather than interpreted: every ASCII punctuation character is backslash-escaped
 * (CommonMark allows that for all of them), so `|` cannot split a cell and `*`, `_`, `` ` ``, `[`, `<`, `&` … cannot
 * turn into emphasis, code, links, HTML or entities; line breaks become `<br>`, the only HTML this writes.
 * Markdown trims the spaces around a cell and collapses runs of spaces when rendering; those are not preserved.
 */
import { assertExportTable, getCell, toCellText, type TExportColumn, type TExportTable } from "./table";

const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
const LINE_BREAK = /\r\n|\r|\n/g;

export function toMarkdown(table: TExportTable): string {
  assertExportTable(table);
  const lines = [`# ${toMarkdownInline(table.title, " ")}`, ""];
  if (table.meta.length > 0) {
    for (const line of table.meta) {
      lines.push(`- **${toMarkdownInline(line.label, " ")}**: ${toMarkdownInline(line.value, "<br>")}`);
    }
    lines.push("");
  }
  lines.push(toMarkdownRow(table.columns.map((c) => toMarkdownInline(c.label, "<br>"))));
  lines.push(toMarkdownRow(table.columns.map(toDelimiter)));
  for (const row of table.rows) {
    lines.push(toMarkdownRow(table.columns.map((c) => toMarkdownInline(toCellText(getCell(row, c.key)), "<br>"))));
  }
  return `${lines.join("\n")}\n`;
}

/**
 * Escapes text for use inline (a cell, a list item, a heading). `lineBreak` replaces CR, LF and CRLF: `<br>` where
 * a break should show, a space where Markdown cannot hold one (a heading). Other control characters would be
 * invisible or end the line, so they become spaces too.
 */
export function toMarkdownInline(text: string, lineBreak: "<br>" | " "): string {
  return text
    .replace(ASCII_PUNCTUATION, (char) => `\\${char}`)
    .replace(LINE_BREAK, lineBreak)
    .replace(/[\u0000-\u001f\u007f]/g, " ");
}

/** Joins cells that are already escaped (or, for the delimiter row, must not be). */
function toMarkdownRow(cells: readonly string[]): string {
  return `| ${cells.join(" | ")} |`;
}

function toDelimiter(column: TExportColumn): string {
  const kind = column.kind ?? "text";
  switch (kind) {
    case "number":
      return "---:";
    case "score":
      return ":---:";
    case "text":
      return "---";
    default: {
      const unreachable: never = kind;
      return unreachable;
    }
  }
}
