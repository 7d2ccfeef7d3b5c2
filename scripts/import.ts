/**
 * Imports a new version of a plan from a plain-text file, aligned to a base document: the command-line twin of the
 * /import page and POST /api/import (same service, same checks). Saving from here is an operator's action: no
 * account is needed, and the audit trail records it as "document:import:cli" without an actor.
 *
 *   npm run import -- <file> --base <docId> --title "…" --date YYYY-MM-DD --source-url https://… \
 *     [--source-outlet "…"] [--source-date YYYY-MM-DD] [--origin "…"] [--completeness full|partial] \
 *     [--title-ja "…"] [--note "…"] [--corrections corrections.json] [--dry-run] [--json]
 *
 * --source-url may be repeated (with as many --source-outlet / --source-date, matched in order). Without
 * --source-outlet, the outlet is the address's host name. --corrections is a JSON list of
 * {toNumber, fromNumber|null, relation} replacing the proposal for the points it names. With --dry-run nothing is
 * saved: the parsed clauses and the proposed alignment are printed (as JSON with --json). Exit status: 0 done,
 * 1 input refused (the message says why; nothing saved), 2 usage error.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import { AppError } from "@/lib/domain/errors";
import { IMPORT_LIMITS } from "@/lib/domain/import/plan-import";
import { getDb } from "@/lib/data/db";
import { dryRunImport, importDocument, parseImportRequest, type TImportDryRun } from "@/lib/server/import";

const USAGE =
  "usage: npm run import -- <file> --base <docId> --title <title> --date <YYYY-MM-DD> --source-url <https://…>\n" +
  "         [--source-outlet <name>] [--source-date <YYYY-MM-DD>] [--origin <text>] [--completeness full|partial]\n" +
  "         [--title-ja <title>] [--note <text>] [--corrections <file.json>] [--dry-run] [--json]";

class UsageError extends Error {}

function readArguments() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        base: { type: "string" },
        title: { type: "string" },
        "title-ja": { type: "string" },
        date: { type: "string" },
        origin: { type: "string" },
        completeness: { type: "string" },
        note: { type: "string" },
        "source-url": { type: "string", multiple: true },
        "source-outlet": { type: "string", multiple: true },
        "source-date": { type: "string", multiple: true },
        corrections: { type: "string" },
        "dry-run": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The file as UTF-8 text: refused when over the limit (before reading it) or when it is not UTF-8. */
function readTextFile(file: string): { text: string; byteLength: number } {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UsageError(`cannot read '${file}'`);
  }
  if (size > IMPORT_LIMITS.maxBytes) {
    throw new AppError(
      "PAYLOAD_TOO_LARGE",
      `'${file}' is ${size} bytes, over the 1 MB limit (${IMPORT_LIMITS.maxBytes} bytes): split the document or remove what is not part of it`,
    );
  }
  const bytes = fs.readFileSync(file);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), byteLength: bytes.byteLength };
  } catch {
    throw new AppError(
      "BAD_REQUEST",
      `'${file}' is not UTF-8 text: save it as plain text in UTF-8 (a word-processor file or PDF cannot be imported)`,
    );
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

function printDryRun(result: TImportDryRun): void {
  const { parsed, proposed, baseDocumentId } = result.preview;
  console.log(`Parsed ${parsed.clauses.length} points (numbering style '${parsed.style}'):`);
  for (const c of parsed.clauses) console.log(`  ${c.number.padStart(4)}  ${c.heading}`);
  if (proposed) {
    console.log(`\nProposed alignment to ${baseDocumentId}:`);
    for (const l of proposed) {
      const confidence = l.confidence === null ? "" : ` (confidence ${l.confidence.toFixed(2)})`;
      console.log(
        `  ${(l.fromNumber ?? "—").padStart(4)} → ${(l.toNumber ?? "—").padEnd(4)} ${l.relation}${confidence}`,
      );
    }
  }
  if (result.plan) {
    const { documentId, conflict, summary } = result.plan;
    console.log(`\nWould save as '${documentId}'${conflict ? " — but that id exists: change the title or date" : ""}.`);
    console.log(`  inherited assessments (needs review): ${summary.inheritedAssessments}`);
  }
  console.log("\nDry run: nothing was saved.");
}

async function main(): Promise<number> {
  const { values, positionals } = readArguments();
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError("give exactly one text file to import");
  const [file] = positionals;
  const { text, byteLength } = readTextFile(file);

  const urls = values["source-url"] ?? [];
  const outlets = values["source-outlet"] ?? [];
  const dates = values["source-date"] ?? [];
  if (outlets.length > urls.length || dates.length > urls.length)
    throw new UsageError("each --source-outlet and --source-date goes with a --source-url");
  const sources = urls.map((url, k) => ({ url, outlet: outlets[k] ?? hostOf(url), date: dates[k] ?? null }));
  const hasProvenance = values.title !== undefined || values.date !== undefined || urls.length > 0;
  const provenance = hasProvenance
    ? {
        title: values.title,
        titleJa: values["title-ja"],
        date: values.date,
        origin:
          values.origin ?? (sources.length ? `Text as published by ${sources.map((s) => s.outlet).join(", ")}` : ""),
        completeness: values.completeness ?? "full",
        note: values.note,
        sources,
      }
    : undefined;
  let corrections: unknown;
  if (values.corrections !== undefined) {
    try {
      corrections = JSON.parse(fs.readFileSync(values.corrections, "utf8"));
    } catch (error) {
      throw new UsageError(`cannot read the corrections in '${values.corrections}': ${(error as Error).message}`);
    }
  }

  const dryRun = values["dry-run"];
  if (!dryRun && !values.base) throw new UsageError("--base <docId> is required to save");
  if (!dryRun && !hasProvenance) throw new UsageError("--title, --date and --source-url are required to save");
  const request = parseImportRequest({ text, baseDocumentId: values.base, provenance, corrections, dryRun });

  if (dryRun) {
    const result = await dryRunImport(request, { byteLength });
    if (values.json) console.log(JSON.stringify(result, null, 2));
    else printDryRun(result);
    return 0;
  }
  const saved = await importDocument(request, { actorId: null, action: "document:import:cli" }, new Date(), {
    byteLength,
  });
  if (values.json) console.log(JSON.stringify(saved, null, 2));
  else {
    const { summary } = saved;
    console.log(`Saved '${saved.documentId}': ${summary.clauses} clauses aligned to ${saved.baseDocumentId}.`);
    console.log(
      `  ${Object.entries(summary.relations)
        .filter(([, n]) => n > 0)
        .map(([relation, n]) => `${relation} ${n}`)
        .join(", ")}`,
    );
    console.log(`  inherited assessments (marked "needs review"): ${summary.inheritedAssessments}`);
    console.log(`  compare: /compare?from=${saved.baseDocumentId}&to=${saved.documentId}`);
  }
  return 0;
}

main()
  .then(
    (code) => code,
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(`import: ${error.message}\n${USAGE}`);
        return 2;
      }
      if (error instanceof AppError) {
        if (process.argv.includes("--json")) {
          const { code, message, fieldErrors } = error;
          console.log(JSON.stringify({ ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } }));
        }
        console.error(`import: ${error.message}`);
        for (const [field, messages] of Object.entries(error.fieldErrors ?? {}))
          if (!error.message.includes(messages[0])) console.error(`  ${field}: ${messages.join("; ")}`);
        console.error("Nothing was saved.");
        return 1;
      }
      console.error("import: failed:", error);
      return 1;
    },
  )
  .then(async (code) => {
    await getDb().$disconnect();
    process.exitCode = code;
  });
