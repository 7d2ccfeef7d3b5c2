/**
 * The matrix view's state, as URL parameters. The page and its JSON twin parse the same parameters with the same
 * function, so a copied address reproduces the view exactly, and a bad value is refused naming its parameter.
 *
 * dimension=territory,nato-alliance  rows whose clause has any of these topics
 * party=ua,ru                        visible party columns (default: all, in dataset order)
 * score=-2,-1,none                   rows with at least one visible cell of these scores ("none": no stated position)
 * q=words                            full-text search over heading and text, both languages; all words must match
 * asOf=2025-11-01                    red lines and evidence as they stood that day (later statements ignored)
 * sort=order|conflict                clause order (default) or conflict load (negative cells, most first)
 * group=dimension                    rows grouped under each of their topics
 * coder=reference                    whose assessments fill the cells (default: the reference coding)
 * lang=en|ja                         language of the labels in the JSON twin (pages take it from the path)
 */
import { badParameter } from "../errors";
import { isIsoDate, isSlug } from "../ids";

export const MATRIX_SORTS = ["order", "conflict"] as const;
export const MATRIX_GROUPS = ["none", "dimension"] as const;
export const SCORE_FILTERS = ["-2", "-1", "0", "1", "2", "none"] as const;
export const MATRIX_PARAMS = ["dimension", "party", "score", "q", "asOf", "sort", "group", "coder", "lang"] as const;

export type TMatrixSort = (typeof MATRIX_SORTS)[number];
export type TMatrixGroup = (typeof MATRIX_GROUPS)[number];
export type TScoreFilter = (typeof SCORE_FILTERS)[number];

export type TMatrixQuery = {
  dimensions: string[];
  /** Visible parties in dataset order; every party when the parameter is absent. */
  parties: string[];
  scores: TScoreFilter[];
  q: string;
  asOf: string | null;
  sort: TMatrixSort;
  group: TMatrixGroup;
  coder: string;
  lang: "en" | "ja";
};

export type TMatrixVocabulary = { dimensionIds: readonly string[]; partyIds: readonly string[] };

/** Next's `searchParams` object or a URLSearchParams. */
export type TParamSource = URLSearchParams | Record<string, string | string[] | undefined>;

export const MAX_QUERY_LENGTH = 200;

function readAll(source: TParamSource, name: string): string[] {
  if (source instanceof URLSearchParams) return source.getAll(name);
  const value = source[name];
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** A list parameter: comma-separated, repeatable, deduplicated, in the vocabulary's order. */
function readList<T extends string>(source: TParamSource, name: string, allowed: readonly T[]): T[] {
  const values = readAll(source, name)
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const v of values) {
    if (!(allowed as readonly string[]).includes(v))
      throw badParameter(name, `has an unknown value '${v}' (allowed: ${allowed.join(", ")})`);
  }
  return allowed.filter((v) => values.includes(v));
}

function readOne(source: TParamSource, name: string): string | null {
  const values = readAll(source, name);
  if (values.length > 1) throw badParameter(name, "is given more than once");
  return values.length ? values[0] : null;
}

function readChoice<T extends string>(source: TParamSource, name: string, choices: readonly T[], fallback: T): T {
  const value = readOne(source, name);
  if (value === null || value === "") return fallback;
  if (!(choices as readonly string[]).includes(value)) {
    throw badParameter(name, `must be one of ${choices.join(", ")} (got '${value}')`);
  }
  return value as T;
}

/**
 * Parses and validates the view state. Unknown parameters are refused when `strict` (the JSON twin); pages pass
 * `strict: false` so that unrelated parameters (e.g. a tracking tag) do not break a shared link.
 */
export function parseMatrixQuery(source: TParamSource, vocabulary: TMatrixVocabulary, strict = true): TMatrixQuery {
  if (strict) {
    const keys = source instanceof URLSearchParams ? [...source.keys()] : Object.keys(source);
    for (const key of keys) {
      if (!(MATRIX_PARAMS as readonly string[]).includes(key)) {
        throw badParameter(key, `is not a parameter of the matrix (allowed: ${MATRIX_PARAMS.join(", ")})`);
      }
    }
  }
  const q = (readOne(source, "q") ?? "").trim();
  if (q.length > MAX_QUERY_LENGTH) throw badParameter("q", `is longer than ${MAX_QUERY_LENGTH} characters`);
  const asOf = readOne(source, "asOf");
  if (asOf !== null && asOf !== "" && !isIsoDate(asOf))
    throw badParameter("asOf", `must be a date written YYYY-MM-DD (got '${asOf}')`);
  const coder = readOne(source, "coder") ?? "reference";
  if (!isSlug(coder)) throw badParameter("coder", "must be a coder id");
  const parties = readList(source, "party", vocabulary.partyIds);
  return {
    dimensions: readList(source, "dimension", vocabulary.dimensionIds),
    parties: parties.length ? parties : [...vocabulary.partyIds],
    scores: readList(source, "score", SCORE_FILTERS),
    q,
    asOf: asOf || null,
    sort: readChoice(source, "sort", MATRIX_SORTS, "order"),
    group: readChoice(source, "group", MATRIX_GROUPS, "none"),
    coder,
    lang: readChoice(source, "lang", ["en", "ja"] as const, "en"),
  };
}

/**
 * The canonical parameters of a view: defaults left out, lists in vocabulary order. Parsing the result gives back
 * the same query, which is what makes a view's address a permalink.
 */
export function toMatrixSearchParams(
  query: TMatrixQuery,
  vocabulary: TMatrixVocabulary,
  { includeLang = false }: { includeLang?: boolean } = {},
): URLSearchParams {
  const params = new URLSearchParams();
  if (query.dimensions.length) params.set("dimension", query.dimensions.join(","));
  const allParties = query.parties.length === vocabulary.partyIds.length;
  if (!allParties) params.set("party", query.parties.join(","));
  if (query.scores.length) params.set("score", query.scores.join(","));
  if (query.q) params.set("q", query.q);
  if (query.asOf) params.set("asOf", query.asOf);
  if (query.sort !== "order") params.set("sort", query.sort);
  if (query.group !== "none") params.set("group", query.group);
  if (query.coder !== "reference") params.set("coder", query.coder);
  if (includeLang && query.lang !== "en") params.set("lang", query.lang);
  return params;
}
