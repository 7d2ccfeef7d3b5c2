import type { Result as TLighthouseResult } from "lighthouse";
import { summarizeLighthouse } from "@/proof/lib/browser";

type TAuditInput = { id: string; category: string; score: number | null; mode?: string; impact?: string };

/** The few parts of a Lighthouse result that the summary reads. */
function lhrOf(scores: Record<string, number>, audits: TAuditInput[]): TLighthouseResult {
  const categories = Object.fromEntries(
    Object.entries(scores).map(([id, score]) => [
      id,
      { id, score, auditRefs: audits.filter((a) => a.category === id).map((a) => ({ id: a.id, weight: 1 })) },
    ]),
  );
  const entries = audits.map((a) => [
    a.id,
    {
      id: a.id,
      title: `Title of ${a.id}`,
      score: a.score,
      scoreDisplayMode: a.mode ?? "binary",
      displayValue: a.category === "performance" ? "1.2 s" : undefined,
      details: {
        type: "table",
        items: [{}, {}],
        ...(a.impact ? { debugData: { type: "debugdata", impact: a.impact } } : {}),
      },
    },
  ]);
  return { categories, audits: Object.fromEntries(entries) } as unknown as TLighthouseResult;
}

const perfect = { performance: 0.5, accessibility: 1, "best-practices": 1, seo: 1 };

describe("summarizeLighthouse", () => {
  it("counts no violation for a perfect accessibility score, whatever the performance score", () => {
    const summary = summarizeLighthouse(
      "home",
      lhrOf(perfect, [{ id: "largest-contentful-paint", category: "performance", score: 0.2, mode: "numeric" }]),
    );
    expect(summary.violations).toBe(0);
    expect(summary.scores).toEqual(perfect);
    expect(summary.metrics.LCP).toBe("1.2 s");
    expect(summary.failed).toEqual([]);
  });

  it("counts each failed accessibility audit of serious or critical impact, not moderate or minor ones", () => {
    const summary = summarizeLighthouse(
      "matrix",
      lhrOf({ ...perfect, accessibility: 0.95 }, [
        { id: "color-contrast", category: "accessibility", score: 0, impact: "serious" },
        { id: "button-name", category: "accessibility", score: 0, impact: "critical" },
        { id: "heading-order", category: "accessibility", score: 0, impact: "moderate" },
        { id: "label", category: "accessibility", score: 1, impact: "critical" },
      ]),
    );
    expect(summary.violations).toBe(2);
    expect(summary.failed.map((a) => [a.id, a.impact, a.items])).toEqual([
      ["color-contrast", "serious", 2],
      ["button-name", "critical", 2],
      ["heading-order", "moderate", 2],
    ]);
  });

  it("counts an accessibility score under 0.9 as one more violation", () => {
    const summary = summarizeLighthouse(
      "clause",
      lhrOf({ ...perfect, accessibility: 0.89 }, [
        { id: "heading-order", category: "accessibility", score: 0, impact: "moderate" },
      ]),
    );
    expect(summary.violations).toBe(1);
  });

  it("lists failed best-practice and SEO audits without counting them, and skips manual and informative ones", () => {
    const summary = summarizeLighthouse(
      "home",
      lhrOf(perfect, [
        { id: "errors-in-console", category: "best-practices", score: 0 },
        { id: "meta-description", category: "seo", score: 0 },
        { id: "structured-data", category: "seo", score: null, mode: "manual" },
        { id: "landmark-one-main", category: "accessibility", score: 0, mode: "informative" },
      ]),
    );
    expect(summary.violations).toBe(0);
    expect(summary.failed.map((a) => a.id)).toEqual(["errors-in-console", "meta-description"]);
  });
});
