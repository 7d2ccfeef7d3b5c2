/**
 * Export benchmark: the matrix of a synthetic 10,000-clause × 12-party document exported to CSV and XLSX, as the
 * export route builds it (buildMatrix → toMatrixExportTable → formatter). Prints time, the process's CPU time (user +
 * system, all threads: what the export costs when other processes share the cores and stretch the wall time) and
 * its peak resident memory during each export. Target (issue "Prove it"): XLSX of 10,000 rows ≤ 3 s and ≤ 300 MB.
 *
 *   npx tsx --conditions=react-server bench/export.ts
 */
import { performance } from "node:perf_hooks";
import { buildMatrix, type TMatrixInput } from "@/lib/domain/matrix/build";
import { parseMatrixQuery } from "@/lib/domain/matrix/query";
import { toMatrixExportTable } from "@/lib/domain/export/matrix-table";
import { toCsv } from "@/lib/domain/export/csv";
import { toXlsx } from "@/lib/server/export/xlsx";
import { generateSyntheticDataset, SYNTHETIC_DOCUMENT } from "./lib/synthetic";
import { ms, printTable } from "./lib/harness";

function toInput(clauses: number): TMatrixInput {
  const rows = generateSyntheticDataset({ clauses, parties: 12 });
  const dates = new Map(rows.positions.map((p) => [p.id, p.date]));
  const evidence = new Map<string, { positionId: string; date: string }[]>();
  for (const e of rows.assessmentEvidence) {
    const list = evidence.get(e.assessmentId) ?? [];
    list.push({ positionId: e.positionId, date: dates.get(e.positionId)! });
    evidence.set(e.assessmentId, list);
  }
  const topics = new Map<string, string[]>();
  for (const t of rows.clauseTopics) topics.set(t.clauseId, [...(topics.get(t.clauseId) ?? []), t.dimensionId]);
  return {
    clauses: rows.clauses.map((c) => ({ ...c, topics: topics.get(c.id) ?? [] })),
    parties: rows.parties,
    dimensionOrder: rows.dimensions.map((d) => d.id),
    assessments: rows.assessments.map((a) => ({ ...a, evidence: evidence.get(a.id) ?? [] })),
    redLinePositions: rows.positions,
  };
}

/** Runs fn while sampling RSS every 20 ms; returns its wall and CPU time and the peak RSS above the baseline. */
async function measure(
  fn: () => Promise<unknown> | unknown,
): Promise<{ ms: number; cpuMs: number; peakMiB: number; totalMiB: number }> {
  if (global.gc) global.gc();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
  const cpu = process.cpuUsage();
  const start = performance.now();
  await fn();
  const elapsed = performance.now() - start;
  const used = process.cpuUsage(cpu);
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  return {
    ms: elapsed,
    cpuMs: (used.user + used.system) / 1000,
    peakMiB: (peak - base) / 2 ** 20,
    totalMiB: peak / 2 ** 20,
  };
}

async function main() {
  const input = toInput(10_000);
  const vocabulary = { dimensionIds: input.dimensionOrder, partyIds: input.parties.map((p) => p.id) };
  const matrix = buildMatrix(input, parseMatrixQuery(new URLSearchParams(), vocabulary));
  const source = {
    ...matrix,
    document: { id: SYNTHETIC_DOCUMENT, title: "Synthetic plan", titleJa: null },
    vocabulary,
  };
  const options = {
    dimensions: [],
    releaseId: "synthetic",
    exportedAt: new Date().toISOString(),
    baseUrl: "http://localhost:3000",
  };
  const rows: (string | number)[][] = [];
  let table = toMatrixExportTable(source, options);
  const tableRun = await measure(() => (table = toMatrixExportTable(source, options)));
  rows.push([
    "table (10,000 rows)",
    ms(tableRun.ms),
    ms(tableRun.cpuMs),
    `${tableRun.peakMiB.toFixed(0)} MiB`,
    `${tableRun.totalMiB.toFixed(0)} MiB`,
    "-",
  ]);
  let csv = "";
  const csvRun = await measure(() => (csv = toCsv(table, { profile: "spreadsheet" })));
  rows.push([
    "CSV",
    ms(csvRun.ms),
    ms(csvRun.cpuMs),
    `${csvRun.peakMiB.toFixed(0)} MiB`,
    `${csvRun.totalMiB.toFixed(0)} MiB`,
    `${(Buffer.byteLength(csv) / 2 ** 20).toFixed(1)} MiB`,
  ]);
  let xlsx: Uint8Array = new Uint8Array();
  const xlsxRun = await measure(async () => (xlsx = await toXlsx(table)));
  rows.push([
    "XLSX",
    ms(xlsxRun.ms),
    ms(xlsxRun.cpuMs),
    `${xlsxRun.peakMiB.toFixed(0)} MiB`,
    `${xlsxRun.totalMiB.toFixed(0)} MiB`,
    `${(xlsx.byteLength / 2 ** 20).toFixed(1)} MiB`,
  ]);
  console.log(
    `Export of the synthetic 10,000 × 12 matrix (${table.rows.length} rows, ${table.columns.length} columns)`,
  );
  printTable(["format", "time", "CPU time", "peak RSS growth", "peak RSS", "file"], rows);
  console.log("\nTarget: XLSX of 10,000 rows ≤ 3 s and ≤ 300 MB.");
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
