import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { readDataVersion } from "@/lib/data/data-version";
import type { Db } from "@/lib/data/db";

/**
 * One read of the data version per GET request. `handle()` runs every GET inside a read scope, and each cached read
 * in it (the reading gate, the matrix, the comparison) takes the version from here rather than from the database again. A GET
 * writes nothing, so the version read at its start is a sound tag for everything it reads afterwards (at worst the
 * data is newer than its tag, and the next request reads again). Outside a scope (pages, writes, scripts) every
 * call reads the database.
 */
const scope = new AsyncLocalStorage<WeakMap<Db, Promise<bigint>>>();

export function withReadScope<T>(fn: () => Promise<T>): Promise<T> {
  return scope.run(new WeakMap(), fn);
}

export function currentDataVersion(db: Db): Promise<bigint> {
  const versions = scope.getStore();
  if (!versions) return readDataVersion(db);
  let version = versions.get(db);
  if (!version) {
    version = readDataVersion(db);
    versions.set(db, version);
  }
  return version;
}
