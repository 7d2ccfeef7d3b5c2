/**
 * Which database Redlines talks to. DATABASE_URL decides: postgresql:// (or postgres://) means PostgreSQL through
 * adapter-pg; anything else, or nothing, means the embedded SQLite file (default data/redlines.db).
 * No `server-only` here: the seed and command-line scripts need it too.
 */
import path from "node:path";

export type TDatabaseProvider = "sqlite" | "postgresql";

export function getDatabaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.DATABASE_URL || `file:${path.resolve(process.cwd(), "data", "redlines.db")}`;
}

export function getDatabaseProvider(url: string): TDatabaseProvider {
  return /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";
}
