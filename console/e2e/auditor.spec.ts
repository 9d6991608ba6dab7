import { expect, test, type Page } from "@playwright/test";
import { api, checkPage, signIn } from "./support";

/*
 * The auditor's journey: every page the role reaches, read-only. No write action is offered anywhere (the API
 * refuses them anyway); the dashboard leaves out the DPO's queue and deliveries, which the API does not show auditors.
 */

/** What a write action would be called: a button or link starting with one of these words. */
const WRITE_ACTION =
  /^\s*(resolve|redeliver|publish|retire|record|submit|sign\b(?! out)|countersign|terminate|suspend|resume|withdraw|draft|create|new|save|delete|deactivate|rotate|upload|import|add|edit|approve|vary|accept|decline|register|disclose|renew|review)/i;

async function noWriteAction(page: Page, where: string) {
  const main = page.locator("main");
  // the page's reads have settled: nothing is loading any more
  // (a progress message ends with "…"; a result count such as "6 agreements." is a status that stays)
  await expect(main.getByRole("status").filter({ hasText: /…\s*$/ })).toHaveCount(0);
  const names = [
    ...(await main.getByRole("button").allInnerTexts()),
    ...(await main.getByRole("link").allInnerTexts()),
  ].filter((name) => WRITE_ACTION.test(name));
  expect(names, `write actions offered to the auditor on ${where}`).toEqual([]);
}

function nhsNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return [...digits, check].join("");
  }
}

test("the auditor sees every page of their role read-only", async ({ page, request }) => {
  test.setTimeout(360_000); // six pages checked with axe and at two widths, on a shared machine
  // a child of this run, registered by their caseworker, whose records the auditor looks into
  const nhs = nhsNumber();
  const subject = await api<{ id: string }>(request, "caseworker", "POST", "/api/subjects", {
    identifiers: [{ system: "nhs-number", value: nhs }],
    dateOfBirth: "2014-05-01",
  });

  await signIn(page, "auditor", "dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByText(/recipients checked/)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Referred withdrawals" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Parked webhook deliveries" })).toHaveCount(0);
  await noWriteAction(page, "the dashboard");
  await checkPage(page, "dashboard-auditor");

  const menu = page.getByRole("navigation", { name: "Menu" });
  for (const [link, name] of [
    ["Agreements", "agreements-auditor"],
    ["Notices", "notices-auditor"],
    ["Children's records", "children-auditor"],
  ] as const) {
    await menu.getByRole("link", { name: link }).click();
    await expect(page.locator("main h1").first()).toBeVisible();
    await noWriteAction(page, link);
    await checkPage(page, name);
  }

  await menu.getByRole("link", { name: "Access log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
  await page.getByLabel("Child's identifier").fill(`nhs-number:${nhs}`);
  await page.getByRole("button", { name: "Show the access log" }).click();
  // the auditor may not look a child up by identifier: the page says how to see consent-service's log
  await expect(page.getByText(/Enter the child's subject id to see this log/)).toBeVisible();
  // sharing-agreement-service's log of the child: empty on a fresh suite, where nobody read a decision about them
  await expect(
    page
      .getByRole("table", { name: "Reads of decisions and disclosures" })
      .or(page.getByText("Nobody has read these records."))
      .first(),
  ).toBeVisible();
  await page.getByLabel("Subject id (optional)").fill(subject.id);
  await page.getByRole("button", { name: "Show the access log" }).click();
  await expect(
    // the caseworker who registered the child is in it
    page.getByRole("table", { name: "Reads in consent-service" }).getByRole("cell", { name: /caseworker/ }).first(),
  ).toBeVisible();
  await noWriteAction(page, "the access log");
  await checkPage(page, "access-log-auditor");
});
