/**
 * Malformed inputs against every write route, generated with fast-check: random JSON values, valid payloads with
 * one field broken (wrong type, out of range, unknown id, oversized, unknown field), and bodies that are not JSON.
 * Each request carries a valid token, so validation (not authentication) is what is tested. A 5xx answer, or any
 * change to the database, is a violation.
 */
import fc from "fast-check";

export type TBadRequest = { route: string; method: string; path: string; body: string; contentType: string };

const kindOf = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * Variants that are malformed by construction (so any 2xx answer is a real violation): a field replaced by a
 * value of another type, a required field dropped, an unknown field added (the write schemas are strict), a random
 * JSON value, or a body that is not JSON at all.
 */
function brokenVariants(valid: Record<string, unknown>, required: string[], strict: boolean): fc.Arbitrary<string> {
  const keys = Object.keys(valid);
  const replaceOne = fc.constantFrom(...keys).chain((key) =>
    fc
      .anything({ withNullPrototype: false })
      .filter((value) => value !== undefined && kindOf(value) !== kindOf(valid[key]))
      .map((value) => JSON.stringify({ ...valid, [key]: value })),
  );
  const dropOne = fc.constantFrom(...required).map((key) => {
    const copy = { ...valid };
    delete copy[key];
    return JSON.stringify(copy);
  });
  const extraField = fc
    .string({ minLength: 1, maxLength: 12 })
    .filter((k) => !(k in valid) && k !== "__proto__")
    .map((k) => JSON.stringify({ ...valid, [k]: 1 }));
  const randomJson = fc
    .jsonValue()
    .filter((v) => kindOf(v) !== "object" || required.some((k) => !(k in (v as object))))
    .map((v) => JSON.stringify(v));
  const notJson = fc.oneof(
    fc.string().filter((t) => {
      try {
        JSON.parse(t);
        return false;
      } catch {
        return true;
      }
    }),
    fc.constantFrom("{", '{"a":', "[]]", "\u0000\u0001", "null null"),
  );
  return strict
    ? fc.oneof(replaceOne, replaceOne, dropOne, extraField, randomJson, notJson)
    : fc.oneof(replaceOne, replaceOne, dropOne, randomJson, notJson);
}

export type TWriteTarget = {
  route: string;
  method: string;
  path: string;
  /** A payload the route accepts; every generated request breaks it. */
  valid: Record<string, unknown>;
  required: string[];
  /** Whether the route refuses unknown fields (then an added field is malformed too). */
  strict: boolean;
};

/** `count` malformed requests spread over the targets, reproducible from `seed`. */
export function generateBadRequests(targets: TWriteTarget[], count: number, seed = 20261129): TBadRequest[] {
  const perTarget = Math.ceil(count / targets.length);
  return targets.flatMap((t) =>
    fc.sample(brokenVariants(t.valid, t.required, t.strict), { numRuns: perTarget, seed }).map((body) => ({
      route: t.route,
      method: t.method,
      path: t.path,
      body,
      contentType: "application/json",
    })),
  );
}
