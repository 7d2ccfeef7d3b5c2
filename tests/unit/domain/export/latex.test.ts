import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { escapeLatex, LATEX_LANDSCAPE_FROM, toLatex } from "@/lib/domain/export/latex";
import type { TExportTable } from "@/lib/domain/export/table";
import { AWKWARD_TEXTS, buildCompareTable, buildMatrixTable } from "./fixtures";

/** The Debian packages the export needs (named in lib/domain/export/latex.ts too); CI installs them. */
const TEX_PACKAGES = "texlive-latex-base texlive-latex-recommended latex-cjk-japanese latex-cjk-japanese-wadalab";

const pdflatexFound = spawnSync("pdflatex", ["--version"], { encoding: "utf8" }).status === 0;

type TCompiled = { status: number | null; log: string; pdf: Buffer | null; pages: number };

/** Runs pdflatex once in a fresh temporary directory, as a user would; reads the PDF and the log back. */
function compile(tex: string): TCompiled {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-latex-"));
  try {
    fs.writeFileSync(path.join(dir, "export.tex"), tex, "utf8");
    const run = spawnSync("pdflatex", ["-interaction=nonstopmode", "-halt-on-error", "export.tex"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, max_print_line: "10000" },
    });
    const pdfPath = path.join(dir, "export.pdf");
    const log = fs.existsSync(path.join(dir, "export.log"))
      ? fs.readFileSync(path.join(dir, "export.log"), "latin1")
      : run.stdout;
    const pages = Number(/Output written on export\.pdf \((\d+) pages?/.exec(log)?.[1] ?? 0);
    return { status: run.status, log, pdf: fs.existsSync(pdfPath) ? fs.readFileSync(pdfPath) : null, pages };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const expectTypeset = (compiled: TCompiled) => {
  const errors = compiled.log.split("\n").filter((l) => l.startsWith("!"));
  expect(errors).toEqual([]);
  expect(compiled.status).toBe(0);
  expect(compiled.pdf?.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(compiled.log.split("\n").filter((l) => l.startsWith("Missing character"))).toEqual([]);
};

describe("escapeLatex", () => {
  it("escapes every LaTeX special character", () => {
    expect(escapeLatex("\\ { } $ & # ^ _ % ~")).toBe(
      "\\textbackslash{} \\{ \\} \\$ \\& \\# \\textasciicircum{} \\_ \\% \\textasciitilde{}",
    );
  });

  it("writes characters that T1 fonts would turn into other glyphs as their text commands", () => {
    expect(escapeLatex("< > | \" ' `")).toBe(
      "\\textless{} \\textgreater{} \\textbar{} \\textquotedbl{} \\textquotesingle{} \\textasciigrave{}",
    );
    expect(escapeLatex("a--b---c,,d-e,f")).toBe("a-{}-b-{}-{}-c,{},d-e,f");
  });

  it("braces square brackets so a cell cannot become the optional argument of \\\\", () => {
    expect(escapeLatex("[1] x")).toBe("{[}1{]} x");
  });

  it("keeps line breaks in cells and flattens them where a break cannot go", () => {
    expect(escapeLatex("a\nb\r\nc\rd")).toBe(
      "a\\leavevmode\\newline{}b\\leavevmode\\newline{}c\\leavevmode\\newline{}d",
    );
    expect(escapeLatex("a\nb\tc", "space")).toBe("a b c");
  });

  it("passes Japanese, accented Latin and typographic punctuation through for CJKutf8 and T1", () => {
    const text = "ウクライナの領土（第21条）〜 — “é” ü € ×";
    expect(escapeLatex(text)).toBe(text);
    expect(escapeLatex("e\u0301")).toBe("é");
  });

  it("writes characters pdflatex cannot set (Ukrainian ї, emoji, control characters) as visible code points", () => {
    expect(escapeLatex("її")).toBe("\\texttt{{[}U+0457{]}}\\texttt{{[}U+0457{]}}");
    expect(escapeLatex("🕊")).toBe("\\texttt{{[}U+1F54A{]}}");
    expect(escapeLatex("a\u0007b")).toBe("a\\texttt{{[}U+0007{]}}b");
    expect(escapeLatex("\u0301")).toBe("\\texttt{{[}U+0301{]}}");
  });

  it("leaves no unescaped special character in any ASCII text", () => {
    const known = /\\[a-z]+\{\}|\\[{}$&#_%]|\{\[\}|\{\]\}|\{\}/g;
    fc.assert(
      fc.property(fc.string({ unit: "grapheme-ascii" }), (text) => {
        expect(escapeLatex(text, "space").replace(known, "")).not.toMatch(/[\\{}$&#^_%~<>|[\]"'`]/);
      }),
    );
  });
});

describe("toLatex", () => {
  it("writes a standalone article with booktabs, a longtable whose header repeats, and the metadata", () => {
    const table = buildCompareTable();
    const tex = toLatex(table);
    expect(tex).toMatch(/^\\documentclass\[a4paper,10pt\]\{article\}$/m);
    expect(tex).toContain("\\usepackage{booktabs}");
    expect(tex).toMatch(/\\begin\{longtable\}[\s\S]*\\endfirsthead[\s\S]*\\endhead[\s\S]*\\end\{longtable\}/);
    expect(tex.match(/\\textbf\{From\} & \\textbf\{To\}/g)).toHaveLength(2);
    expect(tex).toContain("\\section*{28-point plan → 19-point plan}");
    expect(tex).toContain("\\item[{Exported at}] 2026-03-14T09:30:00Z");
    expect(tex).toContain("\\begin{CJK}{UTF8}{min}");
  });

  it(`turns the page to landscape from ${LATEX_LANDSCAPE_FROM} columns on`, () => {
    expect(toLatex(buildMatrixTable())).toContain("\\usepackage[landscape,margin=15mm]{geometry}");
    expect(toLatex(buildCompareTable())).toContain("\\usepackage[margin=15mm]{geometry}");
  });

  it("fills score cells with their colour", () => {
    const tex = toLatex(buildMatrixTable());
    expect(tex).toContain("\\definecolor{rlcrosses}{HTML}{B35806}");
    expect(tex).toContain("\\cellcolor{rlcrosses}\\color{rlcrossestext}Crosses red line");
  });
});

const compileTitle = "compiles with pdflatex: every special character, Japanese, line breaks, many pages";
const repertoireTitle = "compiles every BMP character, set or shown as its code point, without a missing glyph";
const describeCompile = pdflatexFound || process.env.CI ? describe : describe.skip;
if (!pdflatexFound && !process.env.CI) {
  console.warn(`pdflatex not found: LaTeX compile tests skipped. Install: apt-get install ${TEX_PACKAGES}`);
}

describeCompile(
  `toLatex compiled by pdflatex${pdflatexFound ? "" : ` (pdflatex not found; install ${TEX_PACKAGES})`}`,
  () => {
    beforeAll(() => {
      if (!pdflatexFound) throw new Error(`CI is set but pdflatex is not installed: apt-get install ${TEX_PACKAGES}`);
    });

    it(compileTitle, () => {
      const compare = buildCompareTable();
      const long: TExportTable = {
        ...compare,
        meta: [
          ...compare.meta,
          { label: "Awkward [label] & 100%", value: AWKWARD_TEXTS.join(" / ") },
          { label: "Starts with a line break", value: "\nsecond line" },
        ],
        // After the first row, a cell that starts a row with "[" follows a "\\".
        rows: [
          ...compare.rows,
          { from: "[1] bracket first" },
          ...Array.from({ length: 12 }, () => compare.rows).flat(),
        ],
      };
      const compiled = compile(toLatex(long));
      expectTypeset(compiled);
      expect(compiled.pages).toBeGreaterThan(1);
      expectTypeset(compile(toLatex(buildMatrixTable("ja"))));
    });

    it(repertoireTitle, () => {
      const chars: string[] = [];
      for (let cp = 0x20; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) chars.push(String.fromCodePoint(cp));
      chars.push("🕊", "𠮷");
      const rows = [];
      for (let i = 0; i < chars.length; i += 400) rows.push({ text: chars.slice(i, i + 400).join("") });
      const table: TExportTable = {
        title: "Repertoire",
        lang: "ja",
        meta: [],
        columns: [{ key: "text", label: "Text" }],
        rows,
      };
      expectTypeset(compile(toLatex(table)));
    });
  },
);
