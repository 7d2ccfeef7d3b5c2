import { expect, test } from "@playwright/test";
import { signInAs, signOut } from "./helpers";

test("an admin signs in, sees the members, and signs out; a coder cannot open the admin page", async ({ page }) => {
  await signInAs(page, "admin");
  await page.getByRole("link", { name: "Project administration" }).click();
  await expect(page.getByRole("heading", { name: "Members" })).toBeVisible();
  await expect(page.getByRole("row", { name: /e2e-coder@example.org/ })).toBeVisible();
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name.includes("session_token"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  await signOut(page);

  await signInAs(page, "coder");
  await page.goto("/admin");
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Your role does not allow this");
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("e2e-coder@example.org");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("The email or password is not right.");
});
