/**
 * parseClauses: each numbering style, sub-items kept in their point, headings, mixed Japanese text, and every kind
 * of bad input refused with a message that names the problem.
 */
import fc from "fast-check";
import { AppError } from "@/lib/domain/errors";
import { PARSE_CLAUSES_LIMITS, parseClauses, type TParseClausesOptions } from "@/lib/domain/import/parse-clauses";

const numbersOf = (text: string) => parseClauses({ text }).clauses.map((c) => c.number);

/** Runs parseClauses on bad input and returns the AppError it must throw. */
function refusal(options: TParseClausesOptions): AppError {
  try {
    parseClauses(options);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("parseClauses accepted input it should refuse");
}

describe("parseClauses: numbering styles", () => {
  it("reads '1.' points", () => {
    const parsed = parseClauses({
      text: "1. Sovereignty is reaffirmed.\n2. Army capped at 600,000.\n10. Elections within 100 days.",
    });
    expect(parsed.style).toBe("dot");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "Sovereignty is reaffirmed."],
      ["2", "Army capped at 600,000."],
      ["10", "Elections within 100 days."],
    ]);
  });

  it("reads '1)' points", () => {
    const parsed = parseClauses({ text: "1) Sovereignty is reaffirmed.\n2) Army capped." });
    expect(parsed.style).toBe("paren");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "Sovereignty is reaffirmed."],
      ["2", "Army capped."],
    ]);
  });

  it("reads 'Point 1 –' and 'Point 1:' with any dash, in any case", () => {
    const text = [
      "Point 1 – Sovereignty reaffirmed.",
      "Point 2 - Non-aggression.",
      "POINT 3 — Dialogue.",
      "point 4: Guarantees.",
      "Point 5 ‒ Army cap.",
      "Point 6 −Figures.",
    ].join("\n");
    const parsed = parseClauses({ text });
    expect(parsed.style).toBe("point");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "Sovereignty reaffirmed."],
      ["2", "Non-aggression."],
      ["3", "Dialogue."],
      ["4", "Guarantees."],
      ["5", "Army cap."],
      ["6", "Figures."],
    ]);
  });

  it("reads Russian 'п. 1' and 'п.1'", () => {
    const parsed = parseClauses({ text: "п. 1. Признание территорий.\nп.2 Нейтральный статус.\nП. 3 — Выборы." });
    expect(parsed.style).toBe("ru-punkt");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "Признание территорий."],
      ["2", "Нейтральный статус."],
      ["3", "Выборы."],
    ]);
  });

  it("reads Japanese '第1項' with ASCII or full-width digits", () => {
    const parsed = parseClauses({
      text: "第1項　主権を再確認する。\n第２項：不可侵協定を締結する。\n第１０項 選挙を実施する。",
    });
    expect(parsed.style).toBe("ja-kou");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "主権を再確認する。"],
      ["2", "不可侵協定を締結する。"],
      ["10", "選挙を実施する。"],
    ]);
  });

  it("makes full-width digits ASCII and drops leading zeros in '1.' points too", () => {
    expect(numbersOf("１．主権を再確認する。\n02. Second point.")).toEqual(["1", "2"]);
  });

  it("does not take decimals or dotted sub-numbers for points", () => {
    expect(numbersOf("1. Reconstruction fund of\n1.5 billion dollars.\n2. Next point.")).toEqual(["1", "2"]);
  });

  it("prefers an explicit style over bare numbers, which then stay inside their point", () => {
    const parsed = parseClauses({ text: "Point 1: Territory.\n1. Crimea.\n2. Donbas.\nPoint 2: Elections." });
    expect(parsed.style).toBe("point");
    expect(parsed.clauses.map((c) => [c.number, c.text])).toEqual([
      ["1", "Territory.\n1. Crimea.\n2. Donbas."],
      ["2", "Elections."],
    ]);
  });

  it("with bare numbers only, follows the first style used, keeping the other inside points", () => {
    const parsed = parseClauses({ text: "1. Territory:\n1) Crimea;\n2) Donbas.\n2. Elections." });
    expect(parsed.style).toBe("dot");
    expect(parsed.clauses.map((c) => c.text)).toEqual(["Territory:\n1) Crimea;\n2) Donbas.", "Elections."]);
  });
});

