import { createVersionedCache } from "@/lib/server/versioned-cache";

/** A loader that counts its calls and returns `value-<n>`. */
function counter() {
  let calls = 0;
  return {
    load: async () => `value-${++calls}`,
    calls: () => calls,
  };
}

describe("createVersionedCache", () => {
  const db = {};

  it("loads once per key and version, and again when the version moves", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4 });
    const { load, calls } = counter();
    expect(await cache.get(db, "a", 1n, load)).toBe("value-1");
    expect(await cache.get(db, "a", 1n, load)).toBe("value-1");
    expect(calls()).toBe(1);
    expect(await cache.get(db, "a", 2n, load)).toBe("value-2");
    expect(await cache.get(db, "a", 2n, load)).toBe("value-2");
    expect(calls()).toBe(2);
  });

  it("keeps keys and databases apart", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4 });
    const { load, calls } = counter();
    const other = {};
    await cache.get(db, "a", 1n, load);
    await cache.get(db, "b", 1n, load);
    await cache.get(other, "a", 1n, load);
    expect(calls()).toBe(3);
    expect(await cache.get(other, "a", 1n, load)).toBe("value-3");
  });

  it("shares one load between concurrent misses", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4 });
    const { load, calls } = counter();
    const values = await Promise.all([1, 2, 3].map(() => cache.get(db, "a", 1n, load)));
    expect(values).toEqual(["value-1", "value-1", "value-1"]);
    expect(calls()).toBe(1);
  });

  it("does not keep a failed load", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4 });
    await expect(cache.get(db, "a", 1n, () => Promise.reject(new Error("database down")))).rejects.toThrow(
      "database down",
    );
    expect(await cache.get(db, "a", 1n, async () => "recovered")).toBe("recovered");
  });

  it("serves but does not keep a value that fails keepIf", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4, keepIf: (v) => v.length < 8 });
    let calls = 0;
    const load = async () => (++calls === 1 ? "a large value" : "small");
    expect(await cache.get(db, "a", 1n, load)).toBe("a large value");
    expect(await cache.get(db, "a", 1n, load)).toBe("small");
    expect(await cache.get(db, "a", 1n, load)).toBe("small");
    expect(calls).toBe(2);
  });

  it("drops the least recently used entry beyond its bound", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 2 });
    const { load, calls } = counter();
    await cache.get(db, "a", 1n, load); // value-1
    await cache.get(db, "b", 1n, load); // value-2
    await cache.get(db, "a", 1n, load); // hit: "a" is now the most recent
    await cache.get(db, "c", 1n, load); // value-3, drops "b"
    expect(calls()).toBe(3);
    expect(await cache.get(db, "a", 1n, load)).toBe("value-1");
    expect(await cache.get(db, "b", 1n, load)).toBe("value-4");
  });

  it("serves a request that read an older version fresh, without replacing the newer entry", async () => {
    const cache = createVersionedCache<string>({ maxEntries: 4 });
    const { load, calls } = counter();
    await cache.get(db, "a", 5n, load); // value-1 at version 5
    expect(await cache.get(db, "a", 4n, load)).toBe("value-2");
    expect(await cache.get(db, "a", 5n, load)).toBe("value-1");
    expect(calls()).toBe(2);
  });

  it("refuses a bound that is not a positive integer", () => {
    expect(() => createVersionedCache({ maxEntries: 0 })).toThrow("maxEntries");
    expect(() => createVersionedCache({ maxEntries: 1.5 })).toThrow("maxEntries");
  });
});
