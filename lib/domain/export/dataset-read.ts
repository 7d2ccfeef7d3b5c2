/**
 * Reads a dataset package back (the restore's first half, pure): checks that `datapackage.json` is one this
 * version of Redlines wrote, reads every table's CSV with the RFC 4180 reader, types each value by its Table Schema
 * field, and checks what the database would otherwise refuse half-way: required values, allowed values, ranges,
 * unique primary keys and foreign keys that resolve. Every problem found is reported at once, each naming its file,
 * row and column; nothing is returned unless the whole package holds together.
 */
import { AppError } from "../errors";
import { isIsoDate } from "../ids";
import { readCsv, type TCsvField } from "./csv-read";
import { DATAPACKAGE_FILE, DATASET_PACKAGE_FORMAT, toTablePath } from "./datapackage";
import {
  DATASET_TABLES,
  type TDatasetDump,
  type TDatasetField,
  type TDatasetRow,
  type TDatasetTable,
  type TDatasetValue,
} from "./dataset-tables";

/** Problems listed in one error at most; the count of the rest is given. */
const MAX_PROBLEMS = 50;

const INTEGER = /^[+-]?\d+$/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export type TDatasetPackage = { releaseId: string; dump: TDatasetDump };

class Problems {
  readonly list: string[] = [];
  add(problem: string): void {
    this.list.push(problem);
  }
  throwIfAny(): void {
    if (this.list.length === 0) return;
    const shown = this.list.slice(0, MAX_PROBLEMS);
    const more = this.list.length - shown.length;
    throw new AppError(
      "BAD_REQUEST",
      `The dataset package cannot be restored:\n- ${shown.join("\n- ")}${more > 0 ? `\n- … and ${more} more` : ""}`,
    );
  }
}

type TResource = { name?: unknown; path?: unknown; schema?: { fields?: { name?: unknown }[] } };

/** `value` typed by the field, or a problem text. Null is an empty unquoted field; `""` is an empty string. */
function toValue(field: TDatasetField, cell: TCsvField): { value: TDatasetValue } | { problem: string } {
  const { value, quoted } = cell;
  if (value === "" && !quoted) {
    if (!field.required) return { value: null };
    if (field.type === "string") return { value: "" };
    return { problem: "is required" };
  }
  if (value === "" && field.type !== "string") return { problem: `is an empty text, not ${field.type}` };
  let typed: TDatasetValue;
  switch (field.type) {
    case "string":
      typed = value;
      break;
    case "integer": {
      const n = Number(value);
      if (!INTEGER.test(value) || !Number.isSafeInteger(n)) return { problem: `'${value}' is not an integer` };
      typed = n;
      break;
    }
    case "number": {
      const n = Number(value);
      if (!NUMBER.test(value) || !Number.isFinite(n)) return { problem: `'${value}' is not a number` };
      typed = n;
      break;
    }
    case "date":
      if (!isIsoDate(value)) return { problem: `'${value}' is not a date written YYYY-MM-DD` };
      typed = value;
      break;
    case "datetime": {
      const time = Date.parse(value);
      if (!DATE_TIME.test(value) || Number.isNaN(time)) return { problem: `'${value}' is not an ISO 8601 date-time` };
      typed = new Date(time);
      break;
    }
    case "object": {
      let parsed: unknown;
      try {
        parsed = JSON.parse(value);
      } catch {
        return { problem: "is not JSON" };
      }
      if (parsed === null || typeof parsed !== "object" || Array.isArray(parsed)) {
        return { problem: "is not a JSON object" };
      }
      typed = value;
      break;
    }
    default: {
      const unreachable: never = field.type;
      return unreachable;
    }
  }
  if (field.enum && !field.enum.includes(String(typed))) {
    return { problem: `'${value}' is not one of ${field.enum.join(", ")}` };
  }
  if (typeof typed === "number") {
    if (field.minimum !== undefined && typed < field.minimum) return { problem: `${typed} is below ${field.minimum}` };
    if (field.maximum !== undefined && typed > field.maximum) return { problem: `${typed} is above ${field.maximum}` };
  }
  return { value: typed };
}

