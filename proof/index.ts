/**
 * `npm run proof`: the properties researchers rely on, measured against the production server on SQLite and on
 * PostgreSQL (a private server the script starts):
 *   load       `writers` concurrent writers create annotations and codes (each writer its own cells) for `seconds`;
 *              every acknowledged annotation and code must be in the database afterwards (a code with the score
 *              acknowledged), and no answer may be a 5xx;
 *   crash      the same load, the server killed with SIGKILL in the middle, restarted: every acknowledged annotation
 *              and code is present and the database is consistent (PRAGMA integrity_check and foreign_key_check on
 *              SQLite, orphan queries on PostgreSQL);
 *   bad input  at least `bad` generated malformed inputs against every write route: no 5xx, database unchanged;
 *   browser    on a fresh SQLite database with the reference dataset: axe-core on the home, matrix, compare and
 *              clause pages, Lighthouse 12.2.3 on the same pages (performance, accessibility, best practices, SEO);
 *              serious or critical accessibility failures are violations, the scores are figures (the rule is in
 *              lib/browser.ts).
 * Prints a summary and exits 1 on any violation. Options: --seconds 60 --writers 50 --bad 1000
 * --providers sqlite,postgresql --steps database,browser (database: load, crash and bad input on each provider)
 * --desktop (Lighthouse's desktop profile instead of its default mobile one) --smoke (a few seconds of each step,
 * Lighthouse on the matrix page only, for CI). PROOF_PORT (3320) and PROOF_PG_PORT (5450) move the servers.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { createDb, type Db } from "@/lib/data/db";
import { ensureBuild, printTable, startServer, type TServer } from "../bench/lib/harness";
import { createProofAccounts } from "./lib/accounts";
import { runAxe } from "./lib/axe";
import { BROWSER_PAGES, LIGHTHOUSE_CATEGORIES, runLighthouse, type TBrowserPage } from "./lib/browser";
import { generateBadRequests, type TWriteTarget } from "./lib/bad-input";
import { diffFingerprints, takeFingerprint } from "./lib/fingerprint";
import {
  runWriteLoad,
  warmUpWriteRoutes,
  type TAcknowledgedCode,
  type TCodeCell,
  type TCodeCells,
  type TLoadResult,
} from "./lib/load";
import { startPostgres } from "./lib/postgres";

const root = path.resolve(__dirname, "..");
const PORT = Number(process.env.PROOF_PORT ?? 3320);

type TRow = { provider: string; check: string; figure: string; violations: number };

function setupDatabase(url: string): void {
  const result = spawnSync(process.execPath, ["scripts/setup-db.mjs"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`setup-db failed:\n${result.stdout}${result.stderr}`);
}

async function countPresentAnnotations(db: Db, ids: string[]): Promise<number> {
  let present = 0;
  for (let i = 0; i < ids.length; i += 500)
    present += await db.annotation.count({ where: { id: { in: ids.slice(i, i + 500) } } });
  return present;
}

/** Acknowledged codes that are in the database with the score the server acknowledged. */
async function countPresentCodes(db: Db, codes: TAcknowledgedCode[]): Promise<number> {
  let present = 0;
  for (let i = 0; i < codes.length; i += 500) {
    const chunk = codes.slice(i, i + 500);
    const rows = await db.assessment.findMany({
      where: { id: { in: chunk.map((c) => c.assessmentId) } },
      select: { id: true, score: true },
    });
    const scores = new Map(rows.map((r) => [r.id, r.score]));
    present += chunk.filter((c) => scores.get(c.assessmentId) === c.score).length;
  }
  return present;
}

/** Every clause × party, each with one position of that party as evidence: the cells the load codes. */
async function findCodeCells(db: Db): Promise<TCodeCell[]> {
  const [clauses, parties] = await Promise.all([
    db.clause.findMany({ select: { id: true }, orderBy: [{ documentId: "asc" }, { ordinal: "asc" }] }),
    db.party.findMany({ select: { id: true, positions: { select: { id: true }, take: 1, orderBy: { id: "asc" } } } }),
  ]);
  return clauses.flatMap((c) =>
    parties.map((p) => ({ clauseId: c.id, partyId: p.id, evidence: p.positions.map((x) => x.id) })),
  );
}

