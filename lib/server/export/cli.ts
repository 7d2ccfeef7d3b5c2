import "server-only";

/**
 * What the export and restore commands share: option parsing (`--name value`, `--name=value`, flags), writing a
 * body to a file atomically (a failed export leaves no half-written file under the asked name), and the exit
 * rule: any error prints its message and exits 1.
 */
import fs from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/domain/errors";
import { getDb } from "@/lib/data/db";

export type TCliOptions = { values: Map<string, string[]>; flags: Set<string>; positionals: string[] };

/**
 * Parses argv against the options a command takes. `valued` take a value; `flags` take none (`--no-x` is kept as
 * written). Unknown options are refused naming the ones allowed.
 */
export function parseCliOptions(
  argv: readonly string[],
  { valued, flags }: { valued: readonly string[]; flags: readonly string[] },
): TCliOptions {
  const out: TCliOptions = { values: new Map(), flags: new Set(), positionals: [] };
  const allowed = [...valued, ...flags].map((o) => `--${o}`).join(", ");
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith("--")) {
      out.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf("=");
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    if (flags.includes(name)) {
      if (eq >= 0) throw new AppError("BAD_REQUEST", `Option --${name} takes no value`);
      out.flags.add(name);
      continue;
    }
    if (!valued.includes(name)) throw new AppError("BAD_REQUEST", `Unknown option --${name} (allowed: ${allowed})`);
    const value = eq < 0 ? argv[++i] : arg.slice(eq + 1);
    if (value === undefined) throw new AppError("BAD_REQUEST", `Option --${name} needs a value`);
    out.values.set(name, [...(out.values.get(name) ?? []), value]);
  }
  return out;
}

/** Writes the body next to `target`, then renames it into place. */
export async function writeBodyToFile(body: ReadableStream<Uint8Array> | Uint8Array, target: string): Promise<number> {
  const absolute = path.resolve(target);
  const temporary = path.join(path.dirname(absolute), `.${path.basename(absolute)}.${process.pid}.part`);
  const handle = await fs.promises.open(temporary, "w");
  let bytes = 0;
  try {
    if (body instanceof Uint8Array) {
      await handle.write(body);
      bytes = body.byteLength;
    } else {
      const reader = body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        await handle.write(value);
        bytes += value.byteLength;
      }
    }
    await handle.close();
    await fs.promises.rename(temporary, absolute);
    return bytes;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(temporary, { force: true });
    throw error;
  }
}

/** Runs a command: an error prints its message (no stack) and exits 1; the database client is closed either way. */
export function runCli(main: () => Promise<void>): void {
  main()
    .then(() => getDb().$disconnect())
    .catch(async (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      await getDb()
        .$disconnect()
        .catch(() => undefined);
      process.exit(1);
    });
}

/** The site address written into permalinks and citations by the commands. */
export function getCliBaseUrl(option: string | undefined): string {
  const raw = option ?? process.env.REDLINES_BASE_URL ?? `http://localhost:${process.env.PORT ?? "3000"}`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError("BAD_REQUEST", `--base-url must be an absolute http(s) address (got '${raw}')`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new AppError("BAD_REQUEST", `--base-url must be an absolute http(s) address (got '${raw}')`);
  }
  return url.origin;
}
