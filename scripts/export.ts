/**
 * Exports a table as the route does: `npm run export -- --document us-28-2025-11-20 --format xlsx --out matrix.xlsx`.
 * Options mirror GET /api/export's parameters (lib/domain/export/export-query.ts): --view matrix|compare (default
 * matrix), --format csv|xlsx|json|md|tex (default: from --out's extension), --lang, --all, --profile, --bom/--no-bom;
 * matrix: --document, --dimension, --party, --score, --q, --as-of, --sort, --group, --coder; compare: --from, --to,
 * --party, --mode. --out writes the file (else stdout); --base-url sets the address permalinks and citations use
 * (default REDLINES_BASE_URL, else http://localhost:$PORT). Errors print their message and exit 1.
 */
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { EXPORT_FORMATS } from "@/lib/domain/export/export-query";
import { getCliBaseUrl, parseCliOptions, runCli, writeBodyToFile } from "@/lib/server/export/cli";
import { readAllBytes } from "@/lib/server/export/stream";
import { createExportFile } from "@/lib/server/export/table-export";

/** Command-line option → route parameter. */
const PARAMETERS: Record<string, string> = {
  view: "view",
  format: "format",
  lang: "lang",
  profile: "profile",
  document: "document",
  dimension: "dimension",
  party: "party",
  score: "score",
  q: "q",
  "as-of": "asOf",
  sort: "sort",
  group: "group",
  coder: "coder",
  from: "from",
  to: "to",
  mode: "mode",
};

runCli(async () => {
  const options = parseCliOptions(process.argv.slice(2), {
    valued: [...Object.keys(PARAMETERS), "out", "base-url"],
    flags: ["all", "bom", "no-bom"],
  });
  if (options.positionals.length) {
    throw new AppError("BAD_REQUEST", `Unexpected argument '${options.positionals[0]}' (options start with --)`);
  }
  const params = new URLSearchParams();
  for (const [option, values] of options.values) {
    const name = PARAMETERS[option];
    if (name) for (const value of values) params.append(name, value);
  }
  if (!params.has("view")) params.set("view", "matrix");
  const out = options.values.get("out")?.at(-1);
  if (!params.has("format") && out) {
    const extension = path.extname(out).slice(1).toLowerCase();
    if ((EXPORT_FORMATS as readonly string[]).includes(extension)) params.set("format", extension);
  }
  if (options.flags.has("all")) params.set("all", "1");
  if (options.flags.has("bom") && options.flags.has("no-bom")) {
    throw new AppError("BAD_REQUEST", "Give --bom or --no-bom, not both");
  }
  if (options.flags.has("bom")) params.set("bom", "1");
  if (options.flags.has("no-bom")) params.set("bom", "0");

  const file = await createExportFile(params, {
    now: new Date(),
    baseUrl: getCliBaseUrl(options.values.get("base-url")?.at(-1)),
  });
  if (out) {
    const bytes = await writeBodyToFile(file.body, out);
    console.error(`export: wrote ${out} (${file.rows} rows, ${bytes.toLocaleString("en")} bytes)`);
  } else {
    const bytes = file.body instanceof Uint8Array ? file.body : await readAllBytes(file.body);
    process.stdout.write(bytes);
  }
});
