import { expect, test, type Page } from "@playwright/test";

// `npm start` applies the releases shipped after the base, so the server shows release 2026-06 on top of 2026-03.

const NEW_EU_POSITION = "eu-eu-membership-2026-03-19-euco25";

const cell = (page: Page, clause: string, party: string) =>
  page.locator(`[role="row"][data-clause="${clause}"] [role="gridcell"][data-party="${party}"]`);

test("the dataset page lists releases 2026-06 and 2026-03 with their counts and how to cite them", async ({ page }) => {
  await page.goto("/dataset");
  await expect(page.getByRole("heading", { level: 1, name: "Dataset releases" })).toBeVisible();
  const headings = page.locator(".dataset-release h2");
  await expect(headings).toHaveCount(2);
  await expect(headings.nth(0)).toContainText("Release 2026-06");
  await expect(headings.nth(1)).toContainText("Release 2026-03");

  const june = page.locator("#release-2026-06");
  await expect(june.locator(".release-counts")).toContainText("17 positions");
  await expect(june.locator(".release-breakdown")).toContainText("Ukraine 7");
  await expect(june.getByRole("heading", { name: "Added (17)" })).toBeVisible();
  await expect(june.locator(".release-citation")).toContainText("release 2026-06");
  await expect(june.locator(".release-citation")).toContainText("/dataset#release-2026-06");

  const march = page.locator("#release-2026-03");
  await expect(march.locator(".release-counts")).toContainText("204 positions");
  await expect(march.locator(".release-counts")).toContainText("14 documents");
  await expect(page.locator(".site-footer")).toContainText("2026-06");

  const json = await (await page.request.get("/api/releases")).json();
  expect(json.data.releases.map((r: { id: string }) => r.id)).toEqual(["2026-06", "2026-03"]);
});

test("the dataset page in Japanese shows the release note in Japanese", async ({ page }) => {
  await page.goto("/ja/dataset");
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  const june = page.locator("#release-2026-06");
  await expect(june.getByRole("heading", { level: 2 })).toContainText("リリース 2026-06");
  await expect(june.locator(".release-note [lang='ja']")).toContainText("17件");
});

test("a position added in 2026-06 appears on its party's page, with sources, linked from the dataset page", async ({
  page,
}) => {
  await page.goto("/dataset");
  await page.locator(`#release-2026-06 a[href$="#position-${NEW_EU_POSITION}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/parties/eu#position-${NEW_EU_POSITION}$`));
  const position = page.locator(`#position-${NEW_EU_POSITION}`);
  await expect(position).toBeVisible();
  await expect(position.locator("time")).toHaveAttribute("datetime", "2026-03-19");
  await expect(position.locator(".sources a").first()).toHaveAttribute("href", /^https?:\/\//);
});

test("a matrix cell whose evidence moved is marked, and its panel lists the new evidence", async ({ page }) => {
  await page.goto("/documents/us-28-2025-11-20/matrix?dimension=sanctions");
  const us13 = cell(page, "13", "us");
  await expect(us13).toContainText("✚ New evidence since 2026-06");
  await expect(us13).toHaveAccessibleName(/^Clause 13 × United States: .*; ✚ New evidence since 2026-06$/);
  await expect(cell(page, "13", "ru")).not.toContainText("New evidence");

  await us13.click();
  const panel = page.getByRole("dialog", { name: "Clause 13 × United States" });
  await expect(panel).toBeVisible();
  const fresh = panel.locator(".new-evidence");
  await expect(fresh.getByRole("heading", { name: "New evidence since release 2026-06 (2)" })).toBeVisible();
  await expect(fresh).toContainText("coded on release 2026-03");
  const treasury = fresh.locator("#position-us-sanctions-2026-03-12-treasury");
  await expect(treasury).toBeVisible();
  await expect(treasury.locator(".sources a").first()).toHaveAttribute("href", /^https?:\/\//);
});
