/**
 * The compare page's entries rendered to HTML: both versions with links and sources, the diff in either mode, the
 * party's scores before and after with the "inherited, needs review" mark.
 */
import { renderToStaticMarkup } from "react-dom/server";
import { CompareEntry, UnmatchedEntry, type TEntryContext } from "@/app/[locale]/_components/compare/compare-entry";
import { buildComparison, type TBuildComparisonOptions, type TCompareClauseInput } from "@/lib/domain/compare";

/**
 * next-intl's formatter is ESM-only and Jest does not transform it here, so the hooks are stood in for by a small
 * ICU subset (arguments and plurals) reading the real English catalogue; a missing key throws.
 */
jest.mock("next-intl", () => {
  const { getMessages } = jest.requireActual("@/messages");
  const catalogue = getMessages("en");
  const format = (message: string, values: Record<string, unknown>): string => {
    let out = "";
    for (let k = 0; k < message.length; k++) {
      if (message[k] !== "{") {
        out += message[k];
        continue;
      }
      let depth = 1;
      let end = k + 1;
      for (; depth > 0; end++) depth += message[end] === "{" ? 1 : message[end] === "}" ? -1 : 0;
      const inner = message.slice(k + 1, end - 1);
      const [name, kind] = inner.split(",").map((x) => x.trim());
      if (kind === "plural") {
        const n = Number(values[name]);
        const options = new Map<string, string>();
        const body = inner.slice(inner.indexOf("plural,") + 7);
        for (let j = 0; j < body.length;) {
          const open = body.indexOf("{", j);
          if (open < 0) break;
          let d = 1;
          let close = open + 1;
          for (; d > 0; close++) d += body[close] === "{" ? 1 : body[close] === "}" ? -1 : 0;
          options.set(body.slice(j, open).trim(), body.slice(open + 1, close - 1));
          j = close;
        }
        const chosen = options.get(`=${n}`) ?? (n === 1 ? options.get("one") : undefined) ?? options.get("other")!;
        out += format(chosen.replace(/#/g, String(n)), values);
      } else out += String(values[name]);
      k = end - 1;
    }
    return out;
  };
  const useTranslations =
    (namespace?: string) =>
    (key: string, values: Record<string, unknown> = {}) => {
      const path = [...(namespace ? namespace.split(".") : []), ...key.split(".")];
      const message = path.reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
      if (typeof message !== "string") throw new Error(`missing message ${path.join(".")}`);
      return format(message, values);
    };
  return {
    useTranslations,
    useLocale: () => "en",
    useFormatter: () => ({ dateTime: (date: Date) => date.toISOString().slice(0, 10) }),
  };
});

jest.mock("@/i18n/navigation", () => ({
  Link: ({ href, children, ...rest }: { href: string; children: React.ReactNode }) => (
    <a href={href} {...rest}>
      {children}
    </a>
  ),
}));

const SOURCE = { outlet: "Example Wire", url: "https://example.org/a", date: "2025-11-20", note: null };
const clause = (doc: string, number: string, text: string, topics: string[] = []): TCompareClauseInput => ({
  id: `${doc}#${number}`,
  number,
  ordinal: Number(number),
  heading: `Heading ${number}`,
  headingJa: null,
  text,
  textJa: null,
  topics,
  sources: [SOURCE],
});

const options: TBuildComparisonOptions = {
  fromDocumentId: "a",
  toDocumentId: "b",
  fromClauses: [clause("a", "6", "Army capped at 600,000.", ["military-limits"]), clause("a", "7", "Amnesty for all.")],
  toClauses: [clause("b", "6", "Army capped at 800,000 in peacetime.", ["military-limits"])],
  alignments: [
    {
      fromDocumentId: "a",
      fromClauseId: "a#6",
      toDocumentId: "b",
      toClauseId: "b#6",
      relation: "modified",
      note: "Cap raised.",
      noteJa: null,
      origin: "confirmed",
      confidence: 0.87,
    },
  ],
  lang: "en",
  party: "ua",
  redLinePositions: [{ id: "p", partyId: "ua", dimensionId: "military-limits", kind: "red-line", date: "2025-01-01" }],
  assessments: [
    { clauseId: "a#6", partyId: "ua", score: -2, status: "final" },
    { clauseId: "b#6", partyId: "ua", score: -1, status: "inherited" },
  ],
};
const comparison = buildComparison(options);

const context = (mode: "side" | "inline"): TEntryContext => ({
  docs: { fromId: "a", toId: "b", fromTitle: "Plan A", toTitle: "Plan B" },
  mode,
  partyName: "Ukraine",
  dimensionLabels: { "military-limits": "Military limits" },
});

const render = (node: React.ReactNode) => renderToStaticMarkup(<>{node}</>);

describe("CompareEntry", () => {
  it("side by side: two columns, each with its clause link, its words and its sources", () => {
    const html = render(<CompareEntry entry={comparison.pairs[0]} context={context("side")} />);
    expect(html).toContain('data-relation="modified"');
    expect(html).toContain('href="/clauses/a/6"');
    expect(html).toContain('href="/clauses/b/6"');
    expect(html).toContain('<span class="visually-hidden"> — Plan A</span></a>');
    expect(html.match(/class="compare-column"/g)).toHaveLength(2);
    expect(html).toContain('<del><span class="visually-hidden">deleted: </span>600</del>');
    expect(html).toContain('<ins><span class="visually-hidden">inserted: </span>800</ins>');
    expect(html).toContain("confirmed at import");
    expect(html).toContain("confidence 87%");
    expect(html).toContain('Note: <span lang="en">Cap raised.</span>');
    expect(html.match(/href="https:\/\/example.org\/a"/g)).toHaveLength(2);
  });

  it("inline: one text with both deletions and insertions", () => {
    const html = render(<CompareEntry entry={comparison.pairs[0]} context={context("inline")} />);
    expect(html.match(/class="diff-text"/g)).toHaveLength(1);
    expect(html).toContain("<del>");
    expect(html).toContain("<ins>");
  });

  it("shows the party's scores before and after, marking an inherited one for review", () => {
    const html = render(<CompareEntry entry={comparison.pairs[0]} context={context("side")} />);
    expect(html).toContain("Touches red line: Military limits");
    expect(html).toContain("Ukraine: before → after");
    expect(html).toContain("Crosses red line");
    expect(html).toContain("Conflicts");
    expect(html).toContain('<span class="inherited-mark"> inherited, needs review</span>');
  });
});

describe("UnmatchedEntry", () => {
  it("shows a removed clause with its text, sources and the aligner's confidence", () => {
    const [removed] = buildComparison({ ...options, party: null }).removed;
    const html = render(<UnmatchedEntry item={removed} context={{ ...context("side"), partyName: null }} />);
    expect(html).toContain("<h3");
    expect(html).toContain('href="/clauses/a/7"');
    expect(html).toContain("Amnesty for all.");
    expect(html).toContain("proposed by the aligner");
    expect(html).toContain("https://example.org/a");
  });
});