function checkDescriptor(files: Readonly<Record<string, string>>, problems: Problems): void {
  const text = files[DATAPACKAGE_FILE];
  if (text === undefined) {
    problems.add(`${DATAPACKAGE_FILE} is missing: this is not a Redlines dataset package`);
    return;
  }
  let descriptor: { name?: unknown; redlinesPackageFormat?: unknown; resources?: unknown };
  try {
    descriptor = JSON.parse(text) as typeof descriptor;
  } catch (error) {
    problems.add(`${DATAPACKAGE_FILE} is not JSON (${error instanceof Error ? error.message : String(error)})`);
    return;
  }
  if (descriptor === null || typeof descriptor !== "object" || descriptor.name !== "redlines") {
    problems.add(`${DATAPACKAGE_FILE} does not describe a Redlines dataset (name must be 'redlines')`);
    return;
  }
  if (descriptor.redlinesPackageFormat !== DATASET_PACKAGE_FORMAT) {
    problems.add(
      `${DATAPACKAGE_FILE} is of package format ${String(descriptor.redlinesPackageFormat)}; ` +
        `this version of Redlines restores format ${DATASET_PACKAGE_FORMAT}`,
    );
    return;
  }
  const resources = Array.isArray(descriptor.resources) ? (descriptor.resources as TResource[]) : [];
  for (const table of DATASET_TABLES) {
    const resource = resources.find((r) => r && r.name === table.name);
    if (!resource) {
      problems.add(`${DATAPACKAGE_FILE} has no resource '${table.name}'`);
      continue;
    }
    if (resource.path !== toTablePath(table)) {
      problems.add(`resource '${table.name}' must have path '${toTablePath(table)}'`);
    }
    const names = (resource.schema?.fields ?? []).map((f) => f?.name);
    const expected = table.fields.map((f) => f.name);
    if (names.join(",") !== expected.join(",")) {
      problems.add(`resource '${table.name}' has fields ${names.join(", ")}; expected ${expected.join(", ")}`);
    }
  }
}

function readTable(table: TDatasetTable, text: string | undefined, problems: Problems): TDatasetRow[] {
  const path = toTablePath(table);
  if (text === undefined) {
    problems.add(`${path} is missing`);
    return [];
  }
  let records: TCsvField[][];
  try {
    records = readCsv(text, { name: path });
  } catch (error) {
    problems.add(error instanceof Error ? error.message : String(error));
    return [];
  }
  const expected = table.fields.map((f) => f.name);
  const header = (records[0] ?? []).map((f) => f.value);
  if (header.join(",") !== expected.join(",")) {
    problems.add(`${path}: the header is '${header.join(",")}'; expected '${expected.join(",")}'`);
    return [];
  }
  const rows: TDatasetRow[] = [];
  records.slice(1).forEach((record, index) => {
    const at = `${path}, row ${index + 1}`;
    if (record.length !== expected.length) {
      problems.add(`${at}: ${record.length} fields; expected ${expected.length}`);
      return;
    }
    const row: TDatasetRow = {};
    table.fields.forEach((field, i) => {
      const result = toValue(field, record[i]);
      if ("problem" in result) problems.add(`${at}, ${field.name}: ${result.problem}`);
      else row[field.name] = result.value;
    });
    rows.push(row);
  });
  return rows;
}

function keyOf(row: TDatasetRow, fields: readonly string[]): string {
  return JSON.stringify(fields.map((f) => row[f] ?? null));
}

function checkKeys(dump: TDatasetDump, problems: Problems): void {
  const keySets = new Map<string, Set<string>>();
  for (const table of DATASET_TABLES) {
    const seen = new Set<string>();
    (dump[table.name] ?? []).forEach((row, index) => {
      const key = keyOf(row, table.primaryKey);
      if (seen.has(key)) {
        problems.add(`${toTablePath(table)}, row ${index + 1}: ${table.primaryKey.join(", ")} ${key} is repeated`);
      }
      seen.add(key);
    });
    keySets.set(table.name, seen);
  }
  for (const table of DATASET_TABLES) {
    for (const fk of table.foreignKeys) {
      const target = keySets.get(fk.resource);
      const referenced = DATASET_TABLES.find((t) => t.name === fk.resource);
      if (!target || !referenced || referenced.primaryKey.join() !== fk.referenceField) continue;
      (dump[table.name] ?? []).forEach((row, index) => {
        const value = row[fk.field] ?? null;
        if (value === null) return;
        if (!target.has(JSON.stringify([value]))) {
          problems.add(
            `${toTablePath(table)}, row ${index + 1}, ${fk.field}: '${String(value)}' is not in ${toTablePath(referenced)}`,
          );
        }
      });
    }
  }
}

/**
 * The package's rows, typed and checked. `files` maps paths inside the zip to their UTF-8 text. Throws one
 * AppError("BAD_REQUEST") listing every problem.
 */
export function readDatasetPackage(files: Readonly<Record<string, string>>): TDatasetPackage {
  const problems = new Problems();
  checkDescriptor(files, problems);
  problems.throwIfAny();
  const dump: TDatasetDump = {};
  for (const table of DATASET_TABLES) dump[table.name] = readTable(table, files[toTablePath(table)], problems);
  problems.throwIfAny();
  checkKeys(dump, problems);
  const releases = [...(dump.releases ?? [])].map((r) => String(r.id)).sort();
  if (releases.length === 0) problems.add(`${toTablePath({ name: "releases" })} holds no release`);
  problems.throwIfAny();
  return { releaseId: releases[releases.length - 1], dump };
}
