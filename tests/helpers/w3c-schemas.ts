/**
 * The W3C Web Annotation test schemas (web-platform-tests `annotation-model`, copied unchanged into
 * tests/fixtures/w3c-annotation-model; see its README.md and LICENSE.md), loaded into ajv for the export tests.
 *
 * The files are JSON Schema draft-04, which ajv 8 does not read as is, so each is translated in memory (the
 * files stay untouched): `$schema` is dropped (ajv has no draft-04 meta-schema), the root `id` becomes `$id`,
 * draft-04's boolean `exclusiveMinimum` becomes draft-06's number, and the siblings of every `$ref` are dropped,
 * since draft-04 ignores them where ajv would apply them (the README's "Quirks" lists the schemas concerned).
 * Definitions are registered under their bare file-name ids ("annotations.json", ...), which is how the
 * assertions' relative `$ref`s find them, as in the wpt harness.
 */
import fs from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const W3C_SCHEMA_DIR = path.join(__dirname, "..", "fixtures", "w3c-annotation-model");

type TJsonObject = { [key: string]: unknown };

export type TW3cAssertion = {
  /** File name in annotations/, e.g. "3.1-annotationContextValidated.json". */
  file: string;
  assertionType: "must" | "should" | "may";
  expectedResult: "valid" | "invalid";
  errorMessage: string;
  validate: ValidateFunction;
};

export type TW3cSchemas = {
  /** Every assertion file that declares an id (the two legacy files without one are left out, as wpt does). */
  assertions: TW3cAssertion[];
  /** Compiles a reference into the definitions, e.g. "collections.json#/definitions/totalFound". */
  compileDefinition: (ref: string) => ValidateFunction;
};

function readJson(file: string): TJsonObject {
  return JSON.parse(fs.readFileSync(file, "utf8")) as TJsonObject;
}

function toDraft07(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toDraft07);
  if (node === null || typeof node !== "object") return node;
  if (typeof (node as TJsonObject).$ref === "string") return { $ref: (node as TJsonObject).$ref };
  const out: TJsonObject = {};
  for (const [key, value] of Object.entries(node as TJsonObject)) {
    if (key === "$schema") continue;
    out[key] = toDraft07(value);
  }
  for (const [bound, limit] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof out[bound] !== "boolean") continue;
    if (out[bound] === true) out[bound] = out[limit];
    else delete out[bound];
    if (out[bound] !== undefined) delete out[limit];
  }
  return out;
}

/** The translated schema, plus the raw file for the harness fields (`assertionType`, ...) it may have dropped. */
function toSchema(file: string): { raw: TJsonObject; schema: TJsonObject } {
  const raw = readJson(file);
  const { id: _id, ...schema } = toDraft07(raw) as TJsonObject;
  return { raw, schema: typeof raw.id === "string" ? { $id: raw.id, ...schema } : schema };
}

export function loadW3cSchemas(): TW3cSchemas {
  // strict off: the harness fields (assertionType, errorMessage, ...) are not schema keywords.
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const definitionsDir = path.join(W3C_SCHEMA_DIR, "definitions");
  for (const name of fs.readdirSync(definitionsDir).sort()) {
    if (name.endsWith(".json")) ajv.addSchema(toSchema(path.join(definitionsDir, name)).schema);
  }
  const annotationsDir = path.join(W3C_SCHEMA_DIR, "annotations");
  const assertions: TW3cAssertion[] = [];
  for (const file of fs.readdirSync(annotationsDir).sort()) {
    if (!file.endsWith(".json")) continue;
    const { raw, schema } = toSchema(path.join(annotationsDir, file));
    if (typeof raw.id !== "string") continue;
    assertions.push({
      file,
      assertionType: (raw.assertionType as TW3cAssertion["assertionType"] | undefined) ?? "must",
      expectedResult: (raw.expectedResult as TW3cAssertion["expectedResult"] | undefined) ?? "valid",
      errorMessage: String(raw.errorMessage ?? file),
      validate: ajv.compile(schema),
    });
  }
  return { assertions, compileDefinition: (ref) => ajv.compile({ $ref: ref }) };
}

/** Runs one assertion as the wpt harness does: it passes when the outcome equals its expected result. */
export function checkAssertion(assertion: TW3cAssertion, document: unknown): { passed: boolean; message: string } {
  const valid = assertion.validate(document) as boolean;
  const passed = valid === (assertion.expectedResult === "valid");
  const errors = assertion.validate.errors ?? [];
  const detail = errors.map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`).join("; ");
  return { passed, message: passed ? "" : `${assertion.file}: ${assertion.errorMessage} (${detail})` };
}
