import { parseMatrixQuery, toMatrixSearchParams } from "@/lib/domain/matrix/query";
import { AppError } from "@/lib/domain/errors";

const vocabulary = { dimensionIds: ["sovereignty", "territory", "nato-alliance"], partyIds: ["ua", "ru", "us"] };

function parse(search: string, strict = true) {
  return parseMatrixQuery(new URLSearchParams(search), vocabulary, strict);
}

function expectBadParameter(search: string, parameter: string) {
  try {
    parse(search);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("BAD_REQUEST");
    expect((error as AppError).fieldErrors).toHaveProperty(parameter);
    expect((error as AppError).message).toContain(`'${parameter}'`);
    return;
  }
  throw new Error(`expected '${search}' to be refused`);
}

describe("parseMatrixQuery", () => {
  it("gives the default view for no parameters", () => {
    expect(parse("")).toEqual({
      dimensions: [],
      parties: ["ua", "ru", "us"],
      scores: [],
      q: "",
      asOf: null,
      sort: "order",
      group: "none",
      coder: "reference",
      lang: "en",
    });
  });

  it("reads comma-separated and repeated lists, in vocabulary order, without duplicates", () => {
    const query = parse("dimension=territory,sovereignty&dimension=territory&party=us&party=ua&score=-2,none");
    expect(query.dimensions).toEqual(["sovereignty", "territory"]);
    expect(query.parties).toEqual(["ua", "us"]);
    expect(query.scores).toEqual(["-2", "none"]);
  });

  it.each([
    ["dimension=weather", "dimension"],
    ["party=xx", "party"],
    ["score=3", "score"],
    ["score=crosses", "score"],
    ["asOf=2025-02-30", "asOf"],
    ["asOf=yesterday", "asOf"],
    ["sort=title", "sort"],
    ["group=party", "group"],
    ["coder=Not%20A%20Slug", "coder"],
    ["lang=fr", "lang"],
    ["sort=order&sort=conflict", "sort"],
    [`q=${"x".repeat(201)}`, "q"],
    ["colour=red", "colour"],
  ])("refuses %s naming '%s'", (search, parameter) => expectBadParameter(search, parameter));

  it("ignores unknown parameters when not strict (pages), but still refuses bad values", () => {
    expect(parse("utm_source=mail", false).sort).toBe("order");
    expect(() => parse("utm_source=mail&score=9", false)).toThrow(AppError);
  });
});

describe("toMatrixSearchParams", () => {
  it("leaves defaults out and round-trips through the parser", () => {
    expect(toMatrixSearchParams(parse(""), vocabulary).toString()).toBe("");
    const searches = [
      "dimension=territory&score=-2",
      "party=ua,us&q=NATO+領土&asOf=2025-11-01&sort=conflict&group=dimension",
      "coder=alice&score=none,2",
    ];
    for (const search of searches) {
      const query = parse(search);
      expect(parse(toMatrixSearchParams(query, vocabulary).toString())).toEqual(query);
    }
  });

  it("writes one canonical address for equivalent views", () => {
    const a = toMatrixSearchParams(parse("party=us,ua&dimension=territory,sovereignty"), vocabulary).toString();
    const b = toMatrixSearchParams(
      parse("dimension=sovereignty&dimension=territory&party=ua&party=us"),
      vocabulary,
    ).toString();
    expect(a).toBe(b);
    expect(toMatrixSearchParams(parse("party=ua,ru,us"), vocabulary).toString()).toBe("");
  });
});
