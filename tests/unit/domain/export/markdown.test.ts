import path from "node:path";
import fc from "fast-check";
import type { Token, Tokens } from "marked";
import { toMarkdown } from "@/lib/domain/export/markdown";
import { toCellText, type TExportTable } from "@/lib/domain/export/table";
import { AWKWARD_TEXTS, buildCompareTable, buildMatrixTable } from "./fixtures";

// marked 18 ships ESM for `import` and a UMD build beside it; Jest (CommonJS here) loads the UMD build, which is
// the same parser.
const { marked } = jest.requireActual<typeof import("marked")>(
  path.join(process.cwd(), "node_modules/marked/lib/marked.umd.js"),
);

/** Undoes the writer's escaping as a Markdown renderer would: `\X` is X, `<br>` is a line break. */
const unescape = (text: string) =>
  text.replace(/\\([!-/:-@[-`{-~])|<br>/g, (_match, char: string | undefined) => char ?? "\n");

const tableOf = (markdown: string) => {
  const tokens = marked.lexer(markdown);
  const table = tokens.find((t): t is Tokens.Table => t.type === "table");
  if (!table) throw new Error(`no table in:\n${markdown}`);
  return { tokens, table };
};

/** Inline tokens a literal cell may contain: text, escapes and the `<br>` line breaks, nothing interpreted. */
const isLiteral = (token: Token): boolean =>
  token.type === "text" || token.type === "escape" || (token.type === "html" && token.raw === "<br>");

/** Markdown keeps everything but the spaces around a cell; line breaks come back as LF. */
const asRead = (text: string) => text.replace(/\r\n|\r/g, "\n").replace(/^ +| +$/g, "");

const expectedCells = (table: TExportTable) =>
  table.rows.map((row) => table.columns.map((c) => asRead(toCellText(row[c.key] ?? null))));

describe("toMarkdown read back with marked.lexer", () => {
  it("gives a GFM table whose header and cells equal the input, awkward characters included", () => {
    for (const input of [buildCompareTable(), buildMatrixTable(), buildMatrixTable("ja")]) {
      const { table } = tableOf(toMarkdown(input));
      expect(table.header.map((h) => unescape(h.text))).toEqual(input.columns.map((c) => c.label));
      expect(table.rows.map((r) => r.map((cell) => unescape(cell.text)))).toEqual(expectedCells(input));
    }
  });

  it("keeps pipes, backslashes, line breaks and markup literal inside a cell", () => {
    const { table } = tableOf(toMarkdown(buildCompareTable()));
    const diffs = table.rows.map((r) => r[4]);
    expect(diffs.map((cell) => unescape(cell.text))).toEqual(AWKWARD_TEXTS.map(asRead));
    for (const cell of [...table.header, ...table.rows.flat()]) {
      expect(cell.tokens.filter((t) => !isLiteral(t))).toEqual([]);
    }
  });

  it("aligns numbers right and scores centred", () => {
    expect(tableOf(toMarkdown(buildCompareTable())).table.align).toEqual([null, null, null, "right", null]);
    expect(tableOf(toMarkdown(buildMatrixTable())).table.align).toEqual([
      null,
      null,
      null,
      "center",
      "center",
      "center",
      "center",
    ]);
  });

  it("puts the title in a heading and the metadata in a list above the table", () => {
    const input = buildMatrixTable("ja");
    const { tokens } = tableOf(toMarkdown(input));
    expect(tokens.map((t) => t.type).filter((t) => t !== "space")).toEqual(["heading", "list", "table"]);
    const heading = tokens[0] as Tokens.Heading;
    expect(heading.depth).toBe(1);
    expect(unescape(heading.text)).toBe(input.title);
    const list = tokens.find((t): t is Tokens.List => t.type === "list");
    expect(list?.items.map((i) => unescape(i.text))).toEqual(input.meta.map((m) => `**${m.label}**: ${m.value}`));
  });

  it("round-trips arbitrary cell text, up to the spaces Markdown trims around a cell", () => {
    const char = fc.oneof(
      fc.constantFrom("|", "\\", "\n", "\r\n", "*", "_", "`", "[", "]", "<", ">", "&", "#", "!", "~", "-", ":", " "),
      fc.constantFrom("a", "Z", "0", "日", "ウ", "—", "é"),
      fc.string({ unit: "grapheme-ascii", minLength: 1, maxLength: 1 }),
    );
    const text = fc.array(char, { maxLength: 16 }).map((chars) => chars.join(""));
    const table = fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 5 }).map((rows): TExportTable => ({
      title: "Property",
      lang: "en",
      meta: [],
      columns: [
        { key: "a", label: "A" },
        { key: "b", label: "B" },
      ],
      rows: rows.map(([a, b]) => ({ a, b })),
    }));
    fc.assert(
      fc.property(table, (input) => {
        const { table: output } = tableOf(toMarkdown(input));
        expect(output.rows.map((r) => r.map((cell) => unescape(cell.text)))).toEqual(expectedCells(input));
      }),
      { numRuns: 200 },
    );
  });
});
