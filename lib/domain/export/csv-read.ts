/**
 * A strict RFC 4180 reader, for restoring the dataset package at run time (csv-parse is a development dependency
 * only; the tests hold this reader to it). Records end with CRLF, LF or CR; a field is quoted when it starts with
 * `"`, and inside quotes `""` is a quote and line breaks are data. A leading BOM is skipped.
 *
 * Each field says whether it was quoted, because the dataset package writes a null as an empty unquoted field and
 * an empty string as `""`: the only way a CSV can keep the two apart.
 *
 * Anything RFC 4180 does not allow is an error naming the line, never guessed at: a quote inside an unquoted
 * field, text after a closing quote, a quote left open at the end.
 */
import { AppError } from "../errors";

export type TCsvField = { value: string; quoted: boolean };

export type TCsvReadOptions = {
  /** Names the file in error messages, e.g. "data/clauses.csv". */
  name?: string;
};

function fail(name: string | undefined, line: number, problem: string): AppError {
  return new AppError("BAD_REQUEST", `${name ?? "CSV"}, line ${line}: ${problem}`);
}

/** Every record of the text, each a list of fields. An empty text has no record; a blank line is one empty field. */
export function readCsv(text: string, options: TCsvReadOptions = {}): TCsvField[][] {
  const records: TCsvField[][] = [];
  const input = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const length = input.length;
  let i = 0;
  let line = 1;
  if (length === 0) return records;
  let record: TCsvField[] = [];
  for (;;) {
    // At the start of a field.
    let field: TCsvField;
    if (input[i] === '"') {
      const startLine = line;
      let value = "";
      i++;
      for (;;) {
        const close = input.indexOf('"', i);
        if (close < 0) throw fail(options.name, startLine, "a quoted field is not closed");
        const chunk = input.slice(i, close);
        for (let k = 0; k < chunk.length; k++) {
          const c = chunk.charCodeAt(k);
          if (c === 10 || (c === 13 && chunk.charCodeAt(k + 1) !== 10)) line++;
        }
        value += chunk;
        if (input[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      if (i < length && input[i] !== "," && input[i] !== "\r" && input[i] !== "\n") {
        throw fail(options.name, line, `unexpected '${input[i]}' after a closing quote`);
      }
      field = { value, quoted: true };
    } else {
      let end = i;
      while (end < length) {
        const c = input[end];
        if (c === "," || c === "\r" || c === "\n") break;
        if (c === '"') throw fail(options.name, line, "a quote inside an unquoted field");
        end++;
      }
      field = { value: input.slice(i, end), quoted: false };
      i = end;
    }
    record.push(field);
    if (i >= length) {
      records.push(record);
      return records;
    }
    const c = input[i];
    if (c === ",") {
      i++;
      continue;
    }
    // A line break ends the record.
    i += c === "\r" && input[i + 1] === "\n" ? 2 : 1;
    line++;
    records.push(record);
    record = [];
    if (i >= length) return records;
  }
}
