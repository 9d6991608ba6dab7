import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { rmSync, writeFileSync, renameSync } from "node:fs";
import { api, apiToken, checkPage, GATEWAY, signIn, type DemoUser } from "./support";

/*
 * The DPO's journey: a late withdrawal referred to the DPO is resolved from the dashboard's queue, and a webhook
 * delivery the dispatcher parked is redelivered. Both are made in the setup through the API: the notice is published,
 * the form keyed and the subscription made 20 days in the past (the suite's test clock), the failing delivery walked
 * through its 12 attempts by stepping the clock past each retry, then the real time comes back and the child's
 * withdrawal, asked today, is after the 14-day window.
 */

const CLOCK = process.env.SUITE_CLOCK_FILE ?? "/work/suite-clock";
const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const SLUG = `console-dpo-${RUN}`;
const TARGET = `http://localhost:8080/api/no-such-receiver-${RUN}`;
const REASON = `Changed her mind (console run ${RUN})`;
const DAY = 86_400_000;

function setClock(at: Date): void {
  if (at.getTime() > Date.now()) throw new Error(`the suite's clock walks through the past only, not to ${at.toISOString()}`);
  // written aside and renamed over: a service never reads half an instant
  writeFileSync(`${CLOCK}.tmp`, at.toISOString());
  renameSync(`${CLOCK}.tmp`, CLOCK);
}

function resetClock(): void {
  rmSync(CLOCK, { force: true });
}

