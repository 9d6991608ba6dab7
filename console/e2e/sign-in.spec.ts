import { expect, test } from "@playwright/test";
import { checkPage, signIn } from "./support";

test("a person signs in through Keycloak, sees only their role's areas, and signs out", async ({ page }) => {
  await signIn(page, "editor");
  await expect(page.getByRole("heading", { level: 1, name: "Governance console" })).toBeVisible();
  const menu = page.getByRole("navigation", { name: "Menu" });
  await expect(menu.getByRole("link", { name: "Notices" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Dashboard" })).toHaveCount(0);
  await expect(menu.getByRole("link", { name: "Agreements" })).toHaveCount(0);
  await checkPage(page, "home-editor");
  // tokens are held in memory only
  const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
  expect(stored).not.toMatch(/access_token|eyJ/);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
});
