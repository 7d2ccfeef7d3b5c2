/**
 * Compare benchmark. For the shipped reference pair (us-28 → the E3 counter-proposal) and synthetic pairs of
 * versions of 100, 1,000 and 10,000 clauses (1×, 10×, 100×; the later version reworded, renumbered, moved, merged,
 * split, with clauses removed and added, and the researchers' alignments between the two stored), prints:
 *   - compare JSON (/api/compare) p50/p95 next to a trivial route (/api/health) on the same production server, their
 *     ratio, and the size of the JSON;
 *   - compare building as getCompareView does it (the repository's queries, then buildComparison: stored links,
 *     the aligner's proposals for uncovered clauses, word diffs) next to the repository's queries alone, with the
 *     word diffs and the JSON serialisation timed apart;
 *   - the aligner's fallback: the same build with no stored alignment, so proposeAlignment pairs every clause;
 *   - the compare page in Chromium: entries in the DOM, DOM elements, HTML size and load time (the page renders
 *     every entry: no virtualisation, no paging).
 * The issue ("Prove it") sets no target for compare beyond printing each figure next to its floor. Figures only:
 * nothing here asserts.
 *
 *   npm run bench:compare         (builds the app first if there is no build; BENCH_PORT picks the server's port)
 */
import { performance } from "node:perf_hooks";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { findCompareInput, findDocumentChoices, findPartyChoices } from "@/lib/data/compare.repository";
import { createDb, type Db } from "@/lib/data/db";
import { buildComparison, type TComparison } from "@/lib/domain/compare";
import { computeWordDiff } from "@/lib/domain/word-diff";
import { generateSyntheticDataset, SYNTHETIC_DOCUMENT, SYNTHETIC_REVISION } from "./lib/synthetic";
import { createBenchDatabase, ensureBuild, ms, printTable, startServer, time, timeGetAgainst } from "./lib/harness";

const PORT = Number(process.env.BENCH_PORT ?? 3210);
/** The page at 100× takes minutes to load in Chromium; past this the figure is reported as a timeout. */
const PAGE_TIMEOUT_MS = Number(process.env.BENCH_PAGE_TIMEOUT_MS ?? 300_000);

type TCase = {
  name: string;
  clauses: number | null;
  from: string;
  to: string;
  httpRuns: number;
  buildRuns: number;
  /** Runs of the no-stored-alignment build; 0 skips it (reported as such). */
  fallbackRuns: number;
};

const CASES: TCase[] = [
  {
    name: "reference (28 → 20 clauses)",
    clauses: null,
    from: "us-28-2025-11-20",
    to: "e3-counter-2025-11-23",
    httpRuns: 300,
    buildRuns: 300,
    fallbackRuns: 300,
  },
  {
    name: "synthetic 1× (100 → 103)",
    clauses: 100,
    from: SYNTHETIC_DOCUMENT,
    to: SYNTHETIC_REVISION,
    httpRuns: 200,
    buildRuns: 100,
    fallbackRuns: 50,
  },
  {
    name: "synthetic 10× (1,000 → 1,006)",
    clauses: 1000,
    from: SYNTHETIC_DOCUMENT,
    to: SYNTHETIC_REVISION,
    httpRuns: 40,
    buildRuns: 30,
    fallbackRuns: 5,
  },
  {
    name: "synthetic 100× (10,000 → 9,984)",
    clauses: 10000,
    from: SYNTHETIC_DOCUMENT,
    to: SYNTHETIC_REVISION,
    httpRuns: 10,
    buildRuns: 8,
    fallbackRuns: 1,
  },
];

/** What getCompareView (lib/server/compare.ts) reads, in the same order, from a given database. */
async function readCompare(db: Db, from: string, to: string) {
  await Promise.all([findDocumentChoices(db), findPartyChoices(db)]);
  const input = await findCompareInput(from, to, null, db);
  if ("missing" in input) throw new Error(`no document ${input.missing}`);
  return input;
}

type TInput = Awaited<ReturnType<typeof readCompare>>;

function build(input: TInput, alignments: TInput["alignments"] = input.alignments): TComparison {
  return buildComparison({
    fromDocumentId: input.from.id,
    toDocumentId: input.to.id,
    fromClauses: input.from.clauses,
    toClauses: input.to.clauses,
    alignments,
    lang: "en",
    party: null,
    redLinePositions: input.redLinePositions,
    assessments: input.assessments,
  });
}

type TPageFigures = {
  entries: number | null;
  elements: number | null;
  htmlBytes: number;
  htmlMs: number;
  loadMs: number | null;
  note: string;
};

/** One fetch of the page's HTML (its size and server time; the page's first request), then one load in Chromium. */
async function measurePage(url: string): Promise<TPageFigures> {
  const start = performance.now();
  const html = await (await fetch(url)).arrayBuffer();
  const htmlMs = performance.now() - start;
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const loadStart = performance.now();
    try {
      await page.goto(url, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
    } catch {
      return {
        entries: null,
        elements: null,
        htmlBytes: html.byteLength,
        htmlMs,
        loadMs: null,
        note: `did not load within ${PAGE_TIMEOUT_MS / 1000} s`,
      };
    }
    const loadMs = performance.now() - loadStart;
    const { entries, elements } = await page.evaluate(() => ({
      entries: document.querySelectorAll("li.compare-entry").length,
      elements: document.getElementsByTagName("*").length,
    }));
    return { entries, elements, htmlBytes: html.byteLength, htmlMs, loadMs, note: "" };
  } finally {
    await browser.close();
  }
}