async function checkIntegrity(provider: string, url: string, db: Db): Promise<string[]> {
  if (provider === "sqlite") {
    const sqlite = new Database(url.replace(/^file:/, ""), { readonly: true });
    try {
      const rows = sqlite.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
      const fk = sqlite.prepare("PRAGMA foreign_key_check").all();
      return [
        ...rows.filter((r) => r.integrity_check !== "ok").map((r) => r.integrity_check),
        ...fk.map((r) => JSON.stringify(r)),
      ];
    } finally {
      sqlite.close();
    }
  }
  const [annotations, evidence] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "Annotation" a LEFT JOIN "Clause" c ON c."id" = a."clauseId" WHERE c."id" IS NULL`,
    db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "AssessmentEvidence" e LEFT JOIN "Assessment" a ON a."id" = e."assessmentId"
      WHERE a."id" IS NULL`,
  ]);
  return [
    ...(Number(annotations[0].n) ? [`${annotations[0].n} annotations without their clause`] : []),
    ...(Number(evidence[0].n) ? [`${evidence[0].n} evidence rows without their code`] : []),
  ];
}

function writeTargets(annotationId: string, version: number): TWriteTarget[] {
  return [
    {
      route: "POST /api/annotations",
      method: "POST",
      path: "/api/annotations",
      valid: {
        clauseId: "us-28-2025-11-20#21",
        body: "A note",
        purpose: "commenting",
        visibility: "shared",
        tags: ["territory"],
        selection: { start: 0, end: 4 },
        lang: "en",
      },
      required: ["body"],
      strict: true,
    },
    {
      route: "PATCH /api/annotations/{id}",
      method: "PATCH",
      path: `/api/annotations/${annotationId}`,
      valid: { body: "Changed", version },
      required: ["version"],
      strict: true,
    },
    {
      route: "POST /api/codes",
      method: "POST",
      path: "/api/codes",
      valid: {
        clauseId: "us-28-2025-11-20#21",
        partyId: "ua",
        score: -2,
        rationale: "r",
        confidence: "high",
        evidence: ["ua-territory-2025-11-20-unsc"],
      },
      required: ["clauseId", "partyId", "score", "confidence", "evidence"],
      strict: true,
    },
    {
      route: "POST /api/consensus",
      method: "POST",
      path: "/api/consensus",
      valid: {
        clauseId: "us-28-2025-11-20#21",
        partyId: "ua",
        score: -2,
        rationale: "r",
        confidence: "high",
        evidence: ["ua-territory-2025-11-20-unsc"],
      },
      required: ["clauseId", "partyId", "score", "confidence", "evidence"],
      strict: true,
    },
    {
      route: "POST /api/import",
      method: "POST",
      path: "/api/import",
      valid: {
        text: "1. First point of a new draft.\n2. Second point.",
        baseDocumentId: "us-28-2025-11-20",
        provenance: {
          title: "Proof draft",
          date: "2026-11-29",
          origin: "Generated by the proof run",
          completeness: "partial",
          sources: [{ outlet: "Proof", url: "https://example.org/proof" }],
        },
      },
      required: ["text", "baseDocumentId", "provenance"],
      strict: false,
    },
  ];
}

/** The figures of one load: what was acknowledged, per kind of write, and every status answered. */
function summarizeLoad(provider: string, step: string, load: TLoadResult, writers: number): TRow[] {
  const rate = (n: number) => `${(n / load.seconds).toFixed(0)}/s`;
  const statuses = (s: Record<string, number>) =>
    Object.entries(s)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ");
  return [
    {
      provider,
      check: `${step}: acknowledged annotations`,
      figure: `${load.annotations.length} in ${load.seconds} s by ${writers} writers (${rate(load.annotations.length)}; ${statuses(load.statuses.annotations)})`,
      violations: 0,
    },
    {
      provider,
      check: `${step}: acknowledged codes`,
      figure: `${load.codes.length} (${rate(load.codes.length)}; ${statuses(load.statuses.codes)}; ${load.codeConflicts} refused as conflicts)`,
      violations: 0,
    },
  ];
}

