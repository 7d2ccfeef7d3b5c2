/**
 * The citable dataset as a Frictionless Data Package (v1, https://specs.frictionlessdata.io/data-package/):
 * `datapackage.json` (name, title, version = the release id, created, licence, one tabular resource per table with
 * its Table Schema: fields with types and constraints, primary key, foreign keys), one CSV per table under `data/`,
 * `annotations.jsonld` (the shared annotations as a W3C AnnotationCollection) and `README.md` (what is in it, the
 * codebook in both languages, how to cite, how to restore).
 *
 * The CSVs are RFC 4180 in UTF-8 without BOM, CRLF line ends, a header row of field names. Values: integers and
 * numbers in their shortest round-trip decimal form, dates YYYY-MM-DD, date-times ISO 8601 UTC with milliseconds.
 * Null is an empty unquoted field (Table Schema's default missing value); an empty string is written `""` so
 * Redlines' restore can tell the two apart (readers that cannot will see both as missing).
 */
import { SCALE } from "../scale";
import { ALIGNMENT_RELATIONS, POSITION_KIND_LABELS, POSITION_KINDS } from "../vocabulary";
import {
  DATASET_TABLES,
  sortDatasetRows,
  sortRowsByKeys,
  type TDatasetDump,
  type TDatasetRow,
  type TDatasetTable,
  type TDatasetValue,
} from "./dataset-tables";
import { CITATION_TITLE } from "./labels";

/** Bumped when the package's tables or fields change shape; the restore refuses other versions. */
export const DATASET_PACKAGE_FORMAT = 1;
export const DATAPACKAGE_FILE = "datapackage.json";
export const README_FILE = "README.md";
export const ANNOTATIONS_FILE = "annotations.jsonld";

/**
 * The licence the package states: the repository's own (package.json `license`), under which the shipped dataset
 * is distributed with the code. Change it here if the project licenses its data separately.
 */
export const DATASET_LICENSE = { name: "MIT", path: "https://opensource.org/licenses/MIT", title: "MIT License" };

export const CSV_DIALECT = {
  delimiter: ",",
  lineTerminator: "\r\n",
  quoteChar: '"',
  doubleQuote: true,
  skipInitialSpace: false,
  header: true,
} as const;

export const toTablePath = (table: Pick<TDatasetTable, "name">) => `data/${table.name}.csv`;

export type TDatapackageOptions = {
  /** The dataset's version: the newest applied release. */
  releaseId: string;
  /** ISO 8601 date-time of the export. */
  exportedAt: string;
  /** Absolute origin of the site the package came from. */
  baseUrl: string;
};

function toSchema(table: TDatasetTable) {
  return {
    fields: table.fields.map((f) => ({
      name: f.name,
      type: f.type,
      format: "default",
      description: f.description,
      constraints: {
        required: f.required,
        ...(table.primaryKey.length === 1 && table.primaryKey[0] === f.name ? { unique: true } : {}),
        ...(f.enum ? { enum: [...f.enum] } : {}),
        ...(f.minimum !== undefined ? { minimum: f.minimum } : {}),
        ...(f.maximum !== undefined ? { maximum: f.maximum } : {}),
      },
    })),
    missingValues: [""],
    primaryKey: table.primaryKey.length === 1 ? table.primaryKey[0] : [...table.primaryKey],
    foreignKeys: table.foreignKeys.map((k) => ({
      fields: k.field,
      reference: { resource: k.resource, fields: k.referenceField },
    })),
  };
}

export function toCitation(releaseId: string, url: string): string {
  return `${CITATION_TITLE.en}. Dataset release ${releaseId}. ${url}`;
}

/** datapackage.json as an object (JSON.stringify it with a final newline). */
export function toDatapackageDescriptor(options: TDatapackageOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    profile: "data-package",
    name: "redlines",
    title: CITATION_TITLE.en,
    description:
      "Every reported version of the 2025 peace plan for the Russia–Ukraine war, clause by clause, with the dated, " +
      "sourced positions of Ukraine, Russia, the United States, the European states and NATO, and a coding of each " +
      "clause against each party's positions. Texts are Redlines' own summaries, in English and Japanese. " +
      "See README.md for the codebook and how to cite.",
    version: options.releaseId,
    created: options.exportedAt,
    homepage: base,
    keywords: ["Russia", "Ukraine", "peace plan", "negotiation", "red lines", "clause alignment", "codebook"],
    licenses: [DATASET_LICENSE],
    sources: [{ title: "Redlines", path: base }],
    citation: toCitation(options.releaseId, `${base}/api/dataset/export`),
    redlinesPackageFormat: DATASET_PACKAGE_FORMAT,
    resources: [
      ...DATASET_TABLES.map((table) => ({
        profile: "tabular-data-resource",
        name: table.name,
        path: toTablePath(table),
        title: table.title,
        description: table.description,
        format: "csv",
        mediatype: "text/csv",
        encoding: "utf-8",
        dialect: CSV_DIALECT,
        schema: toSchema(table),
      })),
      {
        profile: "data-resource",
        name: "annotations",
        path: ANNOTATIONS_FILE,
        title: "Annotations",
        description:
          "Researchers' shared notes on clause texts, as a W3C Web Annotation AnnotationCollection (JSON-LD). Not read back by the restore.",
        format: "jsonld",
        mediatype: "application/ld+json",
        encoding: "utf-8",
      },
    ],
  };
}

/** One CSV field as the package writes it (see the module comment for null and the empty string). */
export function toDatasetField(value: TDatasetValue): string {
  if (value === null) return "";
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "number") return String(value);
  if (value === "") return '""';
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A table's CSV, one record at a time (header first), rows in primary-key order. */
export function* toDatasetCsvChunks(table: TDatasetTable, rows: readonly TDatasetRow[]): Generator<string> {
  yield `${table.fields.map((f) => f.name).join(",")}\r\n`;
  for (const row of sortDatasetRows(table, rows)) {
    yield `${table.fields.map((f) => toDatasetField(row[f.name] ?? null)).join(",")}\r\n`;
  }
}

