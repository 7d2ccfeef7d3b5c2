/**
 * Picks the text of a bilingual field for the reader's language. Japanese readers get the Japanese twin when the
 * dataset has one; otherwise the English text, flagged so the interface can mark it as untranslated.
 */
export type TLang = "en" | "ja";

export type TLocalized = { text: string; lang: TLang; fallback: boolean };

export function localize(lang: TLang, en: string, ja: string | null | undefined): TLocalized {
  if (lang === "ja" && ja && ja.trim() !== "") return { text: ja, lang: "ja", fallback: false };
  return { text: en, lang: "en", fallback: lang === "ja" };
}

/** Same as localize for an optional field: null stays null. */
export function localizeOptional(lang: TLang, en: string | null, ja: string | null | undefined): TLocalized | null {
  return en === null || en.trim() === ""
    ? ja
      ? { text: ja, lang: "ja", fallback: lang !== "ja" }
      : null
    : localize(lang, en, ja);
}

type TJson = null | boolean | number | string | TJson[] | { [key: string]: TJson };

/**
 * For the JSON twins' `lang` parameter: a deep copy in which every object holding a bilingual pair (`field` and
 * `fieldJa`) also carries `localized.field`, the text in the requested language with its fallback flag. The raw
 * fields stay, so clients can always read both languages.
 */
export function withLocalizedFields<T>(value: T, lang: TLang): T {
  const walk = (node: TJson): TJson => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== "object") return node;
    const out: { [key: string]: TJson } = {};
    const localized: { [key: string]: TJson } = {};
    for (const [key, child] of Object.entries(node)) {
      out[key] = walk(child);
      const twin = node[`${key}Ja`];
      if (!key.endsWith("Ja") && typeof child === "string" && (typeof twin === "string" || twin === null)) {
        localized[key] = localize(lang, child, twin);
      }
    }
    if (Object.keys(localized).length > 0) out.localized = localized;
    return out;
  };
  return walk(JSON.parse(JSON.stringify(value)) as TJson) as T;
}