async function proveProvider(
  provider: "sqlite" | "postgresql",
  options: { seconds: number; writers: number; bad: number },
): Promise<TRow[]> {
  const rows: TRow[] = [];
  let stopPostgres = () => {};
  let url: string;
  if (provider === "sqlite") {
    fs.mkdirSync(path.join(root, "proof", ".data"), { recursive: true });
    const file = path.join(root, "proof", ".data", "proof.db");
    for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
    url = `file:${file}`;
  } else {
    const pg = await startPostgres();
    stopPostgres = pg.stop;
    url = await pg.createDatabase("redlines_proof");
  }
  setupDatabase(url);
  const db = createDb(url);
  let server: TServer | null = null;
  try {
    const writers = await createProofAccounts(db, "coder", options.writers, "writer");
    const [adjudicator] = await createProofAccounts(db, "adjudicator", 1, "judge");
    const [editor] = await createProofAccounts(db, "editor", 1, "editor");
    const clauseIds = (
      await db.clause.findMany({ where: { documentId: "us-28-2025-11-20" }, select: { id: true } })
    ).map((c) => c.id);
    server = await startServer(url, PORT);

    // Load
    const codeCells: TCodeCells = { cells: await findCodeCells(db), cursor: new Map() };
    await warmUpWriteRoutes(server.url, writers[0], clauseIds[0]);
    const load = await runWriteLoad({
      baseUrl: server.url,
      accounts: writers,
      clauseIds,
      codeCells,
      seconds: options.seconds,
    });
    rows.push(...summarizeLoad(provider, "load", load, options.writers));
    const lostAnnotations = load.annotations.length - (await countPresentAnnotations(db, load.annotations));
    const lostCodes = load.codes.length - (await countPresentCodes(db, load.codes));
    rows.push({
      provider,
      check: "load: lost annotations",
      figure: String(lostAnnotations),
      violations: lostAnnotations,
    });
    rows.push({ provider, check: "load: lost codes", figure: String(lostCodes), violations: lostCodes });
    rows.push({
      provider,
      check: "load: 5xx answers",
      figure: `${load.serverErrors} of ${load.requests}`,
      violations: load.serverErrors,
    });

    // Crash
    let killed!: () => void;
    const stop = new Promise<void>((resolve) => (killed = resolve));
    const crashSeconds = Math.max(4, Math.round(options.seconds / 2));
    const crashLoad = runWriteLoad({
      baseUrl: server.url,
      accounts: writers,
      clauseIds,
      codeCells,
      seconds: crashSeconds,
      stop,
    });
    await new Promise((r) => setTimeout(r, (crashSeconds * 1000) / 2));
    server.kill();
    killed();
    const crash = await crashLoad;
    server = await startServer(url, PORT);
    const crashLostAnnotations = crash.annotations.length - (await countPresentAnnotations(db, crash.annotations));
    const crashLostCodes = crash.codes.length - (await countPresentCodes(db, crash.codes));
    const integrity = await checkIntegrity(provider, url, db);
    rows.push({
      provider,
      check: "crash: acknowledged before SIGKILL",
      figure: `${crash.annotations.length} annotations, ${crash.codes.length} codes`,
      violations: 0,
    });
    rows.push({
      provider,
      check: "crash: annotations lost after restart",
      figure: String(crashLostAnnotations),
      violations: crashLostAnnotations,
    });
    rows.push({
      provider,
      check: "crash: codes lost after restart",
      figure: String(crashLostCodes),
      violations: crashLostCodes,
    });
    rows.push({
      provider,
      check: "crash: integrity check",
      figure: integrity.length ? integrity.slice(0, 3).join("; ") : "ok",
      violations: integrity.length,
    });

    // Bad input
    const sample = await db.annotation.findFirstOrThrow({
      where: { authorId: writers[0].userId, deletedAt: null },
      select: { id: true, version: true },
    });
    const targets = writeTargets(sample.id, sample.version);
    const requests = generateBadRequests(targets, options.bad);
    const tokenFor = (route: string) =>
      (route.includes("consensus") ? adjudicator : route.includes("import") ? editor : writers[0]).token;
    const before = await takeFingerprint(db);
    const byRoute = new Map<string, { sent: number; fiveXX: number; accepted: number }>();
    for (const r of requests) {
      const stats = byRoute.get(r.route) ?? { sent: 0, fiveXX: 0, accepted: 0 };
      byRoute.set(r.route, stats);
      stats.sent++;
      const response = await fetch(`${server.url}${r.path}`, {
        method: r.method,
        headers: { authorization: `Bearer ${tokenFor(r.route)}`, "content-type": r.contentType },
        body: r.body,
      });
      await response.arrayBuffer();
      if (response.status >= 500) stats.fiveXX++;
      if (response.status < 300) stats.accepted++;
    }
    const changed = diffFingerprints(before, await takeFingerprint(db));
    for (const [route, s] of byRoute) {
      rows.push({
        provider,
        check: `bad input: ${route}`,
        figure: `${s.sent} sent, ${s.fiveXX} 5xx, ${s.accepted} accepted`,
        violations: s.fiveXX + s.accepted,
      });
    }
    rows.push({
      provider,
      check: "bad input: database unchanged",
      figure: changed.length ? changed.join(", ") : `yes (${requests.length} inputs)`,
      violations: changed.length,
    });
  } finally {
    server?.kill();
    await db.$disconnect();
    stopPostgres();
  }
  return rows;
}