/** A call whose answer's headers matter (ETag, Location) or whose status is not 2xx. */
async function call(
  request: APIRequestContext,
  user: DemoUser,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const token = await apiToken(request, user);
  const response = await request.fetch(`${GATEWAY}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, Accept: "application/json", ...headers },
    ...(body === undefined ? {} : { data: body }),
  });
  const text = await response.text();
  return { status: response.status(), etag: response.headers()["etag"] ?? "", json: (text ? JSON.parse(text) : {}) as Record<string, unknown>, text };
}

function nhsNumber(): string {
  for (;;) {
    const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10));
    const sum = digits.reduce((s, d, i) => s + d * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return [...digits, check].join("");
  }
}

const NHS = nhsNumber();

const isoDay = (at: Date) => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(at);

function noticeContent() {
  return {
    defaultLocale: "en",
    locales: {
      en: {
        title: `Console journey ${RUN}`,
        summary: "What we do with your information",
        sections: [{ id: "who-we-are", heading: "Who we are", body: "We are the council." }],
        childSummary: [{ id: "about", heading: "About this", body: "We keep your information safe." }],
      },
    },
    controllers: [{ name: "Luton Borough Council", role: "CONTROLLER", organisationId: "luton-council" }],
    dpo: { description: "Contact the data protection officer through the council" },
    purposes: [{ code: "statutory-service", description: "To provide a statutory service" }],
    dataCategories: ["identity.date-of-birth"],
    sources: [{ description: "Your case record" }],
    lawfulBases: [{ appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e", description: "Public task" }],
    recipients: [{ name: "Luton Schools", organisationType: "school", organisationId: "luton-schools", role: "RECIPIENT" }],
    internationalTransfers: { occurs: false },
    retention: { description: "In line with the retention schedule" },
    automatedDecisionMaking: { used: false, description: "No automated decisions" },
    rights: ["access", "rectification"],
    transferMethods: { allowed: ["system-access"], forbidden: ["paper", "unsecured-email"] },
    consent: {
      requiredParties: ["child"],
      parentOrCarer: "WHERE_NEEDED",
      withdrawalWindowDays: 14,
      withdrawalWindowStartsOn: "FORM_ISSUED",
      withdrawalChannels: ["telling your caseworker"],
      effectOfWithdrawal: "Withdrawal stops new use of your information; what was already shared is not undone",
      consentDuration: "P6M",
      description: "Consent for six months; you can withdraw within two weeks of being given the form",
    },
  };
}

interface Delivery {
  id: string;
  status: string;
  attempts: number;
  nextAttemptAt?: string;
  etag: string;
}

let subscriptionId = "";
let withdrawalRequestId = "";

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  test.setTimeout(600_000);
  const start = new Date(Date.now() - 20 * DAY);
  try {
    setClock(start);
    // a receiver that never answers 2xx: the gateway's 404 for a path no service serves
    const subscription = await call(request, "dpo", "POST", "/api/notices/subscriptions", {
      targetUrl: TARGET,
      eventTypes: ["org.consentgov.notice.published"],
      description: `Console journey ${RUN}`,
    });
    expect(subscription.status, subscription.text).toBe(201);
    subscriptionId = String(subscription.json.id);

    // the notice the family is shown, published 20 days ago: its publication is the event the receiver never takes
    const created = await call(request, "editor", "POST", "/api/notices", { slug: SLUG, content: noticeContent() });
    expect(created.status, created.text).toBe(201);
    const v1 = await call(request, "dpo", "GET", `/api/notices/${SLUG}/versions/1`);
    const published = await call(request, "dpo", "POST", `/api/notices/${SLUG}/versions/1/publish`, {}, { "If-Match": v1.etag });
    expect(published.status, published.text).toBe(200);
    const contentHash = String(published.json.contentHash);

    // the form, issued and signed that day: the withdrawal window ends 14 days later
    const day = isoDay(start);
    const consent = await call(request, "caseworker", "POST", "/api/consents", {
      subject: {
        identifiers: [{ system: "nhs-number", value: NHS }],
        dateOfBirth: isoDay(new Date(start.getTime() - 13 * 365 * DAY)),
      },
      notice: { slug: SLUG, version: 1, contentHash },
      purposes: ["statutory-service"],
      parties: [
        { role: "child", decision: "GIVEN", decidedOn: day },
        { role: "parent", relationship: "mother", decision: "GIVEN", decidedOn: day },
      ],
      collectionMethod: "PAPER_FORM",
      formIssuedOn: day,
      formReceivedOn: day,
      givenOn: day,
      evidenceReference: `console journey ${RUN}`,
    });
    expect(consent.status, consent.text).toBe(201);
    const consentId = String(consent.json.id);

    // walk the delivery through its attempts: each step puts the clock just past the next retry
    let delivery: Delivery | undefined;
    for (let step = 0; step < 400; step++) {
      const page = await api<{ items: Delivery[] }>(request, "dpo", "GET", `/api/notices/subscriptions/${subscriptionId}/deliveries`);
      delivery = page.items[0];
      if (delivery?.status === "PARKED") break;
      if (delivery?.status === "PENDING" && delivery.nextAttemptAt) {
        const next = Date.parse(delivery.nextAttemptAt) + 1_000;
        if (next < Date.now()) setClock(new Date(next));
      }
      await new Promise((resolve) => setTimeout(resolve, 250)); // polling the dispatcher's progress, not timing
    }
    expect(
      delivery?.status,
      `the delivery is parked after its last attempt (does the suite follow the clock file ${CLOCK}? set SUITE_CLOCK_FILE to its SUITE_TEST_CLOCK_FILE)`,
    ).toBe("PARKED");
    resetClock();

    // today the child asks to stop: after the window, so the request is referred to the DPO
    const record = await call(request, "caseworker", "GET", `/api/consents/${consentId}`);
    const withdrawal = await call(
      request,
      "caseworker",
      "POST",
      `/api/consents/${consentId}/withdrawals`,
      { requestedBy: "child", channel: "told their caseworker", reason: REASON, requestedOn: isoDay(new Date()) },
      { "If-Match": record.etag },
    );
    expect(withdrawal.status, withdrawal.text).toBe(409);
    withdrawalRequestId = String(withdrawal.json.withdrawalRequestId);
  } finally {
    resetClock();
  }
});

test.afterAll(async ({ request }) => {
  resetClock();
  if (subscriptionId) {
    const current = await call(request, "dpo", "GET", `/api/notices/subscriptions/${subscriptionId}`);
    await call(request, "dpo", "DELETE", `/api/notices/subscriptions/${subscriptionId}`, undefined, { "If-Match": current.etag });
  }
});

/** The queue is oldest first: page on until the row of this run's request shows. */
async function queueRow(page: Page) {
  const queue = page.getByRole("region", { name: "Referred withdrawals" });
  const row = queue.getByRole("row").filter({ hasText: REASON });
  for (let i = 0; i < 50 && (await row.count()) === 0; i++) {
    await expect(queue.getByText(/waiting, oldest first/)).toBeVisible();
    if ((await row.count()) > 0) break;
    await queue.getByRole("button", { name: "Next page" }).click();
  }
  await expect(row).toHaveCount(1);
  return row;
}

test("the DPO resolves a referred withdrawal from the queue and redelivers a parked delivery", async ({ page, request }) => {
  test.setTimeout(360_000); // six pages checked with axe and at two widths, on a shared machine
  await signIn(page, "dpo", "dashboard");
  await expect(page.getByRole("heading", { level: 1, name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: "Referred withdrawals" })).toBeVisible();
  const row = await queueRow(page);
  await checkPage(page, "dashboard-dpo");

  await row.getByRole("link", { name: /Resolve/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Resolve a late withdrawal" })).toBeVisible();
  await expect(page.getByText(REASON)).toBeVisible();
  // a decision without its reason is refused beside the field, and the choice is kept
  await page.getByLabel("Accept: withdraw the consent now").check();
  await page.getByRole("button", { name: "Resolve withdrawal" }).click();
  await expect(page.locator("#field-note-error")).toContainText("Enter the reason for the decision");
  await expect(page.getByLabel("Accept: withdraw the consent now")).toBeChecked();
  await checkPage(page, "resolve-withdrawal");
  await page.getByLabel("Reason for the decision").fill("The child was not told about the window; withdrawn as asked");
  await page.getByRole("button", { name: "Resolve withdrawal" }).click();

  await expect(page.getByTestId("resolved")).toContainText("Withdrawal accepted");
  await expect(page.getByRole("region", { name: "Referred withdrawals" }).getByText(REASON)).toHaveCount(0);
  const resolved = await api<{ status: string }>(request, "dpo", "GET", `/api/consents/withdrawal-requests/${withdrawalRequestId}`);
  expect(resolved.status).toBe("ACCEPTED");

  // the parked delivery of this run's receiver, queued again
  const deliveries = page.getByRole("region", { name: "Parked webhook deliveries" });
  const parked = deliveries.getByRole("row").filter({ hasText: TARGET });
  await expect(parked).toHaveCount(1);
  await expect(parked.getByText("Parked")).toBeVisible();
  await parked.getByRole("button", { name: /Redeliver/ }).click();
  await expect(deliveries.getByTestId("redelivered")).toContainText("queued again: now Pending");
  await expect(parked).toHaveCount(0);
  const after = await api<{ items: Delivery[] }>(request, "dpo", "GET", `/api/notices/subscriptions/${subscriptionId}/deliveries`);
  expect(after.items[0]?.status).not.toBe("PARKED");
  await checkPage(page, "dashboard-dpo-after");

  // the access log of the child: who read their records
  await page.getByRole("navigation", { name: "Menu" }).getByRole("link", { name: "Access log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Access log" })).toBeVisible();
  await page.getByRole("button", { name: "Show the access log" }).click();
  await expect(page.locator("#field-identifier-error")).toBeVisible();
  await checkPage(page, "access-log-error");
  await page.getByLabel("Child's identifier").fill(`nhs-number:${NHS}`);
  await page.getByRole("button", { name: "Show the access log" }).click();
  // the caseworker read the record when withdrawing; the DPO's own reads are logged too
  await expect(page.getByRole("table", { name: "Reads in consent-service" }).getByRole("cell", { name: /caseworker/ }).first()).toBeVisible();
  // sharing-agreement-service's log of this child: nobody read a decision about them on a fresh suite
  await expect(page.getByRole("heading", { level: 2, name: "Decisions and disclosures" })).toBeVisible();
  await expect(
    page
      .getByRole("table", { name: "Reads of decisions and disclosures" })
      .or(page.getByText("Nobody has read these records."))
      .first(),
  ).toBeVisible();
  await checkPage(page, "access-log-dpo");
});
