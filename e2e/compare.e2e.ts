import { expect, test } from "@playwright/test";

const US28 = "us-28-2025-11-20";
const E3 = "e3-counter-2025-11-23";
const count = (page: import("@playwright/test").Page, relation: string) =>
  page.locator(`.compare-counts td[data-relation="${relation}"]`);

test("compare the 28-point plan with the E3 counter-proposal: summary counts and a word diff", async ({ page }) => {
  await page.goto("/compare");
  await page.getByLabel("Earlier version").selectOption(US28);
  await page.getByLabel("Later version").selectOption(E3);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?from=${US28}&to=${E3}`));

  await expect(count(page, "unchanged")).toHaveText("7");
  await expect(count(page, "modified")).toHaveText("13");
  await expect(count(page, "removed")).toHaveText("8");
  for (const relation of ["moved", "merged", "split", "added"]) await expect(count(page, relation)).toHaveText("0");
  await expect(page.getByText(/6 entries rest on the aligner's proposal/)).toBeVisible();

  // Point 6: the army cap goes from 600,000 to 800,000 in peacetime.
  const army = page.locator('.compare-entry[data-from="6"][data-to="6"]');
  await expect(army.locator(".relation-badge")).toHaveText("modified");
  await expect(army.locator("del").first()).toHaveText("deleted: 600");
  await expect(army.locator("del .visually-hidden").first()).toHaveText("deleted:");
  await expect(army.locator("ins").first()).toHaveText("inserted: 800");
  await expect(army.locator(".sources a").first()).toHaveAttribute("href", /^https?:\/\//);
  await expect(army.getByRole("link", { name: /^6 .* — US 28-point peace plan draft$/ })).toHaveAttribute(
    "href",
    `/clauses/${US28}/6`,
  );

  // Removed points are listed with their text and sources.
  const removed = page.locator("#removed .compare-entry");
  await expect(removed).toHaveCount(8);
  await expect(removed.first().locator(".sources a").first()).toHaveAttribute("href", /^https?:\/\//);
});

test("inline mode shows deletions and insertions in one text", async ({ page }) => {
  await page.goto(`/compare?from=${US28}&to=${E3}`);
  await page.getByRole("radio", { name: "inline" }).check();
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await expect(page).toHaveURL(/mode=inline/);
  const army = page.locator('.compare-entry[data-from="6"] .diff-text');
  await expect(army).toHaveCount(1);
  await expect(army.locator("del")).toHaveCount(3);
  await expect(army.locator("ins")).toHaveCount(2);
});

test("what changed for Ukraine: only clauses touching its red lines, with scores before and after", async ({
  page,
}) => {
  await page.goto(`/compare?from=${US28}&to=${E3}&party=ua`);
  await expect(page.getByText(/of 28 entries touch a red line of Ukraine/)).toBeVisible();
  const territory = page.locator('.compare-entry[data-from="21"]');
  await expect(territory.locator(".red-line-mark")).toContainText("Territory");
  await expect(territory.locator(".party-change .score").first()).toContainText("Crosses red line");
});

test("the page and its JSON twin agree on the counts, both ways", async ({ page, request }) => {
  for (const [from, to] of [
    [US28, E3],
    [E3, US28],
    [US28, "us-ua-geneva-2025-11-23"],
  ]) {
    await page.goto(`/compare?from=${from}&to=${to}`);
    const json = await (await request.get(`/api/compare?from=${from}&to=${to}`)).json();
    for (const [relation, n] of Object.entries(json.data.comparison.summary.counts as Record<string, number>))
      await expect(count(page, relation)).toHaveText(String(n));
    await expect(page.locator("section[aria-labelledby='pairs-heading'] > ol > li")).toHaveCount(
      json.data.comparison.pairs.length,
    );
  }
});

test("the comparison in Japanese", async ({ page }) => {
  await page.goto(`/ja/compare?from=${US28}&to=${E3}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("比較");
  const army = page.locator('.compare-entry[data-from="6"]');
  await expect(army.locator(".diff-text").first()).toHaveAttribute("lang", "ja");
  await expect(army.locator("del .visually-hidden").first()).toHaveText("削除：");
});

test("a bad address says which parameter is wrong", async ({ page }) => {
  await page.goto(`/compare?from=${US28}&to=${US28}`);
  await expect(page.getByRole("main").getByRole("alert")).toContainText("'to'");
  await expect(page.getByRole("link", { name: "Start again" })).toHaveAttribute("href", "/compare");
});
