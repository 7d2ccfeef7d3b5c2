/**
 * A checker of Frictionless Data Package v1 descriptors, written for these tests from the published specifications
 * (https://specs.frictionlessdata.io/data-package/, tabular-data-resource/, table-schema/, csv-dialect/): the
 * structural rules as a JSON Schema run by ajv, and the rules a schema cannot state (keys name existing fields,
 * foreign keys reach existing resources and fields) in code. It returns the problems found, none for a valid one.
 */
import type Ajv from "ajv";

const NAME = "^([-a-z0-9._/])+$";
const LICENSE_NAME = "^([-a-zA-Z0-9._])+$";
/** A POSIX path inside the package (no leading `.`, `/` or `~`, no `..`), or a URL. */
const PATH = "^(?![./~])(?!.*\\.\\.).+$";
const FIELD_TYPES = [
  "string",
  "number",
  "integer",
  "boolean",
  "object",
  "array",
  "date",
  "time",
  "datetime",
  "year",
  "yearmonth",
  "duration",
  "geopoint",
  "geojson",
  "any",
];
const stringOrStrings = { anyOf: [{ type: "string" }, { type: "array", minItems: 1, items: { type: "string" } }] };

const FIELD = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    title: { type: "string" },
    description: { type: "string" },
    type: { enum: FIELD_TYPES },
    format: { type: "string" },
    constraints: {
      type: "object",
      properties: {
        required: { type: "boolean" },
        unique: { type: "boolean" },
        enum: { type: "array", minItems: 1 },
        minimum: { type: ["number", "string"] },
        maximum: { type: ["number", "string"] },
        minLength: { type: "integer" },
        maxLength: { type: "integer" },
        pattern: { type: "string" },
      },
      additionalProperties: false,
    },
  },
};

const TABLE_SCHEMA = {
  type: "object",
  required: ["fields"],
  properties: {
    fields: { type: "array", minItems: 1, items: FIELD },
    primaryKey: stringOrStrings,
    missingValues: { type: "array", items: { type: "string" } },
    foreignKeys: {
      type: "array",
      items: {
        type: "object",
        required: ["fields", "reference"],
        properties: {
          fields: stringOrStrings,
          reference: {
            type: "object",
            required: ["resource", "fields"],
            properties: { resource: { type: "string" }, fields: stringOrStrings },
          },
        },
      },
    },
  },
};

const DIALECT = {
  type: "object",
  properties: {
    delimiter: { type: "string", minLength: 1, maxLength: 1 },
    lineTerminator: { type: "string" },
    quoteChar: { type: "string", minLength: 1, maxLength: 1 },
    doubleQuote: { type: "boolean" },
    escapeChar: { type: "string" },
    nullSequence: { type: "string" },
    skipInitialSpace: { type: "boolean" },
    header: { type: "boolean" },
    commentChar: { type: "string" },
    caseSensitiveHeader: { type: "boolean" },
  },
};

const RESOURCE = {
  type: "object",
  required: ["name"],
  anyOf: [{ required: ["path"] }, { required: ["data"] }],
  properties: {
    profile: { type: "string" },
    name: { type: "string", pattern: NAME },
    path: {
      anyOf: [
        { type: "string", pattern: PATH },
        { type: "array", minItems: 1, items: { type: "string", pattern: PATH } },
      ],
    },
    title: { type: "string" },
    description: { type: "string" },
    format: { type: "string" },
    mediatype: { type: "string", pattern: "^(.+)/(.+)$" },
    encoding: { type: "string" },
    bytes: { type: "integer" },
    hash: { type: "string" },
    dialect: DIALECT,
    schema: TABLE_SCHEMA,
  },
  if: { properties: { profile: { const: "tabular-data-resource" } }, required: ["profile"] },
  then: { required: ["schema"] },
};

const PACKAGE = {
  type: "object",
  required: ["resources"],
  properties: {
    profile: { type: "string" },
    name: { type: "string", pattern: NAME },
    id: { type: "string" },
    title: { type: "string" },
    description: { type: "string" },
    homepage: { type: "string", format: "uri" },
    version: { type: "string" },
    created: { type: "string", format: "date-time" },
    keywords: { type: "array", minItems: 1, items: { type: "string" } },
    licenses: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        anyOf: [{ required: ["name"] }, { required: ["path"] }],
        properties: {
          name: { type: "string", pattern: LICENSE_NAME },
          path: { type: "string" },
          title: { type: "string" },
        },
      },
    },
    sources: { type: "array", items: { type: "object", required: ["title"] } },
    resources: { type: "array", minItems: 1, items: RESOURCE },
  },
};

type TResource = {
  name: string;
  schema?: {
    fields: { name: string }[];
    primaryKey?: string | string[];
    foreignKeys?: { fields: string | string[]; reference: { resource: string; fields: string | string[] } }[];
  };
};

const list = (value: string | string[] | undefined) =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function validateFrictionlessDescriptor(descriptor: unknown, ajv: Ajv): string[] {
  const validate = ajv.compile(PACKAGE);
  const problems: string[] = [];
  if (!validate(descriptor)) {
    for (const e of validate.errors ?? []) {
      if (e.keyword === "if") continue; // reported by the `then` that failed
      problems.push(`${e.instancePath || "/"} ${e.message ?? e.keyword}`);
    }
  }
  const resources = (descriptor as { resources?: unknown }).resources;
  if (!Array.isArray(resources)) return problems;
  return [...problems, ...checkKeys(resources as TResource[])];
}

/** The rules a JSON Schema cannot state: unique names, keys that name fields, foreign keys that resolve. */
function checkKeys(resources: readonly TResource[]): string[] {
  const problems: string[] = [];
  const names = new Set<string>();
  for (const resource of resources) {
    if (names.has(resource.name)) problems.push(`resource ${resource.name}: name repeated`);
    names.add(resource.name);
  }
  for (const resource of resources) {
    const schema = resource.schema;
    if (!schema || !Array.isArray(schema.fields)) continue;
    const fields = schema.fields.map((f) => f.name);
    if (new Set(fields).size !== fields.length) problems.push(`resource ${resource.name}: field names repeated`);
    for (const key of list(schema.primaryKey)) {
      if (!fields.includes(key)) problems.push(`resource ${resource.name}: primaryKey '${key}' is not a field`);
    }
    for (const fk of schema.foreignKeys ?? []) {
      const own = list(fk.fields);
      const theirs = list(fk.reference.fields);
      for (const f of own)
        if (!fields.includes(f)) problems.push(`resource ${resource.name}: foreign key field '${f}' is not a field`);
      const target = fk.reference.resource === "" ? resource : resources.find((r) => r.name === fk.reference.resource);
      if (!target?.schema || !Array.isArray(target.schema.fields)) {
        problems.push(`resource ${resource.name}: foreign key to unknown resource '${fk.reference.resource}'`);
        continue;
      }
      const targetFields = target.schema.fields.map((f) => f.name);
      for (const f of theirs) {
        if (!targetFields.includes(f)) problems.push(`resource ${resource.name}: foreign key to unknown field '${f}'`);
      }
      if (own.length !== theirs.length) problems.push(`resource ${resource.name}: foreign key field counts differ`);
    }
  }
  return problems;
}
