import AxeBuilder from "@axe-core/playwright";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

/** The demo realm's users (password = user name; DEMO ONLY), as ./run prints them. */
export type DemoUser = "dpo" | "editor" | "caseworker" | "researcher" | "school" | "partner-police" | "auditor";

export const KEYCLOAK = process.env.KEYCLOAK_URL ?? "http://localhost:8180";
export const REALM = process.env.KEYCLOAK_REALM ?? "governance";
export const GATEWAY = new URL(process.env.CONSOLE_BASE_URL ?? "http://localhost:8080/console/").origin;
const SCREENSHOTS = "target/playwright/screenshots";

/** Signs in through Keycloak's own login page, as a person would, and waits for the console to greet them. */
export async function signIn(page: Page, user: DemoUser, path = ""): Promise<void> {
  await page.goto(path);
  await page.waitForURL((url) => url.origin === KEYCLOAK, { timeout: 30_000 });
  await page.locator("#username").fill(user);
  await page.locator("#password").fill(user);
  await page.locator("#kc-login").click();
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
}

/**
 * Checks a page as every page must be: axe-core finds no serious or critical violation, and at 375 px wide nothing
 * but a table's own scroll box is wider than the screen; screenshots at 1280 and 375 px wide are kept in
 * target/playwright/screenshots/.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await expect(page.locator("main h1").first()).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe on ${name}`,
  ).toEqual([]);
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-1280.png`, fullPage: true });
  await page.setViewportSize({ width: 375, height: 812 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${name} fits 375 px`).toBeLessThanOrEqual(1);
  await page.screenshot({ path: `${SCREENSHOTS}/${name}-375.png`, fullPage: true });
  await page.setViewportSize(size);
}

/** A token for setting up a journey's data through the API (the password grant of the CLI client: scripts only). */
export async function apiToken(request: APIRequestContext, user: DemoUser): Promise<string> {
  const response = await request.post(`${KEYCLOAK}/realms/${REALM}/protocol/openid-connect/token`, {
    form: { grant_type: "password", client_id: "governance-cli", username: user, password: user },
  });
  expect(response.ok(), await response.text()).toBeTruthy();
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Calls the API through the gateway as `user` and returns the parsed JSON (failing the test on an error). */
export async function api<T = unknown>(
  request: APIRequestContext,
  user: DemoUser,
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<T> {
  const token = await apiToken(request, user);
  const response = await request.fetch(`${GATEWAY}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...headers },
    ...(body === undefined ? {} : { data: body }),
  });
  expect(response.ok(), `${method} ${path}: ${response.status()} ${await response.text()}`).toBeTruthy();
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}
