import { defineRouting } from "next-intl/routing";

/**
 * English at the bare paths (/documents/...), Japanese under /ja (/ja/documents/...). The language is part of the
 * address, so a copied URL reproduces the view in the same language; no browser-language guessing.
 */
export const routing = defineRouting({
  locales: ["en", "ja"],
  defaultLocale: "en",
  localePrefix: "as-needed",
  localeDetection: false,
});

export type TLocale = (typeof routing.locales)[number];

export function isLocale(value: string): value is TLocale {
  return (routing.locales as readonly string[]).includes(value);
}
