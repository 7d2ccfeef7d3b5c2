/** Shared pieces of the benchmark scripts: databases, a production server, timing and printing. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { createDb } from "@/lib/data/db";
import { insertBaseRelease } from "@/lib/data/dataset.repository";
import type { TDatasetRows } from "@/lib/domain/dataset/rows";

export const root = path.resolve(__dirname, "..", "..");
export const dataDir = path.join(root, "bench", ".data");

function runOrThrow(command: string, args: string[], env: Record<string, string>): void {
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
}

/** A fresh SQLite database file, migrated, holding `rows` (or the shipped reference dataset when rows is null). */
export async function createBenchDatabase(name: string, rows: TDatasetRows | null): Promise<string> {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, `${name}.db`);
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const url = `file:${file}`;
  const env = { DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
  runOrThrow(path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"], env);
  if (rows === null) {
    runOrThrow(path.join(root, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"], env);
  } else {
    const db = createDb(url);
    await insertBaseRelease(
      rows,
      {
        id: rows.release.id,
        title: rows.release.title,
        coverage: null,
        note: null,
        noteJa: null,
        appliedAt: new Date(),
      },
      db,
    );
    await db.$disconnect();
  }
  return url;
}

/** Builds the app when there is no production build yet. */
export function ensureBuild(): void {
  if (fs.existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("building the app (next build)…");
  runOrThrow(path.join(root, "node_modules", ".bin", "next"), ["build"], { NEXT_TELEMETRY_DISABLED: "1" });
}

export type TServer = { url: string; stop: () => Promise<void>; kill: () => void };

/** `next start` on the given port against the given database (no `-H`: see scripts/start.mjs). */
export async function startServer(databaseUrl: string, port: number): Promise<TServer> {
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error("the server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    /** SIGKILL to the whole process group: the crash test's power cut. */
    kill: () => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    },
    stop: async () => {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        /* already gone */
      }
      await new Promise((r) => setTimeout(r, 300));
    },
  };
}

export type TTimings = { p50: number; p95: number; mean: number; n: number };

export function summarize(samples: number[]): TTimings {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p95: at(0.95), mean: sorted.reduce((a, b) => a + b, 0) / sorted.length, n: sorted.length };
}

/** Times `fn` `n` times after `warmup` untimed runs; milliseconds. */
export async function time(n: number, fn: () => Promise<unknown> | unknown, warmup = 3): Promise<TTimings> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    samples.push(performance.now() - start);
  }
  return summarize(samples);
}

/**
 * Times `url` against a floor route, alternating one request of each, so that both see the same machine: on a
 * shared, noisy machine two back-to-back series can see very different loads and their ratio says little.
 */
export async function timeGetAgainst(
  floorUrl: string,
  url: string,
  n: number,
  warmup = 5,
): Promise<{ floor: TTimings; target: TTimings }> {
  const get = async (target: string) => {
    const start = performance.now();
    const response = await fetch(target);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${target} answered ${response.status}`);
    return performance.now() - start;
  };
  for (let i = 0; i < warmup; i++) {
    await get(floorUrl);
    await get(url);
  }
  const floor: number[] = [];
  const target: number[] = [];
  for (let i = 0; i < n; i++) {
    floor.push(await get(floorUrl));
    target.push(await get(url));
  }
  return { floor: summarize(floor), target: summarize(target) };
}

export const ms = (v: number) => `${v.toFixed(2)} ms`;

export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
  for (const [k, r] of cells.entries()) {
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  "));
    if (k === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
  }
}
