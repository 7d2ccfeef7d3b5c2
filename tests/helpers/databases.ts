/**
 * Test databases. Jest's global setup builds two templates once per run, both migrated with the committed
 * migrations: `empty` and `seeded` (the reference dataset). Each test file takes its own copy, so files never
 * share state: on SQLite a copied file in a temp folder, on PostgreSQL a `CREATE DATABASE ... TEMPLATE`.
 *
 * TEST_DATABASE_PROVIDER=postgresql with PG_ADMIN_URL=postgresql://user@host:port/postgres runs the same tests on
 * PostgreSQL; the default is SQLite.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Client } from "pg";

export type TTemplate = "empty" | "seeded";

const root = path.resolve(__dirname, "..", "..");

export function testProvider(): "sqlite" | "postgresql" {
  return process.env.TEST_DATABASE_PROVIDER === "postgresql" ? "postgresql" : "sqlite";
}

export function pgAdminUrl(): string {
  const url = process.env.PG_ADMIN_URL;
  if (!url)
    throw new Error(
      "TEST_DATABASE_PROVIDER=postgresql needs PG_ADMIN_URL (e.g. postgresql://postgres@127.0.0.1:5439/postgres)",
    );
  return url;
}

export function withDatabase(adminUrl: string, database: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function pgAdmin<T>(fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: pgAdminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Runs a project script with DATABASE_URL set; throws with its output when it fails. */
export function runWithDatabase(url: string, command: string, args: string[]): void {
  const result = spawnSync(command, args, {
    cwd: root,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: url,
      DB_PROVIDER: "",
      CHECKPOINT_DISABLE: "1",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed:\n${result.stdout}\n${result.stderr}`);
}

export function migrate(url: string): void {
  const preload = url.startsWith("postgres") ? { NODE_OPTIONS: "--require ./scripts/unref-long-timers.cjs" } : {};
  Object.assign(process.env, preload);
  try {
    runWithDatabase(url, path.join(root, "node_modules", ".bin", "prisma"), ["migrate", "deploy"]);
  } finally {
    if (preload.NODE_OPTIONS) delete process.env.NODE_OPTIONS;
  }
}

export function seed(url: string): void {
  runWithDatabase(url, path.join(root, "node_modules", ".bin", "tsx"), ["prisma/seed.ts"]);
}

export function templateLocation(template: TTemplate): string {
  const key = template === "empty" ? "REDLINES_TEMPLATE_EMPTY" : "REDLINES_TEMPLATE_SEEDED";
  const value = process.env[key];
  if (!value) throw new Error(`${key} is not set: run the tests through Jest (its global setup builds the templates)`);
  return value;
}

export type TTestDatabase = { url: string; drop: () => Promise<void> };

/** A fresh database copied from a template, for one test file. */
export async function createTestDatabase(template: TTemplate): Promise<TTestDatabase> {
  const source = templateLocation(template);
  if (testProvider() === "postgresql") {
    const name = `redlines_test_${crypto.randomBytes(6).toString("hex")}`;
    await pgAdmin((c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${source}"`));
    return {
      url: withDatabase(pgAdminUrl(), name),
      drop: () => pgAdmin((c) => c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "redlines-test-"));
  const file = path.join(dir, "test.db");
  fs.copyFileSync(source, file);
  return { url: `file:${file}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
}
