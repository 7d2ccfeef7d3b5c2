import en from "@/messages/en.json";
import ja from "@/messages/ja.json";

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
  const catalogues = { en: leaves(en as TTree), ja: leaves(ja as TTree) };

  it("have the same keys in English and Japanese", () => {
    expect([...catalogues.ja.keys()].sort()).toEqual([...catalogues.en.keys()].sort());
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
});
