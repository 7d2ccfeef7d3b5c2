import "server-only";
import { getDb, type Db } from "./db";

/**
 * The data version: a counter that database triggers raise, in the writer's own transaction, on every write to the
 * tables the matrix and the comparison read (documents, clauses and their topics, parties, dimensions, positions and
 * what they concern, coders, assessments and their evidence, releases, alignments, sources and citations) and to the
 * settings (migration 20261130000000_data_version). Whoever writes (this server, another server on the same
 * PostgreSQL, a command-line import, a hand edit), the number moves with the commit, so a cache that read the version
 * before its data and keeps it with the data is never served stale. Annotations, accounts and audit events do not
 * move it: the load of researchers' notes leaves it alone.
 */
export async function readDataVersion(db: Db = getDb()): Promise<bigint> {
  // Raw: this runs on every cached read, and a typed findUnique costs about three times as much.
  const rows = await db.$queryRaw<{ version: bigint | number }[]>`SELECT "version" FROM "DataVersion" WHERE "id" = 1`;
  if (!rows[0]) throw new Error("The DataVersion row is missing: run the migrations (npm run db:migrate)");
  return BigInt(rows[0].version);
}