const kib = (bytes: number) => `${Math.round(bytes / 1024).toLocaleString("en")} KiB`;
const count = (n: number) => n.toLocaleString("en");

async function main() {
  ensureBuild();
  const http: (string | number)[][] = [];
  const building: (string | number)[][] = [];
  const fallback: (string | number)[][] = [];
  const pages: (string | number)[][] = [];
  for (const c of CASES) {
    process.stdout.write(`\n${c.name}: preparing the database… `);
    const rows =
      c.clauses === null ? null : generateSyntheticDataset({ clauses: c.clauses, parties: 12, revision: true });
    const url = await createBenchDatabase(c.clauses === null ? "reference" : `compare-synthetic-${c.clauses}`, rows);
    console.log("done");

    const db = createDb(url);
    const input = await readCompare(db, c.from, c.to);
    const comparison = build(input);
    const { summary } = comparison;
    console.log(
      `  ${input.from.clauses.length} → ${input.to.clauses.length} clauses, ${input.alignments.length} stored ` +
        `alignments; ${summary.total} entries (${summary.proposed} proposed by the aligner)`,
    );
    const texts = comparison.pairs.map((p) => [p.from, p.to].map((s) => s.map((x) => x.text.text).join("\n")));
    const raw = await time(c.buildRuns, () => readCompare(db, c.from, c.to));
    const full = await time(c.buildRuns, async () => build(await readCompare(db, c.from, c.to)));
    const pure = await time(c.buildRuns, () => build(input));
    const diffs = await time(c.buildRuns, () => texts.forEach(([a, b]) => computeWordDiff(a, b)));
    const serialise = await time(c.buildRuns, () => JSON.stringify({ ok: true, data: comparison }));
    building.push([
      c.name,
      ms(raw.p50),
      ms(full.p50),
      (full.p50 / raw.p50).toFixed(2),
      ms(pure.p50),
      ms(diffs.p50),
      ms(serialise.p50),
    ]);
    if (c.fallbackRuns > 0) {
      const proposed = build(input, []);
      const alone = await time(c.fallbackRuns, () => build(input, []), c.fallbackRuns > 1 ? 1 : 0);
      fallback.push([
        c.name,
        ms(pure.p50),
        ms(alone.p50),
        (alone.p50 / pure.p50).toFixed(1),
        `${proposed.summary.proposed} / ${proposed.summary.total}`,
        alone.n,
      ]);
    } else {
      fallback.push([c.name, ms(pure.p50), "not run", "—", "—", 0]);
    }
    await db.$disconnect();

    const server = await startServer(url, PORT);
    try {
      const query = new URLSearchParams({ from: c.from, to: c.to });
      const compareUrl = `${server.url}/api/compare?${query}`;
      const size = (await (await fetch(compareUrl)).arrayBuffer()).byteLength;
      const { floor: trivial, target: compare } = await timeGetAgainst(
        `${server.url}/api/health`,
        compareUrl,
        c.httpRuns,
        Math.min(5, c.httpRuns),
      );
      http.push([
        c.name,
        ms(trivial.p50),
        ms(trivial.p95),
        ms(compare.p50),
        ms(compare.p95),
        (compare.p50 / trivial.p50).toFixed(2),
        kib(size),
      ]);
      process.stdout.write("  loading the page in Chromium… ");
      const page = await measurePage(`${server.url}/compare?${query}`);
      console.log(page.note || "done");
      pages.push([
        c.name,
        count(summary.total),
        page.entries === null ? "—" : count(page.entries),
        page.elements === null ? "—" : count(page.elements),
        kib(page.htmlBytes),
        ms(page.htmlMs),
        page.loadMs === null ? page.note : ms(page.loadMs),
      ]);
    } finally {
      await server.stop();
    }
  }

  console.log("\nCompare JSON (/api/compare) against a trivial route on the same server (alternating requests)");
  printTable(["dataset", "trivial p50", "trivial p95", "compare p50", "compare p95", "ratio p50", "JSON size"], http);
  console.log(
    "\nCompare building as getCompareView does it (repository queries + buildComparison) against the repository's " +
      "queries alone, in process; buildComparison alone, the word diffs within it and JSON.stringify of the result",
  );
  printTable(
    ["dataset", "queries p50", "queries+build p50", "ratio", "build p50", "word diffs p50", "stringify p50"],
    building,
  );
  console.log(
    "\nbuildComparison without stored alignments (every clause proposed by the aligner) against the stored-links build",
  );
  printTable(["dataset", "stored links p50", "aligner p50", "ratio", "proposed / entries", "runs"], fallback);
  console.log("\nThe compare page in Chromium (1400×1000 viewport): every entry is rendered");
  printTable(["dataset", "entries", "entries in DOM", "DOM elements", "HTML", "HTML fetch", "load in Chromium"], pages);
  console.log("\nNo target for compare beyond its floors (issue “Prove it”).");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
