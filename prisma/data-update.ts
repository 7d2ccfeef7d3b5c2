/**
 * `npm run data:update [-- --dry-run] [-- file.json ...]`: applies the dataset releases shipped in
 * prisma/seed/data/updates/ (or the files named) that the database named by DATABASE_URL has not applied yet,
 * oldest first, each in one transaction. Run by scripts/setup-db.mjs after the seed, so a newer release shipped
 * with the app is taken in at start-up.
 *
 * Every file is read and checked, and every pending release planned against the database, before anything is
 * written: one malformed file refuses the whole run with its problems (file: record.field: message) and exit 1.
 * `--dry-run` prints the plans and writes nothing.
 */
import fs from "node:fs";
import path from "node:path";
import { createDb, type Db } from "@/lib/data/db";
import { applyRelease, planRelease } from "@/lib/data/releases.repository";
import type { TDatasetProblem } from "@/lib/domain/dataset/integrity";
import {
  parseReleaseFile,
  ReleaseRefusedError,
  summarizeReleasePlan,
  type TReleaseInput,
  type TReleasePlan,
} from "@/lib/domain/dataset/release";

export const UPDATES_DIR = path.join(__dirname, "seed", "data", "updates");

/** The release files in a folder (*.json), as paths. */
export function listReleaseFiles(dir: string = UPDATES_DIR): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => path.join(dir, name));
}

/** Reads and parses release files; returns them ordered by release id, or every problem found in any of them. */
export function readReleaseFiles(
  files: string[],
): { ok: true; releases: TReleaseInput[] } | { ok: false; problems: TDatasetProblem[] } {
  const problems: TDatasetProblem[] = [];
  const releases: TReleaseInput[] = [];
  for (const file of files) {
    const name = path.basename(file);
    let raw: unknown;
    try {
      raw = JSON.parse(fs.readFileSync(file, "utf8"));
    } catch (error) {
      problems.push(`${name}: (root): cannot be read as JSON: ${error instanceof Error ? error.message : error}`);
      continue;
    }
    const parsed = parseReleaseFile(name, raw);
    if (parsed.ok) releases.push(parsed.release);
    else problems.push(...parsed.problems);
  }
  const byId = new Map<string, string>();
  for (const r of releases) {
    const other = byId.get(r.data.release);
    if (other) problems.push(`${r.file}: release: '${r.data.release}' is also the release of ${other}`);
    byId.set(r.data.release, r.file);
  }
  if (problems.length) return { ok: false, problems };
  return { ok: true, releases: releases.sort((a, b) => (a.data.release < b.data.release ? -1 : 1)) };
}

export type TUpdateOutcome =
  | { ok: true; applied: string[]; alreadyApplied: string[]; plans: TReleasePlan[] }
  | { ok: false; problems: TDatasetProblem[]; applied: string[] };

/**
 * Applies the given release files to `db`, oldest first. Checks every file and plans every pending release before
 * writing; a release whose plan is refused stops the run with its problems, and nothing of it is written.
 */
export async function updateDataset(
  db: Db,
  files: string[],
  { dryRun = false, now = new Date() }: { dryRun?: boolean; now?: Date } = {},
): Promise<TUpdateOutcome> {
  const read = readReleaseFiles(files);
  if (!read.ok) return { ok: false, problems: read.problems, applied: [] };

  const plans: TReleasePlan[] = [];
  const problems: TDatasetProblem[] = [];
  for (const release of read.releases) {
    try {
      plans.push(await planRelease(release, db));
    } catch (error) {
      if (!(error instanceof ReleaseRefusedError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length) return { ok: false, problems, applied: [] };
  const alreadyApplied = plans.filter((p) => p.alreadyApplied).map((p) => p.release.id);
  if (dryRun) return { ok: true, applied: [], alreadyApplied, plans };

  const applied: string[] = [];
  const done: TReleasePlan[] = [];
  for (const release of read.releases) {
    try {
      const result = await applyRelease(release, { appliedAt: now }, db);
      if (result.applied) applied.push(release.data.release);
      done.push(result.plan);
    } catch (error) {
      if (!(error instanceof ReleaseRefusedError)) throw error;
      return { ok: false, problems: error.problems, applied };
    }
  }
  return { ok: true, applied, alreadyApplied, plans: done };
}

async function main() {
  const args = process.argv.slice(2);
  const dryRun = args.includes("--dry-run");
  const unknown = args.filter((a) => a.startsWith("--") && a !== "--dry-run");
  if (unknown.length) {
    console.error(`data:update: unknown option ${unknown.join(", ")} (options: --dry-run, then release files)`);
    process.exit(2);
  }
  const named = args.filter((a) => !a.startsWith("--")).map((a) => path.resolve(a));
  const files = named.length ? named : listReleaseFiles();
  if (files.length === 0) {
    console.log("data:update: no release files to apply");
    return;
  }
  const db = createDb();
  try {
    const outcome = await updateDataset(db, files, { dryRun });
    if (!outcome.ok) {
      const kept = outcome.applied.length ? ` (applied before it: ${outcome.applied.join(", ")})` : "";
      console.error(
        `data:update: refused, nothing of the release was applied${kept}:\n- ${outcome.problems.join("\n- ")}`,
      );
      process.exitCode = 1;
      return;
    }
    for (const plan of outcome.plans) {
      const text = summarizeReleasePlan(plan);
      console.log(`data:update${dryRun && !plan.alreadyApplied ? " (dry run, nothing written)" : ""}: ${text}`);
    }
  } finally {
    await db.$disconnect();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
