/**
 * Prisma CLI configuration (generate, migrate). The runtime client does not read this file: see lib/data/db.ts.
 *
 * The provider follows DATABASE_URL (postgresql:// -> PostgreSQL, anything else -> the embedded SQLite file);
 * DB_PROVIDER overrides it, which scripts/prisma-generate.mjs uses to generate both clients.
 * The adapter subclasses below work around bugs of the Prisma 6.19 wasm schema engine and adapter-pg 6.19 that
 * only the migrate commands hit. Why each exists: docs/adr/0001-prisma-two-providers.md.
 */
import crypto from "node:crypto";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type { PoolConfig } from "pg";

const defaultSqliteUrl = `file:${path.resolve("data", "redlines.db")}`;
const provider =
  process.env.DB_PROVIDER === "postgresql" || process.env.DB_PROVIDER === "sqlite"
    ? process.env.DB_PROVIDER
    : /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "")
      ? "postgresql"
      : "sqlite";

// Without DATABASE_URL set the CLI cannot read the schema and falls back to downloading a native engine.
if (!process.env.DATABASE_URL || (provider === "sqlite" && /^postgres/.test(process.env.DATABASE_URL))) {
  process.env.DATABASE_URL = provider === "sqlite" ? defaultSqliteUrl : "postgresql://postgres@127.0.0.1:5432/redlines";
}

// The engine replays each migration.sql on the shadow database through executeRaw (a prepared statement),
// which both drivers refuse for multi-statement scripts (P3006). Argument-less executeRaw runs as a script.
type ShadowAdapter = Awaited<ReturnType<PrismaBetterSQLite3["connectToShadowDb"]>>;
function runScriptsAsScripts<T extends ShadowAdapter>(adapter: T): T {
  const executeRaw = adapter.executeRaw.bind(adapter);
  adapter.executeRaw = async (query) => {
    if (query.args.length > 0) return executeRaw(query);
    await adapter.executeScript(query.sql);
    return 0;
  };
  return adapter;
}

class PrismaBetterSQLite3ForCli extends PrismaBetterSQLite3 {
  override async connectToShadowDb() {
    return runScriptsAsScripts(await super.connectToShadowDb());
  }
}

// adapter-pg 6.19 cannot map the catalog types `name` (OID 19) and `"char"` (OID 18) that the schema engine
// reads (prisma/orm#27403, fixed only in 7.x): report them as text (OID 25).
// Its executeScript also splits a migration on every ";", which cuts a PL/pgSQL function body (the data-version
// trigger) apart: send the script whole instead, as one simple query (PostgreSQL runs it as one transaction).
const CATALOG_TEXT_OIDS = new Set([18, 19]);
function patchForCli<T extends object>(adapter: T): T {
  let proto = Object.getPrototypeOf(adapter);
  while (proto && !Object.hasOwn(proto, "performIO")) proto = Object.getPrototypeOf(proto);
  if (proto && !proto.__patchedForCli) {
    const performIO = proto.performIO;
    proto.performIO = async function (this: unknown, query: unknown) {
      const result = await performIO.call(this, query);
      for (const field of result.fields) if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
      return result;
    };
    proto.__patchedForCli = true;
  }
  const queryable = adapter as unknown as {
    client: { query: (sql: string) => Promise<unknown> };
    onError: (error: unknown) => never;
    executeScript: (script: string) => Promise<void>;
  };
  queryable.executeScript = async (script: string) => {
    try {
      await queryable.client.query(script);
    } catch (error) {
      queryable.onError(error);
    }
  };
  return adapter;
}

class PrismaPgForCli extends PrismaPg {
  constructor(private readonly pgConfig: PoolConfig) {
    super(pgConfig);
  }
  override async connect() {
    return patchForCli(await super.connect());
  }
  // adapter-pg 6.19's shadow database connects to the main database when given a connection string, and drops
  // the shadow database before closing its pool. Re-implemented with a discrete config.
  override async connectToShadowDb() {
    const admin = await this.connect();
    const database = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await admin.executeScript(`CREATE DATABASE "${database}"`);
    const shadow = runScriptsAsScripts(await new PrismaPgForCli({ ...this.pgConfig, database }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await admin.executeScript(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
      await admin.dispose();
    };
    return shadow;
  }
}

function pgConfigFromUrl(url: string): PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: u.pathname.slice(1),
    allowExitOnIdle: true, // otherwise each CLI command idles ~10 s on the pool before exiting
  };
}

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", provider),
  migrations: { path: path.join("prisma", provider, "migrations") },
  async adapter() {
    const url = process.env.DATABASE_URL!;
    if (provider === "postgresql") return new PrismaPgForCli(pgConfigFromUrl(url));
    return new PrismaBetterSQLite3ForCli({ url });
  },
});
