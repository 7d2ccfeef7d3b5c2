import { CATALOGUE_FILES, getMessages } from "@/messages";

type TTree = { [key: string]: string | TTree };

function leaves(tree: TTree, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

describe("interface catalogues", () => {
  const catalogues = { en: leaves(getMessages("en") as TTree), ja: leaves(getMessages("ja") as TTree) };

  it("have the same keys in English and Japanese", () => {
    expect([...catalogues.ja.keys()].sort()).toEqual([...catalogues.en.keys()].sort());
    expect(catalogues.en.size).toBeGreaterThan(100);
  });

  it.each(Object.keys(catalogues) as (keyof typeof catalogues)[])("has no empty string in %s", (locale) => {
    const empty = [...catalogues[locale]].filter(([, v]) => v.trim() === "").map(([k]) => k);
    expect(empty).toEqual([]);
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
    const differing = [...catalogues.en].filter(
      ([k, v]) => placeholders(v).join() !== placeholders(catalogues.ja.get(k) ?? "").join(),
    );
    expect(differing.map(([k]) => k)).toEqual([]);
  });

  it.each(["en", "ja"] as const)("keeps each namespace in one file (%s)", (locale) => {
    const owners = new Map<string, string[]>();
    for (const [file, catalogue] of Object.entries(CATALOGUE_FILES[locale])) {
      for (const namespace of Object.keys(catalogue)) owners.set(namespace, [...(owners.get(namespace) ?? []), file]);
    }
    expect([...owners].filter(([, files]) => files.length > 1)).toEqual([]);
  });

  it("puts every file's namespaces in both languages", () => {
    for (const file of Object.keys(CATALOGUE_FILES.en)) {
      expect(Object.keys(CATALOGUE_FILES.ja[file]).sort()).toEqual(Object.keys(CATALOGUE_FILES.en[file]).sort());
    }
  });
});
