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
