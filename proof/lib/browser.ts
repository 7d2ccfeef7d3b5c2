/**
 * The browser step: Lighthouse 12.2.3 through its Node API (Debian's Chromium started by chrome-launcher) and
 * axe-core through Playwright, against pages of the production server.
 *
 * What counts as a violation:
 *   axe-core     every rule of WCAG 2.0/2.1 A and AA (the tags of e2e/a11y.e2e.ts) that fails on a page with
 *                serious or critical impact, counted once per rule (the lines printed before the summary name
 *                the elements);
 *   Lighthouse   every failed accessibility audit whose axe rule has serious or critical impact, and an
 *                accessibility score under 0.9 (one more violation for the page).
 * Performance, best practices and SEO are figures, not violations: performance is measured in Lighthouse's default
 * mobile profile (simulated slow 4G and a 4× slower CPU; `--desktop` for its desktop profile) on top of whatever else
 * the machine is doing. The failed audits of best practices and SEO are listed with the accessibility ones.
 */
import type { Result as TLighthouseResult } from "lighthouse";
import { chromiumLaunchOptions } from "../../e2e/chromium";

export type TBrowserPage = {
  name: string;
  path: string;
  /** A selector to wait for before axe runs (the matrix grid renders its rows on the client). */
  ready?: string;
};

export const BROWSER_PAGES: TBrowserPage[] = [
  { name: "home", path: "/" },
  { name: "matrix", path: "/documents/us-28-2025-11-20/matrix", ready: '[role="grid"] [tabindex="0"]' },
  { name: "compare", path: "/compare?from=us-28-2025-11-20&to=e3-counter-2025-11-23" },
  { name: "clause", path: "/clauses/us-28-2025-11-20/21" },
];

export const LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;

/** The axe-core impacts that count as violations, in axe-core's own runs and in Lighthouse's. */
export const SEVERE_IMPACTS: ReadonlySet<string> = new Set(["serious", "critical"]);
const MIN_ACCESSIBILITY_SCORE = 0.9;

export type TFailedAudit = { category: string; id: string; title: string; impact: string | null; items: number };

export type TLighthouseSummary = {
  page: string;
  scores: Record<string, number | null>;
  /** The performance metrics as Lighthouse shows them ("2.9 s"), by their short names. */
  metrics: Record<string, string>;
  failed: TFailedAudit[];
  violations: number;
};

const METRICS: Record<string, string> = {
  FCP: "first-contentful-paint",
  LCP: "largest-contentful-paint",
  TBT: "total-blocking-time",
  CLS: "cumulative-layout-shift",
  SI: "speed-index",
};

/**
 * What a Lighthouse result says: the score of each category, the performance metrics, the audits of the other
 * categories that failed (score below 1), and the violations by the rule in the header.
 */
export function summarizeLighthouse(page: string, lhr: TLighthouseResult): TLighthouseSummary {
  const scores: Record<string, number | null> = {};
  const failed: TFailedAudit[] = [];
  for (const category of LIGHTHOUSE_CATEGORIES) {
    const c = lhr.categories[category];
    scores[category] = c?.score ?? null;
    if (category === "performance") continue;
    for (const ref of c?.auditRefs ?? []) {
      const audit = lhr.audits[ref.id];
      if (!audit || audit.score === null || audit.score >= 1) continue;
      if (audit.scoreDisplayMode !== "binary" && audit.scoreDisplayMode !== "numeric") continue;
      const details = audit.details as { items?: unknown[]; debugData?: { impact?: string } } | undefined;
      failed.push({
        category,
        id: audit.id,
        title: audit.title,
        impact: details?.debugData?.impact ?? null,
        items: details?.items?.length ?? 0,
      });
    }
  }
  const severe = failed.filter(
    (a) => a.category === "accessibility" && a.impact !== null && SEVERE_IMPACTS.has(a.impact),
  );
  const lowScore = (scores.accessibility ?? 0) < MIN_ACCESSIBILITY_SCORE ? 1 : 0;
  const metrics = Object.fromEntries(
    Object.entries(METRICS).map(([name, id]) => [name, lhr.audits[id]?.displayValue ?? "—"]),
  );
  return { page, scores, metrics, failed, violations: severe.length + lowScore };
}

/** Lighthouse on each page in turn, one headless Chromium for all of them. */
export async function runLighthouse(options: {
  baseUrl: string;
  pages: TBrowserPage[];
  chromePath?: string;
  desktop?: boolean;
}): Promise<TLighthouseSummary[]> {
  // Both are ES modules only; tsx runs the proof as CommonJS, so they are imported at run time.
  const { default: lighthouse, desktopConfig } = await import("lighthouse");
  const chromeLauncher = await import("chrome-launcher");
  const chrome = await chromeLauncher.launch({
    chromePath: options.chromePath ?? chromiumLaunchOptions.executablePath,
    chromeFlags: ["--headless=new", ...chromiumLaunchOptions.args.filter((a) => a !== "--headless")],
    logLevel: "silent",
  });
  try {
    const summaries: TLighthouseSummary[] = [];
    for (const page of options.pages) {
      const result = await lighthouse(
        `${options.baseUrl}${page.path}`,
        { port: chrome.port, logLevel: "error", onlyCategories: [...LIGHTHOUSE_CATEGORIES] },
        options.desktop ? desktopConfig : undefined,
      );
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      if (result.lhr.runtimeError) throw new Error(`Lighthouse on ${page.path}: ${result.lhr.runtimeError.message}`);
      summaries.push(summarizeLighthouse(page.name, result.lhr));
    }
    return summaries;
  } finally {
    chrome.kill();
  }
}
