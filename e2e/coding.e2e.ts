import { expect, test, type Page } from "@playwright/test";
import { e2eAccount } from "./accounts";
import { signInAs, signOut } from "./helpers";

const DOC = "us-28-2025-11-20";
const MATRIX = `/documents/${DOC}/matrix`;
const BLIND = "Hidden until you code this cell";

const cell = (page: Page, clause: string, party: string) =>
  page.locator(`[role="row"][data-clause="${clause}"] [role="gridcell"][data-party="${party}"]`);

/** The signed-in account's own codes of Ukraine's cells: clause numbers, and the account's coder id. */
async function ownCodes(page: Page): Promise<{ clauses: Set<string>; coderId: string | null }> {
  const response = await page.request.get(`/api/codes?document=${DOC}&party=ua`);
  expect(response.ok()).toBe(true);
  const codes = ((await response.json()).data.codes as { clauseId: string; own: boolean; coder: { id: string } }[])
    .filter((c) => c.own)
    .map((c) => ({ number: c.clauseId.split("#")[1], coderId: c.coder.id }));
  return { clauses: new Set(codes.map((c) => c.number)), coderId: codes[0]?.coderId ?? null };
}

/** Opens a cell's panel and saves the signed-in coder's code through the "Your code" form. */
async function codeCell(page: Page, clause: string, score: string, rationale: string) {
  await cell(page, clause, "ua").click();
  const panel = page.getByRole("dialog", { name: `Clause ${clause} × Ukraine` });
  const form = panel.getByRole("form", { name: "Your code" });
  await expect(form).toBeVisible();
  await form.getByLabel("Score", { exact: true }).selectOption(score);
  await form.getByLabel("Confidence", { exact: true }).selectOption("medium");
  await form.getByLabel("Rationale", { exact: true }).fill(rationale);
  await form.getByRole("button", { name: "Save code" }).click();
  await expect(form.getByRole("status")).toHaveText("Saved (version 1).");
  return panel;
}

test("two coders code the same two cells blind, then see each other's codes and the agreement", async ({ page }) => {
  // Cells neither coder has coded yet (the server's database may hold codes from an earlier run).
  await signInAs(page, "coder", 2);
  const taken = (await ownCodes(page)).clauses;
  await signOut(page);
  await signInAs(page, "coder");
  for (const n of (await ownCodes(page)).clauses) taken.add(n);
  const [first, second] = Array.from({ length: 28 }, (_, i) => String(i + 1)).filter((n) => !taken.has(n));
  expect(second).toBeDefined();

  await page.goto(MATRIX);
  await codeCell(page, first, "-2", "Coder 1: crosses the red line.");
  await codeCell(page, second, "1", "Coder 1: consistent.");
  const coder1 = (await ownCodes(page)).coderId;
  expect(coder1).not.toBeNull();
  await signOut(page);

  await signInAs(page, "coder", 2);
  await page.goto(`${MATRIX}?coder=${coder1}`);
  await expect(cell(page, first, "ua")).toContainText(BLIND);
  await expect(cell(page, second, "ua")).toContainText(BLIND);

  await cell(page, first, "ua").click();
  const panel = page.getByRole("dialog", { name: `Clause ${first} × Ukraine` });
  await expect(panel.getByText("This coder's assessment is hidden until you code this cell yourself")).toBeVisible();
  const others = panel.getByRole("region", { name: "Other coders" });
  await expect(others).toContainText("Other coders' codes are hidden until you code this cell.");
  await expect(others).not.toContainText(e2eAccount("coder").name);

  await codeCell(page, first, "-2", "Coder 2: crosses the red line too.");
  await expect(others).toContainText(e2eAccount("coder").name);
  await expect(others).toContainText("Coder 1: crosses the red line.");
  await expect(cell(page, first, "ua")).toContainText("Crosses red line");
  // Still hidden: coder 2 has not coded the second cell yet.
  await expect(cell(page, second, "ua")).toContainText(BLIND);

  const secondPanel = await codeCell(page, second, "0", "Coder 2: mixed.");
  await expect(secondPanel.getByRole("region", { name: "Other coders" })).toContainText("Coder 1: consistent.");
  await expect(cell(page, second, "ua")).toContainText("Consistent");
  await expect(secondPanel.getByRole("region", { name: "History of this cell" })).toContainText("coded the cell");

  await page.getByRole("link", { name: "Agreement between coders" }).click();
  await expect(page.getByRole("heading", { name: "Krippendorff's alpha" })).toBeVisible();
  await expect(page.getByRole("row", { name: /^Nominal/ })).toContainText(/\d\.\d{3}/);
  await expect(page.getByRole("row", { name: /^Ordinal/ })).toBeVisible();
  await expect(page.getByRole("row", { name: /E2E coder(-2)? and E2E coder/ })).toBeVisible();
  await expect(page.getByText(/you see the disagreements on cells you have coded yourself/)).toBeVisible();
});
