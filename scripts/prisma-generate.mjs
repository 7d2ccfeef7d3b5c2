// Generates one Prisma client per provider (lib/generated/sqlite, lib/generated/postgresql), so the app can run
// on either database, chosen by DATABASE_URL at start-up, without regenerating. Runs as npm's postinstall.
import { execFileSync } from "node:child_process";

for (const provider of ["sqlite", "postgresql"]) {
  execFileSync(process.execPath, ["node_modules/prisma/build/index.js", "generate"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DB_PROVIDER: provider, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" },
  });
}
console.log("prisma: generated clients for sqlite and postgresql in lib/generated/");
