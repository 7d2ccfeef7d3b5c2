/**
 * The citable, machine-readable form of a table: `{ title, lang, meta, columns, rows }`, described by
 * `EXPORT_TABLE_JSON_SCHEMA` so a dataset user can validate what they downloaded. Rows are normalised (every column
 * key present, in column order, `null` for an empty cell) and every column states its kind, so a reader needs no
 * defaults. Fills are presentation and are left out; the values they colour are in the cells.
 */
import type { TLang } from "../localize";
import { assertExportTable, getCell, type TExportCell, type TExportColumnKind, type TExportTable } from "./table";

export type TExportJson = {
  title: string;
  lang: TLang;
  meta: { key?: string; label: string; value: string }[];
  columns: { key: string; label: string; kind: TExportColumnKind }[];
  rows: Record<string, TExportCell>[];
};

/** JSON Schema (draft-07) of `toJson`'s output. Bump `$id`'s version when the shape changes incompatibly. */
export const EXPORT_TABLE_JSON_SCHEMA = {
  $schema: "http://json-schema.org/draft-07/schema#",
  $id: "urn:redlines:export-table:1",
  title: "Redlines export table",
  type: "object",
  additionalProperties: false,
  required: ["title", "lang", "meta", "columns", "rows"],
  properties: {
    title: { type: "string" },
    lang: { enum: ["en", "ja"] },
    meta: {
      description: "What the file is: document, filters, dataset release, export time, how to cite.",
      type: "array",
      items: {
        type: "object",
        additionalProperties: false,
        required: ["label", "value"],
        properties: {
          key: { type: "string", minLength: 1 },
          label: { type: "string" },
          value: { type: "string" },
        },
      },
    },
    columns: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["key", "label", "kind"],
        properties: {
          key: { type: "string", minLength: 1 },
          label: { type: "string" },
          kind: { enum: ["text", "number", "score"] },
        },
      },
    },
    rows: {
      type: "array",
      items: {
        type: "object",
        // anyOf rather than a type list, so Ajv's strict mode (strictTypes) accepts the schema as it is.
        additionalProperties: { anyOf: [{ type: "string" }, { type: "number" }, { type: "null" }] },
      },
    },
  },
} as const;

export function toJsonValue(table: TExportTable): TExportJson {
  assertExportTable(table);
  return {
    title: table.title,
    lang: table.lang,
    meta: table.meta.map((m) =>
      m.key === undefined ? { label: m.label, value: m.value } : { key: m.key, label: m.label, value: m.value },
    ),
    columns: table.columns.map((c) => ({ key: c.key, label: c.label, kind: c.kind ?? "text" })),
    rows: table.rows.map((row) => Object.fromEntries(table.columns.map((c) => [c.key, getCell(row, c.key)]))),
  };
}

/** The JSON text of `toJsonValue`, indented for people who open it, with a final newline. */
export function toJson(table: TExportTable): string {
  return `${JSON.stringify(toJsonValue(table), null, 2)}\n`;
}
