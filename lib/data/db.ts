/**
 * The Prisma client for the configured database. Both providers' clients are generated (scripts/prisma-generate.mjs)
 * from the same models, so they share one shape; the SQLite client's type stands for both.
 * No `server-only` here so that the seed and scripts can open a client; repositories import it and are server-only.
 */
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "@/lib/generated/sqlite/client";
import { PrismaClient as PostgresClient } from "@/lib/generated/postgresql/client";
import { getDatabaseProvider, getDatabaseUrl } from "./database-url";

export type Db = SqliteClient;
export type DbTransaction = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export function createDb(url: string = getDatabaseUrl()): Db {
  if (getDatabaseProvider(url) === "postgresql") {
    const client = new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) });
    return client as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });
}

const globalForDb = globalThis as unknown as { redlinesDb?: Db };

/** One client per process (and one across Next's dev-mode reloads). */
export function getDb(): Db {
  globalForDb.redlinesDb ??= createDb();
  return globalForDb.redlinesDb;
}
