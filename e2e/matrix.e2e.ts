import { expect, test, type Page } from "@playwright/test";

const MATRIX = "/documents/us-28-2025-11-20/matrix";

const cell = (page: Page, clause: string, party: string) =>
  page.locator(`[role="row"][data-clause="${clause}"] [role="gridcell"][data-party="${party}"]`);

test("filter by territory, read clause 21 × Ukraine, open its evidence, reload the copied view", async ({ page }) => {
  await page.goto(MATRIX);
  await expect(page.getByRole("grid")).toBeVisible();
  await page.getByRole("checkbox", { name: /^Territory/ }).check();
  await expect(page).toHaveURL(/dimension=territory/);
  await expect(page.locator('[role="row"][data-clause]')).toHaveCount(5);

  const ua21 = cell(page, "21", "ua");
  // Chromium puts spaces around the visually hidden parentheses; screen readers read the same words.
  await expect(ua21).toHaveAccessibleName(/^Clause 21 × Ukraine: Crosses red line \( ?Territory ?\)$/);
  await expect(ua21).toContainText("Crosses red line");
  await expect(ua21.locator(".matrix-red-line")).toContainText("▲");
  await expect(ua21.locator(".matrix-red-line")).toContainText("Territory");

  await ua21.click();
  const panel = page.getByRole("dialog", { name: "Clause 21 × Ukraine" });
  await expect(panel).toBeVisible();
  await expect(panel.locator(".score")).toHaveText("Crosses red line");
  const source = panel.locator(".sources a").first();
  await expect(source).toHaveAttribute("href", /^https?:\/\//);
  await expect(panel.getByRole("heading", { name: "Red lines touched" })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(panel).toBeHidden();
  await expect(ua21).toBeFocused();

  const copied = page.url();
  await page.goto("about:blank");
  await page.goto(copied);
  await expect(page.getByRole("checkbox", { name: /^Territory/ })).toBeChecked();
  await expect(page.locator('[role="row"][data-clause]')).toHaveCount(5);
  await expect(cell(page, "21", "ua")).toContainText("Crosses red line");
});

test("arrow keys move between cells and Enter opens the evidence", async ({ page }) => {
  await page.goto(MATRIX);
  const first = cell(page, "1", "ua");
  await first.click();
  await page.keyboard.press("Escape");
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(cell(page, "1", "ru")).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(cell(page, "2", "ru")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(cell(page, "2", "ua")).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator('[role="row"][data-clause="2"] [role="rowheader"]')).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog", { name: "Clause 2 × Ukraine" })).toBeVisible();
  // Only one cell is in the tab order (roving tabindex).
  await expect(page.locator('[role="grid"] [tabindex="0"]')).toHaveCount(1);
});

for (const search of [
  "",
  "dimension=territory",
  "party=ua,ru&score=-2",
  "sort=conflict&q=nato",
  "asOf=2025-11-01&dimension=territory",
]) {
  test(`the page and its JSON twin agree for ?${search}`, async ({ page, request }) => {
    await page.setViewportSize({ width: 1500, height: 4000 });
    await page.goto(`${MATRIX}?${search}`);
    const json = await (await request.get(`/api/documents/us-28-2025-11-20/matrix?${search}`)).json();
    const expected = json.data.rows.map(
      (r: { number: string; cells: { partyId: string; key: string; redLines: unknown[] }[] }) => ({
        number: r.number,
        cells: r.cells.map((c) => `${c.partyId}:${c.key}:${c.redLines.length > 0}`),
      }),
    );
    await expect(page.locator('[role="grid"]')).toHaveAttribute("aria-rowcount", String(expected.length + 1));
    // Rows are virtualised: wait until the client has rendered them all (the viewport is tall enough).
    await expect(page.locator('[role="row"][data-clause]')).toHaveCount(expected.length);
    const rendered = await page.locator('[role="row"][data-clause]').evaluateAll((rows) =>
      rows.map((row) => ({
        number: row.getAttribute("data-clause"),
        cells: [...row.querySelectorAll('[role="gridcell"]')].map(
          (c) =>
            `${c.getAttribute("data-party")}:${[...c.classList].find((k) => k.startsWith("score-"))!.slice(6)}:${c.querySelector(".matrix-red-line") !== null}`,
        ),
      })),
    );
    expect(rendered).toEqual(expected);
  });
}

test("the matrix in Japanese: party names, headings and score labels", async ({ page }) => {
  await page.goto(`${MATRIX}?dimension=territory`);
  await page.getByRole("link", { name: "日本語" }).click();
  await expect(page).toHaveURL(/\/ja\/documents\/us-28-2025-11-20\/matrix\?dimension=territory$/);
  await expect(page.getByRole("columnheader", { name: "ウクライナ" })).toBeVisible();
  await expect(page.locator('[role="row"][data-clause="21"] [role="rowheader"]')).toContainText("領土");
  await expect(cell(page, "21", "ua")).toContainText("レッドラインを越える");
});
