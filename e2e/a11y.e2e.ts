import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";

const PAGES = [
  "/",
  "/ja",
  "/documents/us-28-2025-11-20",
  "/documents/us-28-2025-11-20/matrix",
  "/ja/documents/us-28-2025-11-20/matrix?dimension=territory",
  "/compare?from=us-28-2025-11-20&to=e3-counter-2025-11-23",
  "/clauses/us-28-2025-11-20/21",
  "/parties/ua",
  "/dataset",
];

for (const path of PAGES) {
  test(`axe finds no serious or critical violation on ${path}`, async ({ page }) => {
    await page.goto(path);
    // The matrix grid gets its focusable cell once the client has rendered the virtualised rows.
    if (path.includes("/matrix")) await expect(page.locator('[role="grid"] [tabindex="0"]')).toHaveCount(1);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} nodes, e.g. ${v.nodes[0]?.target.join(" ")}`);
    expect(serious).toEqual([]);
  });
}
