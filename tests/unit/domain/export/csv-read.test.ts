import { parse } from "csv-parse/sync";
import fc from "fast-check";
import { readCsv } from "@/lib/domain/export/csv-read";
import { toDatasetField } from "@/lib/domain/export/datapackage";
import { AppError } from "@/lib/domain/errors";

const values = (text: string) => readCsv(text).map((r) => r.map((f) => f.value));

describe("readCsv", () => {
  it("reads quotes, commas, CRLF/LF/CR inside quoted fields and Japanese", () => {
    const text = 'a,"b, ""c""",d\r\n"line\r\none\nand\rtwo",ウクライナ,""\r\n';
    expect(values(text)).toEqual([
      ["a", 'b, "c"', "d"],
      ["line\r\none\nand\rtwo", "ウクライナ", ""],
    ]);
  });

  it("says which fields were quoted, so an empty text and a missing value stay apart", () => {
    expect(readCsv('x,,""\r\n')).toEqual([
      [
        { value: "x", quoted: false },
        { value: "", quoted: false },
        { value: "", quoted: true },
      ],
    ]);
  });

  it("skips a leading BOM, accepts LF and CR record ends and a missing final line break", () => {
    expect(values("\uFEFFa,b\nc,d\re,f")).toEqual([
      ["a", "b"],
      ["c", "d"],
      ["e", "f"],
    ]);
    expect(values("")).toEqual([]);
    expect(values("a,\r\n")).toEqual([["a", ""]]);
    expect(values("\r\n")).toEqual([[""]]);
  });

  it.each([
    ['a,"open\r\n', /line 1: a quoted field is not closed/],
    ['a,b\r\nc,"d"x\r\n', /line 2: unexpected 'x' after a closing quote/],
    ['a,b"c\r\n', /line 1: a quote inside an unquoted field/],
    ['"multi\nline",ok\r\nbad"\r\n', /line 3: a quote inside an unquoted field/],
  ])("refuses %j naming the line", (text, message) => {
    expect(() => readCsv(text, { name: "data/x.csv" })).toThrow(AppError);
    expect(() => readCsv(text, { name: "data/x.csv" })).toThrow(message);
  });

  it("reads what csv-parse reads, for any table of any text", () => {
    const field = fc.oneof(
      fc.string({ unit: "grapheme" }),
      fc.string({ unit: fc.constantFrom(",", '"', "\r", "\n", "a", " ", "領") }),
    );
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((width) =>
            fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
          ),
        fc.constantFrom("\r\n", "\n"),
        (rows, end) => {
          // One empty field alone would be a blank line, which csv-parse skips; the writers quote it.
          const text = rows
            .map((r) =>
              r.map((v) => (r.length === 1 && v === "" ? '""' : toDatasetField(v === "" ? null : v))).join(","),
            )
            .join(end);
          fc.pre(!text.startsWith("\uFEFF")); // a leading BOM is skipped by design; csv-parse keeps it unless told
          const ours = values(text);
          const theirs = parse(text, { relax_column_count: false }) as string[][];
          expect(ours).toEqual(theirs);
          expect(ours).toEqual(rows);
        },
      ),
    );
  });
});