describe("parseClauses: text, sub-items and headings", () => {
  const PLAN = [
    "Draft peace framework",
    "as circulated on 20 November",
    "",
    "1. Ukraine's sovereignty will be confirmed.",
    "2. Territories:",
    "   (a) Crimea, Luhansk and Donetsk are recognised de facto",
    "       as Russian.",
    "   (b) Kherson and Zaporizhzhia are frozen along the line of contact.",
    "   c) Russia gives up other agreed territories.",
    "   • A demilitarised buffer zone is created.",
    "3. A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and Europe, and all",
    "ambiguities of the last thirty years will be considered settled.",
    "",
    "The parties confirm this in writing.",
    "4. Elections",
    "Elections are held within 100 days.",
  ].join("\n");
  const parsed = parseClauses({ text: PLAN });

  it("keeps lettered and bulleted sub-items inside their point, one per line, with wrapped lines joined", () => {
    expect(parsed.clauses.map((c) => c.number)).toEqual(["1", "2", "3", "4"]);
    expect(parsed.clauses[1].text).toBe(
      [
        "Territories:",
        "(a) Crimea, Luhansk and Donetsk are recognised de facto as Russian.",
        "(b) Kherson and Zaporizhzhia are frozen along the line of contact.",
        "c) Russia gives up other agreed territories.",
        "• A demilitarised buffer zone is created.",
      ].join("\n"),
    );
  });

  it("joins wrapped lines of a point and keeps a paragraph break as one line break", () => {
    expect(parsed.clauses[2].text).toBe(
      "A comprehensive non-aggression agreement will be concluded between Russia, Ukraine and Europe, and all ambiguities of the last thirty years will be considered settled.\nThe parties confirm this in writing.",
    );
  });

  it("records ordinals and the line each point starts on, and returns the text before the first point", () => {
    expect(parsed.clauses.map((c) => [c.ordinal, c.line])).toEqual([
      [0, 4],
      [1, 5],
      [2, 11],
      [3, 15],
    ]);
    expect(parsed.preamble).toBe("Draft peace framework as circulated on 20 November");
  });

  it("takes the first sentence as heading, without its full stop", () => {
    expect(parsed.clauses[0].heading).toBe("Ukraine's sovereignty will be confirmed");
  });

  it("takes a lead-in line ending in ':' as heading, without the colon", () => {
    expect(parsed.clauses[1].heading).toBe("Territories");
  });

  it("takes a short title line of its own as heading, keeping it on its own line", () => {
    expect(parsed.clauses[3]).toMatchObject({
      heading: "Elections",
      text: "Elections\nElections are held within 100 days.",
    });
  });

  it("cuts a long first sentence at a word boundary within the limit and marks the cut", () => {
    const heading = parsed.clauses[2].heading;
    expect(Array.from(heading).length).toBeLessThanOrEqual(PARSE_CLAUSES_LIMITS.maxHeadingLength);
    expect(heading).toBe("A comprehensive non-aggression agreement will be concluded between Russia…");
  });

  it("does not end a sentence at an abbreviation such as 'U.S.'", () => {
    const [clause] = parseClauses({ text: "1. The U.S. brokers a dialogue. It starts at once." }).clauses;
    expect(clause.heading).toBe("The U.S. brokers a dialogue");
  });

  it("handles mixed Japanese and English: sentence ends at 。, wrapped CJK lines joined without a space", () => {
    const text = [
      "和平計画（案） Peace plan draft",
      "第1項　ウクライナの主権を再確認する。詳細はNATOとの協議で定める。",
      "第2項　ロシア、ウクライナ及び欧州は包括的な不可侵協定を締結し、",
      "過去30年間の曖昧さは解決済みとみなす。",
      "（a）ロシア",
      "（b）ウクライナ",
      "第3項 Elections are held within 100 days.",
    ].join("\n");
    const { clauses, preamble } = parseClauses({ text });
    expect(preamble).toBe("和平計画（案） Peace plan draft");
    expect(clauses.map((c) => [c.number, c.heading, c.text])).toEqual([
      ["1", "ウクライナの主権を再確認する", "ウクライナの主権を再確認する。詳細はNATOとの協議で定める。"],
      [
        "2",
        "ロシア、ウクライナ及び欧州は包括的な不可侵協定を締結し、過去30年間の曖昧さは解決済みとみなす",
        "ロシア、ウクライナ及び欧州は包括的な不可侵協定を締結し、過去30年間の曖昧さは解決済みとみなす。\n（a）ロシア\n（b）ウクライナ",
      ],
      ["3", "Elections are held within 100 days", "Elections are held within 100 days."],
    ]);
  });

  it("accepts Windows and old Mac line endings and a byte-order mark", () => {
    expect(numbersOf("\ufeff1. One.\r\n2. Two.\r3. Three.")).toEqual(["1", "2", "3"]);
  });
});

