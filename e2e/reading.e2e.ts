import fs from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";

const shippedDocumentIds: string[] = JSON.parse(
  fs.readFileSync(path.join(__dirname, "..", "prisma", "seed", "data", "documents.json"), "utf8"),
).documents.map((d: { id: string }) => d.id);

test("home lists the 14 shipped documents and links to the 28-point plan", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  // Other browser tests may have imported a version meanwhile: every shipped document must be listed.
  expect(shippedDocumentIds).toHaveLength(14);
  const linked = await page
    .locator(".documents-table tbody tr th a")
    .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  for (const id of shippedDocumentIds) expect(linked).toContain(`/documents/${id}`);
  await page.getByRole("link", { name: "US 28-point peace plan draft" }).click();
  await expect(page).toHaveURL(/\/documents\/us-28-2025-11-20$/);
  await expect(page.locator(".clause-list > li")).toHaveCount(28);
  await expect(page.getByText("Clause texts are our own summaries").first()).toBeVisible();
});

test("a clause shows each party's assessment with evidence and source links", async ({ page }) => {
  await page.goto("/clauses/us-28-2025-11-20/21");
  const ukraine = page.locator(".party-card", { has: page.getByRole("heading", { name: "Ukraine" }) });
  await expect(ukraine.locator(".score")).toContainText("Crosses red line");
  await expect(ukraine.locator(".red-line-mark")).toContainText("Territory");
  await ukraine.getByText(/^Evidence/).click();
  const link = ukraine.locator(".evidence .sources a").first();
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute("href", /^https?:\/\//);
  await expect(page.locator("section[aria-labelledby='text-heading'] .sources a").first()).toHaveAttribute(
    "href",
    /^https?:\/\//,
  );
});

test("the language switch keeps the view and shows the Japanese data", async ({ page }) => {
  await page.goto("/clauses/us-28-2025-11-20/21");
  await page.getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/ja\/clauses\/us-28-2025-11-20\/21$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "ja");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("領土");
  await expect(page.locator(".party-card").first().locator(".score")).toContainText("レッドラインを越える");
});

test("a party page groups positions by dimension, newest first, with sources", async ({ page }) => {
  await page.goto("/parties/ua");
  const territory = page.locator("#dimension-territory");
  await expect(territory.getByRole("heading", { name: "Territory" })).toBeVisible();
  const dates = await territory
    .locator(".position time")
    .evaluateAll((els) => els.map((e) => e.getAttribute("datetime")));
  expect(dates.length).toBeGreaterThan(1);
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(territory.locator(".sources a").first()).toHaveAttribute("href", /^https?:\/\//);
});

test("an unknown document renders the not-found page with a 404", async ({ page }) => {
  const response = await page.goto("/documents/no-such-document");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});
