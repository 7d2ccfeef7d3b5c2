import { createDb, type Db } from "@/lib/data/db";
import { createTestDatabase, type TTemplate, type TTestDatabase } from "./databases";

/**
 * Gives a test file its own database copied from a template, and points the app's default client (getDb) at it,
 * so route handlers and repositories called without a client use it too.
 */
export function setupTestDb(template: TTemplate = "seeded"): { db: () => Db; url: () => string } {
  let database: TTestDatabase | undefined;
  let client: Db | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(template);
    client = createDb(database.url);
    process.env.DATABASE_URL = database.url;
    (globalThis as unknown as { redlinesDb?: Db }).redlinesDb = client;
  });
  afterAll(async () => {
    (globalThis as unknown as { redlinesDb?: Db }).redlinesDb = undefined;
    await client?.$disconnect();
    await database?.drop();
  });
  return {
    db: () => {
      if (!client) throw new Error("the test database is not ready (use it inside tests or hooks)");
      return client;
    },
    url: () => database!.url,
  };
}
