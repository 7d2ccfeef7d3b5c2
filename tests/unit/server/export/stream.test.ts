import { readAllBytes, streamText, streamZip } from "@/lib/server/export/stream";
import { readZip } from "../../domain/export/readers";

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const reader = stream.getReader();
  const out: Uint8Array[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(value);
  }
}

describe("streamText", () => {
  it("encodes the pieces as UTF-8 in batches, the whole text in order", async () => {
    const pieces = Array.from({ length: 5000 }, (_, i) => `row ${i},領土,"a ""b"""\r\n`);
    const chunks = await chunksOf(streamText(pieces));
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).toString("utf8")).toBe(pieces.join(""));
  });

  it("produces nothing for no pieces, and one chunk for a short text", async () => {
    expect(await chunksOf(streamText([]))).toEqual([]);
    expect(await chunksOf(streamText(["a", "b"]))).toEqual([new TextEncoder().encode("ab")]);
  });

  it("pulls the pieces only as the reader reads", async () => {
    let produced = 0;
    function* pieces() {
      for (let i = 0; i < 100_000; i++) {
        produced++;
        yield "x".repeat(100);
      }
    }
    const reader = streamText(pieces()).getReader();
    await reader.read();
    expect(produced).toBeLessThan(100_000);
    await reader.cancel();
  });
});

describe("streamZip", () => {
  const entries = [
    { path: "datapackage.json", chunks: () => ['{"name":"redlines"}\n'] },
    { path: "data/big.csv", chunks: () => Array.from({ length: 20_000 }, (_, i) => `${i},ウクライナ\r\n`) },
    { path: "empty.txt", chunks: () => [] },
  ];
  const mtime = new Date("2026-03-14T09:30:00Z");

  it("writes a zip JSZip reads back file by file", async () => {
    const files = await readZip(await readAllBytes(streamZip(entries, mtime)));
    expect(Object.keys(files).sort()).toEqual(["data/big.csv", "datapackage.json", "empty.txt"]);
    expect(files["datapackage.json"]).toBe('{"name":"redlines"}\n');
    expect(files["data/big.csv"]).toBe(entries[1].chunks().join(""));
    expect(files["empty.txt"]).toBe("");
  });

  it("deflates at the level asked, the files unchanged", async () => {
    const fast = await readAllBytes(streamZip(entries, mtime, { level: 1 }));
    const small = await readAllBytes(streamZip(entries, mtime, { level: 9 }));
    expect(Buffer.from(fast).equals(Buffer.from(small))).toBe(false);
    expect(await readZip(fast)).toEqual(await readZip(small));
  });

  it("gives the same bytes for the same files and time", async () => {
    const a = await readAllBytes(streamZip(entries, mtime));
    const b = await readAllBytes(streamZip(entries, mtime));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
