import "server-only";

/**
 * A small in-process cache of values read from the database, each kept with the data version it was read under
 * (lib/data/data-version.ts) and used only while the database still has that version. Separate per database handle
 * (tests and benchmarks open several), least recently used entries dropped beyond `maxEntries`. Concurrent misses of
 * one key share a single load; a failed load is not kept.
 *
 * Callers must read the version before loading, and treat cached values as read-only: they are shared between
 * requests.
 */
export type TVersionedCache<V> = {
  get: (db: object, key: string, version: bigint, load: () => Promise<V>) => Promise<V>;
};

export function createVersionedCache<V>({
  maxEntries,
  keepIf,
}: {
  maxEntries: number;
  /** Values failing this are served to the requests waiting for them but not kept (e.g. too large to hold). */
  keepIf?: (value: V) => boolean;
}): TVersionedCache<V> {
  if (!Number.isInteger(maxEntries) || maxEntries < 1) throw new Error("maxEntries must be a positive integer");
  const byDb = new WeakMap<object, Map<string, { version: bigint; value: Promise<V> }>>();
  return {
    get(db, key, version, load) {
      let entries = byDb.get(db);
      if (!entries) {
        entries = new Map();
        byDb.set(db, entries);
      }
      const hit = entries.get(key);
      if (hit && hit.version === version) {
        // Most recently used goes last.
        entries.delete(key);
        entries.set(key, hit);
        return hit.value;
      }
      // A request that read the version before a newer load was cached: serve it fresh, keep the newer entry.
      if (hit && hit.version > version) return load();
      const value = load();
      const entry = { version, value };
      entries.delete(key);
      entries.set(key, entry);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      const owner = entries;
      value.then(
        (loaded) => {
          if (keepIf && !keepIf(loaded) && owner.get(key) === entry) owner.delete(key);
        },
        () => {
          if (owner.get(key) === entry) owner.delete(key);
        },
      );
      return value;
    },
  };
}