describe("parseClauses: bad input", () => {
  it.each([
    ["empty text", ""],
    ["whitespace only", "  \n\t\n  "],
  ])("refuses %s", (_, text) => {
    const error = refusal({ text });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The text is empty");
    expect(error.fieldErrors).toEqual({ text: ["The text is empty"] });
  });

  it("refuses text without numbered points, saying which numbering is understood", () => {
    const error = refusal({ text: "The parties agree to a ceasefire.\n(a) Monitoring follows." });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "No numbered points found: start each point on its own line with a number such as '1.', '1)', 'Point 1 –', 'п. 1' or '第1項'",
    );
  });

  it("refuses duplicate numbers, naming each with the lines it appears on", () => {
    const error = refusal({ text: "1. One.\n2. Two.\n2. Two again.\n3. Three.\n1. One again." });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe(
      "Point numbers used more than once: 1 (lines 1, 5); 2 (lines 2, 3). Each point needs its own number",
    );
  });

  it("counts '01' and '１' as the same number as '1'", () => {
    expect(refusal({ text: "01. One.\n１. One again." }).message).toContain(
      "Point numbers used more than once: 1 (lines 1, 2)",
    );
  });

  it("refuses a point with no text, naming it", () => {
    expect(refusal({ text: "1. One.\n2.\n\n3. Three." }).message).toBe("Point 2 (line 2) has no text");
  });

  it("refuses text over 1 MB measured in UTF-8 bytes, not characters", () => {
    const limit = PARSE_CLAUSES_LIMITS.maxBytes;
    // Cyrillic letters take two bytes: this text has fewer characters than the limit but more bytes.
    const text = `1. ${"д".repeat(Math.ceil(limit / 2))}`;
    expect(text.length).toBeLessThan(limit);
    const error = refusal({ text });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The text is over the 1 MB limit (1048576 bytes of UTF-8)");
    expect(() => parseClauses({ text: `1. ${"x".repeat(limit - 3)}` })).not.toThrow();
  });

  it("counts characters outside the BMP as four bytes", () => {
    const limit = PARSE_CLAUSES_LIMITS.maxBytes;
    const text = `1. ${"😀".repeat(Math.ceil(limit / 4))}`;
    expect(refusal({ text }).message).toBe("The text is over the 1 MB limit (1048576 bytes of UTF-8)");
  });

  it("refuses on the byte length the caller passes, before looking at the text", () => {
    const error = refusal({ text: "1. Short \u0000 text.", byteLength: 2_000_000 });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The text is 2000000 bytes, over the 1 MB limit (1048576 bytes of UTF-8)");
  });

  it("refuses text with NUL bytes as binary", () => {
    const error = refusal({ text: "1. Sovereignty\u0000\u0001 reaffirmed." });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toBe("The text contains NUL bytes: this looks like a binary file, not plain text");
  });

  it("refuses text with a high share of control or replacement characters", () => {
    const error = refusal({ text: "1. \ufffd\ufffdSovereign\u0002ty \ufffd\u0007reaffirmed.\ufffd" });
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toMatch(
      /^\d+\.\d% of the characters are control or replacement characters: this does not look like plain text/,
    );
  });

  it("tolerates a stray replacement character in otherwise normal text", () => {
    expect(numbersOf(`1. ${"Sovereignty reaffirmed. ".repeat(5)}\ufffd\n2. Tabs\tand form feeds\f are fine.`)).toEqual([
      "1",
      "2",
    ]);
  });
});

describe("parseClauses: generated lists", () => {
  const STYLES = [
    (n: number) => `${n}. `,
    (n: number) => `${n}) `,
    (n: number) => `Point ${n} – `,
    (n: number) => `п. ${n} `,
    (n: number) => `第${String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0xff10 + Number(d)))}項　`,
  ];
  const word = fc.stringMatching(/^[a-z]{2,8}$/);
  const body = fc.array(fc.array(word, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 });

  it("returns the numbers and words it was given, in order, whatever the style", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 0, max: STYLES.length - 1 }),
        fc.array(body, { minLength: 30, maxLength: 30 }),
        (numbers, style, bodies) => {
          const text = numbers
            .map((n, k) => STYLES[style](n) + bodies[k].map((line) => line.join(" ")).join("\n"))
            .join("\n");
          const { clauses } = parseClauses({ text });
          expect(clauses.map((c) => c.number)).toEqual(numbers.map(String));
          expect(clauses.map((c) => c.text)).toEqual(numbers.map((_, k) => bodies[k].flat().join(" ")));
        },
      ),
    );
  });
});
