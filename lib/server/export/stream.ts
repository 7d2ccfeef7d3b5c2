import "server-only";

/**
 * Byte streams for large downloads: text produced piece by piece (CSV records) is encoded in batches as the reader
 * pulls, and a zip is deflated file by file, so neither the whole text nor the whole archive is ever held at once.
 * Both are pull-driven: nothing is produced faster than the client reads.
 */
import { Zip, ZipDeflate } from "fflate";

/** About this many UTF-16 units of text per chunk: big enough to be cheap, small enough to show progress. */
const BATCH = 64 * 1024;

export function streamText(chunks: Iterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.iterator]();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let batch = "";
      while (batch.length < BATCH) {
        const next = iterator.next();
        if (next.done) {
          if (batch) controller.enqueue(encoder.encode(batch));
          controller.close();
          return;
        }
        batch += next.value;
      }
      controller.enqueue(encoder.encode(batch));
    },
    cancel() {
      iterator.return?.();
    },
  });
}

export type TDeflateLevel = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type TZipEntry = { path: string; chunks: () => Iterable<string> };

/**
 * A zip of text files, deflated as it is read. `mtime` stamps every entry, so the same data gives the same bytes.
 * `level` is deflate's (1 fastest … 9 smallest); 6, zlib's default, unless a caller has measured better.
 */
export function streamZip(
  entries: readonly TZipEntry[],
  mtime: Date,
  { level = 6 }: { level?: TDeflateLevel } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let pending: Uint8Array[] = [];
  let failure: Error | null = null;
  let finished = false;
  const zip = new Zip((error, data, final) => {
    if (error) failure = error;
    else {
      pending.push(data);
      if (final) finished = true;
    }
  });
  function* steps(): Generator<void> {
    for (const entry of entries) {
      const file = new ZipDeflate(entry.path, { level });
      file.mtime = mtime;
      zip.add(file);
      let batch = "";
      for (const chunk of entry.chunks()) {
        batch += chunk;
        if (batch.length >= BATCH) {
          file.push(encoder.encode(batch));
          batch = "";
          yield;
        }
      }
      file.push(encoder.encode(batch), true);
      yield;
    }
    zip.end();
  }
  const iterator = steps();
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      let exhausted = false;
      while (pending.length === 0 && !finished && !failure && !exhausted) exhausted = Boolean(iterator.next().done);
      if (!failure && exhausted && !finished && pending.length === 0) failure = new Error("The zip ended early");
      if (failure) {
        controller.error(failure);
        return;
      }
      const out = pending;
      pending = [];
      for (const chunk of out) controller.enqueue(chunk);
      if (finished) controller.close();
    },
    cancel() {
      iterator.return(undefined);
    },
  });
}

/** Reads a whole stream into one array (for the command line and the tests). */
export async function readAllBytes(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.length;
  }
  const out = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