export function countDatasetDump(dump: TDatasetDump): Record<string, number> {
  return Object.fromEntries(DATASET_TABLES.map((t) => [t.name, dump[t.name]?.length ?? 0]));
}

/**
 * Text for a README table cell, escaped lightly so the file stays readable as plain text: only what could break
 * the table or turn into markup (backslash, pipe, asterisk, underscore, backtick, brackets, less-than, ampersand)
 * is escaped; line breaks become `<br>`.
 */
const cell = (text: string | null | undefined) =>
  (text ?? "").replace(/[\\|*_`[\]<&]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, "<br>");
const row = (cells: string[]) => `| ${cells.join(" | ")} |`;

/**
 * README.md: what the package is, how to cite it, the files with their row counts, the codebook (dimensions, the
 * assessment scale, kinds of position, alignment relations, in English and Japanese), every table's columns, and
 * how to load it back.
 */
export function toDatasetReadme(dump: TDatasetDump, options: TDatapackageOptions & { annotations: number }): string {
  const base = options.baseUrl.replace(/\/+$/, "");
  const counts = countDatasetDump(dump);
  const dimensions = sortRowsByKeys(dump.dimensions ?? [], ["ordinal"]);
  const text = (v: TDatasetValue | undefined) => (v === null || v === undefined ? "" : String(v));
  const lines: string[] = [
    `# ${CITATION_TITLE.en}`,
    "",
    `${CITATION_TITLE.ja}`,
    "",
    `Dataset release **${options.releaseId}**, exported ${options.exportedAt} from ${base}.`,
    "",
    "Every reported version of the 2025 peace plan for the Russia–Ukraine war, clause by clause, with the dated and",
    "sourced positions of each party and a coding of each clause against them. Clause texts and statements are",
    "Redlines' own summaries of the reported wording (English, with Japanese translations), not quotations; every",
    "record names its sources.",
    "",
    "## How to cite",
    "",
    toCitation(options.releaseId, `${base}/api/dataset/export`),
    "",
    "Name the release: records can change between releases, and each release is kept in `releases.csv`.",
    "",
    "## Files",
    "",
    row(["File", "Rows", "What"]),
    row(["---", "---:", "---"]),
    ...DATASET_TABLES.map((t) => row([`\`${toTablePath(t)}\``, String(counts[t.name]), cell(t.description)])),
    row([`\`${ANNOTATIONS_FILE}\``, String(options.annotations), "Shared annotations, W3C Web Annotation JSON-LD"]),
    row([`\`${DATAPACKAGE_FILE}\``, "", "Frictionless Data Package descriptor: table schemas, keys, licence"]),
    "",
    "CSV: RFC 4180, UTF-8 without BOM, CRLF, a header row of field names. Dates are `YYYY-MM-DD`, date-times ISO 8601",
    'in UTC. An empty field is a missing value (null); `""` is an empty text. Japanese columns end in `Ja` and are',
    "empty where no translation exists yet.",
    "",
    "## Codebook",
    "",
    "### Dimensions",
    "",
    row(["Id", "Label", "ラベル", "Description", "説明"]),
    row(["---", "---", "---", "---", "---"]),
    ...dimensions.map((d) =>
      row([
        `\`${text(d.id)}\``,
        cell(text(d.label)),
        cell(text(d.labelJa)),
        cell(text(d.description)),
        cell(text(d.descriptionJa)),
      ]),
    ),
    "",
    "### Assessment scale (`assessments.score`)",
    "",
    row(["Score", "Label", "ラベル", "Description", "説明"]),
    row(["---:", "---", "---", "---", "---"]),
    ...SCALE.map((level) =>
      row([
        level.score === null ? "(empty)" : String(level.score),
        cell(level.label),
        cell(level.labelJa),
        cell(level.description),
        cell(level.descriptionJa),
      ]),
    ),
    "",
    "### Kinds of position (`positions.kind`)",
    "",
    row(["Kind", "Label", "ラベル"]),
    row(["---", "---", "---"]),
    ...POSITION_KINDS.map((k) =>
      row([`\`${k}\``, cell(POSITION_KIND_LABELS[k].label), cell(POSITION_KIND_LABELS[k].labelJa)]),
    ),
    "",
    "### Alignment relations (`alignments.relation`)",
    "",
    ALIGNMENT_RELATIONS.map((r) => `\`${r}\``).join(", "),
    "",
    "## Tables",
    "",
  ];
  for (const table of DATASET_TABLES) {
    lines.push(`### \`${toTablePath(table)}\`: ${cell(table.title)}`, "", cell(table.description), "");
    lines.push(`Primary key: ${table.primaryKey.map((k) => `\`${k}\``).join(", ")}.`, "");
    lines.push(row(["Column", "Type", "Required", "Description"]), row(["---", "---", "---", "---"]));
    for (const f of table.fields) {
      const allowed = f.enum ? ` One of: ${f.enum.join(", ")}.` : "";
      lines.push(row([`\`${f.name}\``, f.type, f.required ? "yes" : "no", cell(f.description + allowed)]));
    }
    lines.push("");
  }
  lines.push(
    "## Loading it back",
    "",
    "Into an empty, migrated Redlines database: `npm run dataset:restore -- <this file>.zip`. The restore checks",
    "every file against `datapackage.json` and writes nothing unless all of it holds together. Any Frictionless",
    "tool (frictionless-py, R's frictionless) reads the tables with their types and keys.",
    "",
  );
  return lines.join("\n");
}