/**
 * The browser step on a fresh SQLite database holding the reference dataset only (no proof writes, so the clause
 * page shows what a reader sees): axe-core on every page, Lighthouse on `lighthousePages`.
 */
async function proveBrowser(options: { lighthousePages: TBrowserPage[]; desktop: boolean }): Promise<TRow[]> {
  fs.mkdirSync(path.join(root, "proof", ".data"), { recursive: true });
  const file = path.join(root, "proof", ".data", "browser.db");
  for (const suffix of ["", "-wal", "-shm", "-journal"]) fs.rmSync(`${file}${suffix}`, { force: true });
  const url = `file:${file}`;
  setupDatabase(url);
  const server = await startServer(url, PORT);
  try {
    const axe = await runAxe({ baseUrl: server.url, pages: BROWSER_PAGES });
    const lighthouse = await runLighthouse({
      baseUrl: server.url,
      pages: options.lighthousePages,
      desktop: options.desktop,
    });
    console.log(`\nLighthouse 12.2.3 (${options.desktop ? "desktop" : "mobile"} profile):`);
    printTable(
      ["page", ...LIGHTHOUSE_CATEGORIES],
      lighthouse.map((l) => [l.page, ...LIGHTHOUSE_CATEGORIES.map((c) => l.scores[c]?.toFixed(2) ?? "—")]),
    );
    for (const l of lighthouse) {
      const metrics = Object.entries(l.metrics).map(([name, value]) => `${name} ${value}`);
      console.log(`  ${l.page}: performance ${metrics.join(", ")}`);
      for (const a of l.failed)
        console.log(`  ${l.page}: ${a.category} ${a.id}${a.impact ? ` (${a.impact})` : ""}: ${a.title} [${a.items}]`);
    }
    for (const a of axe) for (const v of [...a.severe, ...a.other]) console.log(`  ${a.page}: axe-core ${v}`);
    return [
      ...axe.map((a) => ({
        provider: "sqlite",
        check: `browser: axe-core on ${a.page}`,
        figure: `${a.severe.length} serious or critical, ${a.other.length} moderate or minor`,
        violations: a.violations,
      })),
      ...lighthouse.map((l) => ({
        provider: "sqlite",
        check: `browser: Lighthouse on ${l.page}`,
        figure: LIGHTHOUSE_CATEGORIES.map((c) => `${c} ${l.scores[c]?.toFixed(2) ?? "—"}`).join(", "),
        violations: l.violations,
      })),
    ];
  } finally {
    await server.stop();
    server.kill();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      seconds: { type: "string", default: "60" },
      writers: { type: "string", default: "50" },
      bad: { type: "string", default: "1000" },
      providers: { type: "string", default: "sqlite,postgresql" },
      steps: { type: "string", default: "database,browser" },
      desktop: { type: "boolean", default: false },
      smoke: { type: "boolean", default: false },
    },
  });
  const steps = new Set(values.steps.split(","));
  for (const step of steps)
    if (step !== "database" && step !== "browser") throw new Error(`unknown step '${step}' (database, browser)`);
  const options = values.smoke
    ? { seconds: 4, writers: 10, bad: 200 }
    : { seconds: Number(values.seconds), writers: Number(values.writers), bad: Number(values.bad) };
  ensureBuild();
  const rows: TRow[] = [];
  const started = performance.now();
  if (steps.has("database")) {
    for (const provider of values.providers.split(",") as ("sqlite" | "postgresql")[]) {
      console.log(
        `\n${provider}: proving (${options.seconds} s load, ${options.writers} writers, ${options.bad} bad inputs)…`,
      );
      rows.push(...(await proveProvider(provider, options)));
    }
  }
  if (steps.has("browser")) {
    // The smoke run keeps CI short: Lighthouse on the matrix only, axe-core on every page still.
    const lighthousePages = values.smoke ? BROWSER_PAGES.filter((p) => p.name === "matrix") : BROWSER_PAGES;
    console.log(`\nbrowser: axe-core on ${BROWSER_PAGES.length} pages, Lighthouse on ${lighthousePages.length}…`);
    rows.push(...(await proveBrowser({ lighthousePages, desktop: values.desktop })));
  }
  console.log("");
  printTable(
    ["database", "check", "figure", "violations"],
    rows.map((r) => [r.provider, r.check, r.figure, r.violations]),
  );
  const violations = rows.reduce((n, r) => n + r.violations, 0);
  console.log(`\nproof: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  console.log(`proof: ${violations === 0 ? "all checks hold" : `${violations} violations`}`);
  process.exitCode = violations === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
