import "server-only";
import { badParameter } from "@/lib/domain/errors";
import { isClauseNumber, isSlug } from "@/lib/domain/ids";

/** Checks a route id before it reaches the database: a malformed id is a 400, an unknown one a 404. */
export function requireSlug(name: string, value: string): string {
  if (!isSlug(value)) throw badParameter(name, "must be a lowercase id of letters, digits and hyphens");
  return value;
}

export function requireClauseNumber(name: string, value: string): string {
  if (!isClauseNumber(value)) throw badParameter(name, "must be a clause label of letters, digits, '.' and '-'");
  return value;
}

/** Rejects query parameters a route does not take, so that a typo is an error rather than a silent no-op. */
export function allowOnlyParams(url: URL, allowed: readonly string[]): void {
  for (const key of url.searchParams.keys()) {
    if (!allowed.includes(key))
      throw badParameter(key, `is not a parameter of this route (allowed: ${allowed.join(", ") || "none"})`);
  }
}

/** The JSON twins' `lang` parameter: en (default) or ja. */
export function readLang(url: URL): "en" | "ja" {
  const lang = url.searchParams.get("lang") ?? "en";
  if (lang !== "en" && lang !== "ja") throw badParameter("lang", `must be en or ja (got '${lang}')`);
  return lang;
}
