/**
 * Restores a dataset package into an empty, migrated database: `npm run dataset:restore -- redlines.zip`
 * (DATABASE_URL names the database; create it with `npm run db:migrate`). A database that already holds dataset
 * records is refused, and so is a package that does not hold together; either way nothing is written. Errors
 * print their message and exit 1.
 */
import fs from "node:fs";
import { AppError } from "@/lib/domain/errors";
import { parseCliOptions, runCli } from "@/lib/server/export/cli";
import { restoreDataset } from "@/lib/server/export/dataset";

runCli(async () => {
  const options = parseCliOptions(process.argv.slice(2), { valued: [], flags: [] });
  if (options.positionals.length !== 1) {
    throw new AppError("BAD_REQUEST", "Usage: npm run dataset:restore -- <package.zip>");
  }
  const file = options.positionals[0];
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.promises.readFile(file));
  } catch (error) {
    throw new AppError("BAD_REQUEST", `Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = await restoreDataset(bytes);
  const counts = Object.entries(result.written)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  console.error(`dataset:restore: restored release ${result.releaseId} from ${file}: ${counts}`);
});
