// Creates, migrates and seeds the database named by DATABASE_URL (default: the embedded SQLite file
// data/redlines.db), then applies the dataset releases shipped after the base (prisma/data-update.ts).
// Idempotent: applied migrations and releases are left as they are.
// `--migrate-only` stops after the migrations.
import { bin, isPostgres, resolveDatabaseUrl, run } from "./lib.mjs";

const url = resolveDatabaseUrl();
const env = { DATABASE_URL: url, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" };
const where = isPostgres(url) ? "PostgreSQL" : `SQLite (${url.replace(/^file:/, "")})`;
console.log(`setup: database ${where}`);

const migrate = run(
  bin("prisma"),
  ["migrate", "deploy"],
  {
    ...env,
    ...(isPostgres(url)
      ? { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ./scripts/unref-long-timers.cjs` }
      : {}),
  },
  { quiet: true },
);
console.log(/No pending migrations/.test(migrate) ? "setup: migrations up to date" : "setup: migrations applied");
if (!process.argv.includes("--migrate-only")) {
  run(bin("tsx"), ["prisma/seed.ts"], env);
  run(bin("tsx"), ["prisma/data-update.ts"], env);
}
