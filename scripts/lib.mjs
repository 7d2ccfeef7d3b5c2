// Helpers shared by the setup and start scripts (plain Node, no dependencies: they run before anything is built).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

/** DATABASE_URL, defaulting to the embedded SQLite file data/redlines.db (the folder is created). */
export function resolveDatabaseUrl() {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  fs.mkdirSync(path.join(root, "data"), { recursive: true });
  return `file:${path.join(root, "data", "redlines.db")}`;
}

export function isPostgres(url) {
  return /^postgres(ql)?:\/\//.test(url);
}

/**
 * Runs a command in the project root; exits the process when it fails. With `quiet`, its output is shown only
 * when it fails (the Prisma CLI is chatty about things that are fine).
 */
export function run(command, args, env = {}, { quiet = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    console.error(`\n${[command, ...args].join(" ")} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status || 1);
  }
  return result.stdout ?? "";
}

export const bin = (name) => path.join(root, "node_modules", ".bin", name);
