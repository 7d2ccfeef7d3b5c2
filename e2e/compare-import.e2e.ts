import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { signInAs } from "./helpers";

const US28 = "us-28-2025-11-20";

/** The first five points of the 28-point plan as the dataset summarises them, point 5 reworded, one new point. */
function buildText(): string {
  const file = path.resolve(__dirname, "..", "prisma", "seed", "data", "documents.json");
  const { documents } = JSON.parse(fs.readFileSync(file, "utf8")) as {
    documents: { id: string; clauses: { number: string; summary: string }[] }[];
  };
  const plan = documents.find((d) => d.id === US28)!;
  const points = plan.clauses
    .slice(0, 5)
    .map((c) => (c.number === "5" ? c.summary.replace("reliable", "robust") : c.summary));
  points.push("A joint commission reviews the implementation of every point twice a year and reports publicly.");
  return ["Revised framework (browser test)", "", ...points.map((p, k) => `${k + 1}. ${p}`)].join("\n");
}

const count = (page: Page, relation: string) => page.locator(`.compare-counts td[data-relation="${relation}"]`);

test("an editor pastes a numbered text, confirms the alignment and sees the diff on the compare page", async ({
  page,
  request,
}) => {
  await signInAs(page, "editor");
  await page.goto("/import");

  await page.getByLabel("Text of the new version").fill(buildText());
  await page.getByRole("button", { name: "Read the points" }).click();
  await expect(page.getByRole("status").filter({ hasText: "points found" })).toHaveText("6 points found");
  await expect(page.locator(".import-points tbody tr")).toHaveCount(6);

  await page.getByLabel("Base document").selectOption(US28);
  const alignment = page.locator(".import-alignment");
  await expect(alignment.locator("tbody tr")).toHaveCount(6);
  await expect(page.getByLabel("Base point (New point 1)")).toHaveValue("1");
  await expect(page.getByLabel("Relation (New point 1)")).toHaveValue("unchanged");
  await expect(page.getByLabel("Relation (New point 5)")).toHaveValue("modified");
  await expect(alignment.locator('tr[data-number="1"]')).toContainText("%");

  // The researcher corrects one pair: point 4 is to be reviewed as modified, not carried over as unchanged.
  await page.getByLabel("Relation (New point 4)").selectOption("modified");
  await expect(alignment.locator('tr[data-number="4"]')).toContainText("changed from the proposal");

  const stamp = Date.now().toString(36);
  await page.getByLabel("Title", { exact: true }).fill(`Browser import ${stamp}`);
  await page.getByLabel("Date of the version").fill("2025-12-05");
  await page.getByLabel(/^Origin/).fill("Assembled by the browser test from the reference summaries.");
  await page.getByLabel("Outlet").fill("Example Wire");
  await page.getByLabel("Address (https://)").fill("https://example.org/browser-import");
  await page.getByRole("button", { name: "Save the new version" }).click();

  const documentId = `browser-import-${stamp}-2025-12-05`;
  await expect(page).toHaveURL(new RegExp(`/compare\\?from=${US28}&to=${documentId}$`));
  await expect(count(page, "unchanged")).toHaveText("3");
  const json = await (await request.get(`/api/compare?from=${US28}&to=${documentId}`)).json();
  for (const [relation, n] of Object.entries(json.data.comparison.summary.counts as Record<string, number>))
    await expect(count(page, relation)).toHaveText(String(n));

  const corrected = page.locator('.compare-entry[data-from="4"][data-to="4"]');
  await expect(corrected.locator(".relation-badge")).toHaveText("modified");
  await expect(corrected.locator(".source-badge")).toHaveText("confirmed at import");

  const reworded = page.locator('.compare-entry[data-from="5"][data-to="5"]');
  await expect(reworded.locator("del").first()).toHaveText("deleted: reliable");
  await expect(reworded.locator("ins").first()).toHaveText("inserted: robust");
  await expect(reworded.locator(".compare-column").nth(1).locator(".sources a")).toHaveAttribute(
    "href",
    "https://example.org/browser-import",
  );

  // Unchanged points carry the base's assessments, marked for review in the matrix.
  await page.goto(`/documents/${documentId}/matrix`);
  await expect(page.locator('[role="row"][data-clause="1"] [role="gridcell"][data-party="ua"]')).toContainText(
    "inherited, needs review",
  );
  await expect(page.locator('[role="row"][data-clause="4"] .inherited-mark')).toHaveCount(0);
});

test("bad input is refused in the browser with a message naming the problem", async ({ page }) => {
  await page.goto("/import");
  await page.getByLabel("Text of the new version").fill("Sovereignty is reaffirmed.\nThe army is capped.");
  await page.getByRole("button", { name: "Read the points" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "No numbered points found" })).toBeVisible();

  await page.getByLabel("Text of the new version").fill("1. Sovereignty.\n2. Army.\n2. Amnesty.");
  await page.getByRole("button", { name: "Read the points" }).click();
  await expect(
    page.getByRole("alert").filter({ hasText: "Point numbers used more than once: 2 (lines 2, 3)" }),
  ).toBeVisible();

  const upload = page.getByLabel("Or upload a plain-text file (.txt, UTF-8)");
  await upload.setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(1024 * 1024 + 1, "a") });
  await expect(page.getByRole("alert").filter({ hasText: "over the 1 MB limit" })).toBeVisible();
  await upload.setInputFiles({
    name: "latin1.txt",
    mimeType: "text/plain",
    buffer: Buffer.from([0x31, 0x2e, 0x20, 0xe9]),
  });
  await expect(page.getByRole("alert").filter({ hasText: "not UTF-8 plain text" })).toBeVisible();

  // Without an account the page says so, and Save is not offered.
  await expect(page.getByText("Saving needs an editor account")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save the new version" })).toBeDisabled();
});
