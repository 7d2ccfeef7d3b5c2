/** The shipped reference files, read raw (as a researcher would download them), for tests to compare against. */
import fs from "node:fs";
import path from "node:path";

const dir = path.resolve(__dirname, "..", "..", "prisma", "seed", "data");

export function readReferenceJson<T = unknown>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8")) as T;
}

export function readRawReference() {
  return {
    documents: readReferenceJson("documents"),
    parties: readReferenceJson("parties"),
    dimensions: readReferenceJson("dimensions"),
    positions: readReferenceJson("positions"),
    codings: readReferenceJson("codings"),
  };
}
