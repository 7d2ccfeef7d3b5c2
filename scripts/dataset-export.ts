/**
 * Exports the whole dataset as a Frictionless Data Package: `npm run dataset:export -- --out redlines-2026-03.zip`.
 * Without --out the file is named after the release and the day (redlines-dataset_2026-03_2026-03-14.zip).
 * --base-url sets the site address the citation and the annotation IRIs use (default REDLINES_BASE_URL, else
 * http://localhost:$PORT). Errors print their message and exit 1.
 */
import { AppError } from "@/lib/domain/errors";
import { getCliBaseUrl, parseCliOptions, runCli, writeBodyToFile } from "@/lib/server/export/cli";
import { createDatasetExport } from "@/lib/server/export/dataset";

runCli(async () => {
  const options = parseCliOptions(process.argv.slice(2), { valued: ["out", "base-url"], flags: [] });
  if (options.positionals.length) {
    throw new AppError("BAD_REQUEST", `Unexpected argument '${options.positionals[0]}' (use --out <file>)`);
  }
  const now = new Date();
  const file = await createDatasetExport({ now, baseUrl: getCliBaseUrl(options.values.get("base-url")?.at(-1)) });
  const out = options.values.get("out")?.at(-1) ?? file.filename;
  const bytes = await writeBodyToFile(file.body, out);
  const counts = Object.entries(file.counts)
    .map(([table, n]) => `${table} ${n}`)
    .join(", ");
  console.error(
    `dataset:export: wrote ${out} (release ${file.releaseId}, ${bytes.toLocaleString("en")} bytes): ${counts}`,
  );
});
