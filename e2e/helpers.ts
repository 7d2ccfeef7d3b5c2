import { expect, type Page } from "@playwright/test";
import { e2eAccount, type TE2ERole } from "./accounts";

/** Signs in through the sign-in page as the test account of a role (n = 2 for the second coder). */
export async function signInAs(page: Page, role: TE2ERole, n = 1): Promise<void> {
  const account = e2eAccount(role, n);
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText(`Signed in as ${account.name}`)).toBeVisible();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
