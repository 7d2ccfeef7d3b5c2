/**
 * Matrix benchmark. For the shipped reference data and synthetic datasets of 100, 1,000 and 10,000 clauses × 12
 * parties (1×, 10×, 100×), prints:
 *   - matrix JSON p50/p95 next to a trivial route (/api/health) on the same production server, and their ratio;
 *   - matrix building (raw query + lib/domain buildMatrix) next to the raw query of the same rows, and their ratio;
 *   - how many rows Chromium renders for the matrix page (virtualised: bounded whatever the size).
 * Targets (issue "The clause × party matrix"): JSON ratio ≤ 1.5 on the reference data; build ratio ≤ 2 at 10,000
 * clauses; rendered rows ≤ 100. Figures only: nothing here asserts.
 *
 *   npm run bench:matrix          (builds the app first if there is no build)
 */
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../e2e/chromium";
import { createDb } from "@/lib/data/db";
import { findMatrixInput } from "@/lib/data/matrix.repository";
import { buildMatrix } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import { generateSyntheticDataset, SYNTHETIC_DOCUMENT } from "./lib/synthetic";
import { createBenchDatabase, ensureBuild, ms, printTable, startServer, time, timeGetAgainst } from "./lib/harness";

const PORT = Number(process.env.BENCH_PORT ?? 3210);

type TCase = { name: string; clauses: number | null; documentId: string; httpRuns: number; buildRuns: number };

const CASES: TCase[] = [
  { name: "reference (28 clauses × 5)", clauses: null, documentId: "us-28-2025-11-20", httpRuns: 300, buildRuns: 300 },
  { name: "synthetic 1× (100 × 12)", clauses: 100, documentId: SYNTHETIC_DOCUMENT, httpRuns: 200, buildRuns: 100 },
  { name: "synthetic 10× (1,000 × 12)", clauses: 1000, documentId: SYNTHETIC_DOCUMENT, httpRuns: 40, buildRuns: 30 },
  { name: "synthetic 100× (10,000 × 12)", clauses: 10000, documentId: SYNTHETIC_DOCUMENT, httpRuns: 12, buildRuns: 8 },
];

async function countRenderedRows(url: string): Promise<{ rendered: number; total: number }> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(url, { waitUntil: "networkidle", timeout: 120_000 });
    await page.waitForSelector('[role="grid"]');
    const total = Number(await page.getAttribute('[role="grid"]', "aria-rowcount")) - 1;
    const rendered = await page.locator('[role="row"][data-clause]').count();
    return { rendered, total };
  } finally {
    await browser.close();
  }
}

async function main() {
  ensureBuild();
  const results: (string | number)[][] = [];
  const build: (string | number)[][] = [];
  const browser: (string | number)[][] = [];
  for (const c of CASES) {
    process.stdout.write(`\n${c.name}: preparing the database… `);
    const rows = c.clauses === null ? null : generateSyntheticDataset({ clauses: c.clauses, parties: 12 });
    const url = await createBenchDatabase(c.clauses === null ? "reference" : `synthetic-${c.clauses}`, rows);
    console.log("done");

    const db = createDb(url);
    const input0 = (await findMatrixInput(c.documentId, "reference", db))!;
    const vocabulary = { dimensionIds: input0.dimensionOrder, partyIds: input0.parties.map((p) => p.id) };
    const query = parseMatrixQuery(new URLSearchParams(), vocabulary);
    const raw = await time(c.buildRuns, () => findMatrixInput(c.documentId, "reference", db));
    const full = await time(c.buildRuns, async () =>
      buildMatrix((await findMatrixInput(c.documentId, "reference", db))!, query),
    );
    await db.$disconnect();
    build.push([c.name, ms(raw.p50), ms(full.p50), (full.p50 / raw.p50).toFixed(2)]);

    const server = await startServer(url, PORT);
    try {
      const matrixUrl = `${server.url}/api/documents/${c.documentId}/matrix`;
      const size = (await (await fetch(matrixUrl)).arrayBuffer()).byteLength;
      const { floor: trivial, target: matrix } = await timeGetAgainst(
        `${server.url}/api/health`,
        matrixUrl,
        c.httpRuns,
      );
      results.push([
        c.name,
        ms(trivial.p50),
        ms(trivial.p95),
        ms(matrix.p50),
        ms(matrix.p95),
        (matrix.p50 / trivial.p50).toFixed(2),
        `${(size / 1024).toFixed(0)} KiB`,
      ]);
      const rendered = await countRenderedRows(`${server.url}/documents/${c.documentId}/matrix`);
      browser.push([c.name, rendered.total, rendered.rendered]);
    } finally {
      await server.stop();
    }
  }

  console.log("\nMatrix JSON against a trivial route on the same server (alternating requests)");
  printTable(["dataset", "trivial p50", "trivial p95", "matrix p50", "matrix p95", "ratio p50", "JSON size"], results);
  console.log("\nMatrix building (query + buildMatrix) against the raw query of the same rows, in process");
  printTable(["dataset", "raw query p50", "query+build p50", "ratio"], build);
  console.log("\nRows in the DOM of the matrix page in Chromium (1400×1000 viewport)");
  printTable(["dataset", "clauses", "rendered rows"], browser);
  console.log(
    "\nTargets: JSON ratio ≤ 1.5 on the reference data; build ratio ≤ 2 at 10,000 clauses; rendered rows ≤ 100.",
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
