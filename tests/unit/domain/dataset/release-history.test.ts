/** The release history the dataset page and GET /api/releases show, built from plain rows. */
import {
  buildReleaseHistory,
  parseReleaseCounts,
  toReleaseChangeHref,
  type TReleaseHistoryRow,
} from "@/lib/domain/dataset/release-history";

const ROWS: TReleaseHistoryRow[] = [
  {
    id: "2026-03",
    title: "Redlines reference dataset, release 2026-03",
    coverage: "2022-03-29 to 2026-03-05",
    note: "The base release.",
    noteJa: "基本リリース。",
    counts: JSON.stringify({ documents: 14, positions: 204 }),
    appliedAt: new Date("2026-03-06T09:00:00Z"),
    changes: [],
  },
  {
    id: "2026-06",
    title: "Redlines reference dataset, release 2026-06",
    coverage: "2026-03-06 to 2026-06-01",
    note: "Seventeen positions.",
    noteJa: null,
    counts: JSON.stringify({ positions: 17, byParty: { ua: 7, ru: 4 } }),
    appliedAt: new Date("2026-06-10T09:00:00Z"),
    changes: [
      {
        entityType: "position",
        entityId: "ua-old",
        change: "kept-edit",
        position: {
          partyId: "ua",
          dimensionId: "territory",
          date: "2025-11-20",
          statement: "Edited",
          statementJa: null,
          reviewNote: "Release 2026-06 changes statement of this record.",
          sources: [{ outlet: "Outlet O", url: "https://example.org/o", date: null, note: null }],
        },
      },
      {
        entityType: "position",
        entityId: "ua-a",
        change: "added",
        position: {
          partyId: "ua",
          dimensionId: "sanctions",
          date: "2026-03-13",
          statement: "A",
          statementJa: "エー",
          reviewNote: null,
          sources: [
            { outlet: "Outlet A", url: "https://example.org/a", date: "2026-03-13", note: "headline only" },
            { outlet: "Outlet B", url: "https://example.org/b", date: null, note: null },
          ],
        },
      },
      {
        entityType: "position",
        entityId: "ru-b",
        change: "added",
        position: {
          partyId: "ru",
          dimensionId: "framework",
          date: "2026-05-04",
          statement: "B",
          statementJa: null,
          reviewNote: null,
          sources: [{ outlet: "Outlet C", url: "https://example.org/c", date: "2026-05-04", note: null }],
        },
      },
      { entityType: "position", entityId: "gone", change: "changed", position: null },
    ],
  },
];

const options = { lang: "en" as const, pageUrl: "https://redlines.example/dataset", accessed: "2026-06-20" };

describe("buildReleaseHistory", () => {
  it("lists releases newest first, marking the current and the base release", () => {
    const history = buildReleaseHistory(ROWS, options);
    expect(history.current).toBe("2026-06");
    expect(history.releases.map((r) => [r.id, r.isCurrent, r.isBase])).toEqual([
      ["2026-06", true, false],
      ["2026-03", false, true],
    ]);
    expect(history.releases[0].coverage).toEqual({
      text: "2026-03-06 to 2026-06-01",
      from: "2026-03-06",
      to: "2026-06-01",
    });
    expect(history.releases[0].appliedAt).toBe("2026-06-10T09:00:00.000Z");
  });

  it("orders changes by kind, then newest statement first, each linked to where it is read", () => {
    const [june] = buildReleaseHistory(ROWS, options).releases;
    expect(june.changes.map((c) => [c.change, c.entityId, c.href])).toEqual([
      ["added", "ru-b", "/parties/ru#position-ru-b"],
      ["added", "ua-a", "/parties/ua#position-ua-a"],
      ["changed", "gone", null],
      ["kept-edit", "ua-old", "/parties/ua#position-ua-old"],
    ]);
    expect(june.summary).toEqual({ added: 2, changed: 1, "kept-edit": 1 });
    expect(june.changes[3].reviewNote).toMatch(/^Release 2026-06 changes statement/);
    expect(june.changes[0].reviewNote).toBeNull();
    expect(june.changes[1].sources.map((x) => x.url)).toEqual(["https://example.org/a", "https://example.org/b"]);
    expect(june.changes[2].sources).toEqual([]);
  });

  it("gives the note and statements in the reader's language, flagging English fallbacks", () => {
    const [june, march] = buildReleaseHistory(ROWS, { ...options, lang: "ja" }).releases;
    expect(march.note).toEqual({ text: "基本リリース。", lang: "ja", fallback: false });
    expect(june.note).toEqual({ text: "Seventeen positions.", lang: "en", fallback: true });
    expect(june.changes.find((c) => c.entityId === "ua-a")?.statement?.text).toBe("エー");
  });

  it("says how to cite each release: id, title, the page's address and the access date", () => {
    const [june] = buildReleaseHistory(ROWS, options).releases;
    expect(june.citation).toEqual({
      releaseId: "2026-06",
      title: "Redlines reference dataset, release 2026-06",
      url: "https://redlines.example/dataset#release-2026-06",
      accessed: "2026-06-20",
      text:
        "Redlines (2026). Redlines reference dataset, release 2026-06 [Data set], covering 2026-03-06 to " +
        "2026-06-01. https://redlines.example/dataset#release-2026-06. Accessed 2026-06-20.",
    });
    const untitled = buildReleaseHistory([{ ...ROWS[0], title: "Redlines data", coverage: null }], options);
    expect(untitled.releases[0].citation.text).toBe(
      "Redlines (2026). Redlines data [Data set], release 2026-03. " +
        "https://redlines.example/dataset#release-2026-03. Accessed 2026-06-20.",
    );
  });
});

describe("parseReleaseCounts", () => {
  it("reads totals and breakdowns, and leaves out what is not a count", () => {
    expect(parseReleaseCounts(JSON.stringify({ positions: 17, byParty: { ua: 7, ru: -1 }, label: "x" }))).toEqual({
      totals: [{ key: "positions", count: 17 }],
      breakdowns: [{ key: "byParty", entries: [{ key: "ua", count: 7 }] }],
    });
    expect(parseReleaseCounts("not json")).toEqual({ totals: [], breakdowns: [] });
  });
});

describe("toReleaseChangeHref", () => {
  it("links documents, clauses and positions to their pages", () => {
    expect(toReleaseChangeHref("document", "us-28-2025-11-20", null)).toBe("/documents/us-28-2025-11-20");
    expect(toReleaseChangeHref("clause", "us-28-2025-11-20#21", null)).toBe("/clauses/us-28-2025-11-20/21");
    expect(toReleaseChangeHref("position", "p", null)).toBeNull();
    expect(toReleaseChangeHref("alignment", "a>b", null)).toBeNull();
  });
});
