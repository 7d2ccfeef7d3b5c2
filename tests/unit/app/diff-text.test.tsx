/** DiffText: deletions and insertions as <del>/<ins> with words a screen reader announces, per display mode. */
import { renderToStaticMarkup } from "react-dom/server";
import { DiffText } from "@/app/[locale]/_components/compare/diff-text";
import { computeWordDiff } from "@/lib/domain/word-diff";

const segments = computeWordDiff("capped at 600,000 personnel", "capped at 800,000 personnel in peacetime");
const labels = { deleted: "deleted:", inserted: "inserted:" };
const render = (side: "from" | "to" | "inline") =>
  renderToStaticMarkup(<DiffText segments={segments} side={side} lang="en" labels={labels} />);

describe("DiffText", () => {
  it("inline, marks each deletion and insertion with an announced label", () => {
    const html = render("inline");
    expect(html).toContain('<del><span class="visually-hidden">deleted: </span>600</del>');
    expect(html).toContain('<ins><span class="visually-hidden">inserted: </span>800</ins>');
    expect(html).toContain('<ins><span class="visually-hidden">inserted: </span> in peacetime</ins>');
    expect(html).toMatch(/^<p class="diff-text" lang="en">/);
  });

  it("side by side, shows each version's own words only", () => {
    const earlier = render("from");
    expect(earlier).toContain("<del>");
    expect(earlier).not.toContain("<ins>");
    expect(earlier.replace(/<span class="visually-hidden">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "")).toBe(
      "capped at 600,000 personnel",
    );
    const later = render("to");
    expect(later).not.toContain("<del>");
    expect(later.replace(/<span class="visually-hidden">[^<]*<\/span>/g, "").replace(/<[^>]+>/g, "")).toBe(
      "capped at 800,000 personnel in peacetime",
    );
  });
});
