import { localize, localizeOptional } from "@/lib/domain/localize";

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
