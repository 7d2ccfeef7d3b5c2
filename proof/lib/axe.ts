/** axe-core through Playwright on the browser step's pages; the violation rule is in ./browser.ts. */
import AxeBuilder from "@axe-core/playwright";
import { chromium } from "playwright-core";
import { chromiumLaunchOptions } from "../../e2e/chromium";
import { SEVERE_IMPACTS, type TBrowserPage } from "./browser";

export type TAxeSummary = { page: string; severe: string[]; other: string[]; violations: number };

/** axe-core on each page in a fresh context of one headless Chromium. */
export async function runAxe(options: { baseUrl: string; pages: TBrowserPage[] }): Promise<TAxeSummary[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  try {
    const summaries: TAxeSummary[] = [];
    for (const page of options.pages) {
      const context = await browser.newContext();
      const tab = await context.newPage();
      const response = await tab.goto(`${options.baseUrl}${page.path}`, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${page.path} answered ${response?.status()}`);
      if (page.ready) await tab.locator(page.ready).first().waitFor({ timeout: 30_000 });
      const results = await new AxeBuilder({ page: tab })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      const describe = (v: (typeof results.violations)[number]) =>
        `${v.id} (${v.impact}, ${v.nodes.length} elements, e.g. ${v.nodes[0]?.target.join(" ")})`;
      const severe = results.violations.filter((v) => v.impact && SEVERE_IMPACTS.has(v.impact));
      summaries.push({
        page: page.name,
        severe: severe.map(describe),
        other: results.violations.filter((v) => !severe.includes(v)).map(describe),
        violations: severe.length,
      });
      await context.close();
    }
    return summaries;
  } finally {
    await browser.close();
  }
}
