import { expect, test } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { nhsCheckDigit } from "../src/pages/children/identifiers";
import { api, checkPage, signIn } from "./support";

/** A valid NHS number no earlier run used: nine random digits and their modulus 11 check digit. */
function uniqueNhsNumber(): string {
  for (;;) {
    const nine = `9${String(Math.floor(Math.random() * 1e8)).padStart(8, "0")}`;
    const check = nhsCheckDigit(nine);
    if (check !== undefined) return nine + check;
  }
}

const LONDON_TODAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(new Date());

/** The version in force of the research notice (in force since 2025, its withdrawal window 14 days from receipt). */
async function researchNotice(request: Parameters<typeof api>[0]) {
  const notice = await api<{ slug: string; version: number; contentHash: string; content: { purposes: { code: string }[] } }>(
    request,
    "caseworker",
    "GET",
    "/public/notices/what-it-means-to-me",
  );
  return { ref: { slug: notice.slug, version: notice.version, contentHash: notice.contentHash }, purpose: notice.content.purposes[0]?.code ?? "" };
}

test("a caseworker finds a child, records consent with a parent, sees it on the record and downloads the receipt", async ({
  page,
}) => {
  test.setTimeout(300_000); // five pages, each checked by axe at two widths, on a shared machine
  const nhsNumber = uniqueNhsNumber();
  const spaced = `${nhsNumber.slice(0, 3)} ${nhsNumber.slice(3, 6)} ${nhsNumber.slice(6)}`;
  const relationship = `mother ${nhsNumber.slice(-4)}`;

  await signIn(page, "caseworker", "children");
  await expect(page.getByRole("heading", { level: 1, name: "Find a child" })).toBeVisible();
  await checkPage(page, "children-find");

  // the check digit is checked as it is typed, after the first blur
  const number = page.getByRole("textbox", { name: "NHS number" });
  await number.fill(`${nhsNumber.slice(0, 9)}${(Number(nhsNumber[9]) + 1) % 10}`);
  await number.blur();
  await expect(page.locator("#field-identifier-error")).toContainText("Not a valid NHS number: the check digit is wrong");
  await number.fill(spaced);
  await expect(page.locator("#field-identifier-error")).toHaveCount(0);
  await page.getByRole("button", { name: "Find the child" }).click();
  const status = page.getByRole("status").filter({ hasText: "No child has the NHS number" });
  await expect(status).toContainText(nhsNumber);

  // not known yet: add the child
  await status.getByRole("link", { name: "Add a child" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Add a child" })).toBeVisible();
  await page.getByRole("textbox", { name: "NHS number" }).fill(spaced);
  const dob = page.getByRole("group", { name: "Date of birth" });
  await dob.getByLabel("Day").fill("20");
  await dob.getByLabel("Month").fill("11");
  await dob.getByLabel("Year").fill("2013");
  await checkPage(page, "children-add");
  await page.getByRole("button", { name: "Add the child" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Child's record" })).toBeVisible();
  await expect(page.getByTestId("identifier-nhs-number")).toHaveText(nhsNumber);
  await expect(page.getByText("No consent records.")).toBeVisible();

  // record a consent with a parent
  await page.getByRole("button", { name: "Record a consent" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Record a consent" })).toBeVisible();
  await page.getByLabel("Which notice was the family given?").selectOption("what-it-means-to-me");
  await expect(page.getByTestId("notice-version")).toContainText("version 1");
  await page.getByRole("group", { name: "What did they consent to?" }).getByRole("checkbox").first().check();
  await page.getByRole("radio", { name: "Paper form" }).check();
  await page.getByLabel("Who decided with the child?").selectOption("parent");
  await page.getByLabel("Relationship to the child (optional)").fill(relationship);
  await checkPage(page, "children-record-consent");
  await page.getByRole("button", { name: "Record the consent" }).click();

  await expect(page.getByText("Consent recorded")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: "Consent record" })).toBeVisible();
  await expect(page.getByTestId("consent-state")).toHaveText("Active");
  await expect(page.getByRole("table", { name: "Parties" })).toContainText(`Parent (${relationship})`);
  await expect(page.getByText("Recorded", { exact: true }).first()).toBeVisible();
  // its history, with the hash chain verified for the caseworker too
  await expect(page.getByTestId("chain-verification")).toContainText("Chain verified");
  await checkPage(page, "children-consent");

  // the FHIR view is the API's FHIR R4 Consent
  await page.getByText("FHIR view (HL7 FHIR R4 Consent)").click();
  const fhir = JSON.parse((await page.getByTestId("fhir-json").textContent()) ?? "{}") as { resourceType?: string };
  expect(fhir.resourceType).toBe("Consent");

  // the signed receipt is a file: a compact JWS whose claims name this record
  const consentUrl = page.url();
  const consentId = consentUrl.split("/").pop() ?? "";
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download the signed receipt" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`consent-receipt-${consentId}.jws`);
  const jws = (await readFile(await download.path())).toString("utf8").trim();
  const parts = jws.split(".");
  expect(parts).toHaveLength(3);
  for (const part of parts) expect(part).toMatch(/^[A-Za-z0-9_-]+$/);
  const header = JSON.parse(Buffer.from(parts[0] ?? "", "base64url").toString("utf8")) as { alg?: string; kid?: string };
  expect(header.alg).toBeTruthy();
  expect(header.kid).toBeTruthy();
  const claims = JSON.stringify(JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8")));
  expect(claims).toContain(consentId);

  // and the consent is on the child's record, with its parent
  await page.getByRole("link", { name: "Back to the child's record" }).click();
  const consents = page.getByRole("table", { name: "Consents" });
  await expect(consents).toContainText("what-it-means-to-me version 1");
  await expect(consents).toContainText(`Parent (${relationship}): given`);
  await expect(consents).toContainText("Active");
  await checkPage(page, "children-record");

  // found again by the number as typed
  await page.getByRole("link", { name: "Find another child" }).click();
  await page.getByRole("textbox", { name: "NHS number" }).fill(spaced);
  await page.getByRole("button", { name: "Find the child" }).click();
  await expect(page.getByTestId("identifier-nhs-number")).toHaveText(nhsNumber);
});

test("a late withdrawal shows the window's end and that it was referred to the DPO, who sees the chain verified", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const notice = await researchNotice(request);
  const nhsNumber = uniqueNhsNumber();
  // a form received on 1 November 2026: its 14-day window ended on 15 November
  const record = await api<{ id: string }>(
    request,
    "caseworker",
    "POST",
    "/api/consents",
    {
      subject: { identifiers: [{ system: "nhs-number", value: nhsNumber }], dateOfBirth: "2012-05-04" },
      notice: notice.ref,
      purposes: [notice.purpose],
      collectionMethod: "PAPER_FORM",
      formReceivedOn: "2026-11-01",
      givenOn: "2026-11-01",
      parties: [{ role: "child", decision: "GIVEN", decidedOn: "2026-11-01" }],
    },
    { "Idempotency-Key": `late-${nhsNumber}` },
  );

  await signIn(page, "caseworker", `children/consents/${record.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Consent record" })).toBeVisible();
  await expect(page.getByText("Withdrawal is accepted at once until 15 November 2026")).toBeVisible();
  await page.getByRole("button", { name: "Record the withdrawal" }).click();
  const banner = page.getByTestId("late-withdrawal");
  await expect(banner).toContainText("Referred to the data protection officer");
  await expect(banner).toContainText("The withdrawal window ended on 15 November 2026");
  await expect(page.getByTestId("consent-state")).toHaveText("Active");
  await expect(page.getByText("Late withdrawal referred to the DPO")).toBeVisible();
  await checkPage(page, "children-late-withdrawal");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();
  await signIn(page, "dpo", `children/consents/${record.id}`);
  await expect(page.getByTestId("chain-verification")).toContainText("Chain verified");
  await checkPage(page, "children-consent-dpo");
});

test("the DPO imports consent forms in bulk and sees the counts and the refused line", async ({ page, request }) => {
  test.setTimeout(300_000);
  const notice = await researchNotice(request);
  const line = (nhs: string) =>
    JSON.stringify({
      subject: { identifiers: [{ system: "nhs-number", value: nhs }], dateOfBirth: "2013-11-20" },
      notice: notice.ref,
      purposes: [notice.purpose],
      collectionMethod: "CASE_MANAGEMENT_IMPORT",
      formReceivedOn: LONDON_TODAY,
      parties: [{ role: "child", decision: "GIVEN", decidedOn: LONDON_TODAY }],
    });
  const good = uniqueNhsNumber();
  const bad = `${good.slice(0, 9)}${(Number(good[9]) + 1) % 10}`;
  const file = [line(good), "", line(bad), line(uniqueNhsNumber())].join("\n");

  await signIn(page, "dpo", "children");
  await page.getByRole("link", { name: "Import consent forms in bulk" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Import consent forms" })).toBeVisible();
  await checkPage(page, "children-import");
  await page.getByRole("button", { name: "Import the file" }).click();
  await expect(page.locator("#field-file-error")).toContainText("Select an NDJSON file");
  await page.getByLabel("Upload a file").setInputFiles({ name: "forms.ndjson", mimeType: "application/x-ndjson", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Import the file" }).click();
  await expect(page.getByTestId("import-result")).toContainText("2 accepted, 1 refused");
  const counts = page.getByTestId("import-counts");
  await expect(counts).toContainText("COMPLETED");
  const refused = page.getByRole("table", { name: /Refused lines/ });
  await expect(refused).toContainText("3");
  await expect(refused).toContainText("NHS number");
  await checkPage(page, "children-import-done");
});

test("an auditor reads consent records and their verified history, with no write action", async ({ page }) => {
  test.setTimeout(300_000);
  await signIn(page, "auditor", "children");
  await expect(page.getByRole("heading", { level: 1, name: "Children's records" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Find the child" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Add a child" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Import consent forms in bulk" })).toHaveCount(0);
  const records = page.getByRole("table", { name: "Consent records" });
  await expect(records).toBeVisible();
  await checkPage(page, "children-auditor");
  await records.getByRole("link").first().click();
  await expect(page.getByRole("heading", { level: 1, name: "Consent record" })).toBeVisible();
  await expect(page.getByTestId("chain-verification")).toBeVisible();
  await expect(page.getByRole("button", { name: "Download the signed receipt" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Record the withdrawal" })).toHaveCount(0);
  await checkPage(page, "children-consent-auditor");
  await page.goto("children/new");
  await expect(page.getByRole("heading", { level: 1, name: "You cannot use this page" })).toBeVisible();
});
