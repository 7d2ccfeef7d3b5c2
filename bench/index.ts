/**
 * `npm run bench`: every benchmark in one run, each printing its figures next to its floor or target:
 * alignment (precision/recall and speed), export (10,000 rows to CSV and XLSX), matrix (JSON vs a trivial route,
 * building vs the raw query, rendered rows in Chromium at 1×, 10× and 100× the synthetic dataset), compare (the same
 * figures for two versions of a document, plus the aligner's fallback when no alignment is stored).
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
let failed = false;
for (const script of ["bench/alignment.ts", "bench/export.ts", "bench/matrix.ts", "bench/compare.ts"]) {
  console.log(`\n=== ${script}\n`);
  const result = spawnSync(tsx, ["--conditions=react-server", script], { cwd: root, stdio: "inherit" });
  failed ||= result.status !== 0;
}
process.exitCode = failed ? 1 : 0;
