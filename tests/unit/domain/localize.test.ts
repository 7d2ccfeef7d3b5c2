import { localize, localizeOptional, withLocalizedFields } from "@/lib/domain/localize";

describe("localize", () => {
  it("gives Japanese readers the Japanese twin", () => {
    expect(localize("ja", "Territory", "領土")).toEqual({ text: "領土", lang: "ja", fallback: false });
  });

  it("falls back to English, flagged, where the twin is missing or blank", () => {
    expect(localize("ja", "Territory", null)).toEqual({ text: "Territory", lang: "en", fallback: true });
    expect(localize("ja", "Territory", "  ")).toEqual({ text: "Territory", lang: "en", fallback: true });
  });

  it("never flags English for English readers", () => {
    expect(localize("en", "Territory", "領土")).toEqual({ text: "Territory", lang: "en", fallback: false });
  });

  it("keeps an absent optional field absent", () => {
    expect(localizeOptional("ja", null, null)).toBeNull();
    expect(localizeOptional("ja", "A note", null)?.fallback).toBe(true);
  });
});

describe("withLocalizedFields", () => {
  it("adds the requested language to every bilingual pair, deeply, keeping the raw fields", () => {
    const value = {
      id: "ua",
      name: "Ukraine",
      nameJa: "ウクライナ",
      note: "A note",
      noteJa: null,
      positions: [{ statement: "Said", statementJa: "発言", date: "2025-11-20" }],
    };
    const ja = withLocalizedFields(value, "ja");
    expect(ja).toMatchObject({ name: "Ukraine", nameJa: "ウクライナ" });
    expect(ja).toHaveProperty("localized", {
      name: { text: "ウクライナ", lang: "ja", fallback: false },
      note: { text: "A note", lang: "en", fallback: true },
    });
    expect(ja.positions[0]).toHaveProperty("localized.statement.text", "発言");
    expect(withLocalizedFields(value, "en")).toHaveProperty("localized.name.text", "Ukraine");
    expect(value).not.toHaveProperty("localized");
  });
});
