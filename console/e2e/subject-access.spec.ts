import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";
import { api, checkPage, signIn } from "./support";

/** A fresh NHS number in the range NHS England keeps for tests (999…), with its modulus 11 check digit. */
function testNhsNumber(): string {
  for (;;) {
    const digits = [9, 9, 9, ...Array.from({ length: 6 }, () => Math.floor(Math.random() * 10))];
    const check = 11 - (digits.reduce((sum, d, i) => sum + d * (10 - i), 0) % 11);
    if (check !== 10) return `${digits.join("")}${check === 11 ? 0 : check}`;
  }
}

interface Notice {
  versions: { number: number; state: string; contentHash: string; title: string }[];
}

test("the DPO opens a child's subject access pack: notices, consents, disclosures, print and JSON download", async ({
  page,
  request,
}) => {
  const nhs = testNhsNumber();
  const today = new Date().toISOString().slice(0, 10);
  const notice = await api<Notice>(request, "dpo", "GET", "/api/notices/what-it-means-to-me");
  const inForce = notice.versions.find((v) => v.state === "PUBLISHED")!;
  const consent = await api<{ id: string }>(
    request,
    "caseworker",
    "POST",
    "/api/consents",
    {
      subject: { identifiers: [{ system: "nhs-number", value: nhs }], dateOfBirth: "2013-11-20" },
      notice: { slug: "what-it-means-to-me", version: inForce.number, contentHash: inForce.contentHash },
      purposes: ["research-what-it-means-to-me"],
      parties: [
        { role: "child", decision: "GIVEN", decidedOn: today, capacity: "GILLICK_COMPETENT", assessedOn: today },
        { role: "parent", decision: "GIVEN", decidedOn: today },
      ],
      collectionMethod: "PAPER_FORM",
      formIssuedOn: today,
      formReceivedOn: today,
      evidenceReference: `subject access journey ${nhs}`,
    },
    { "Idempotency-Key": crypto.randomUUID() },
  );
  // the research team receives two categories under the research agreement
  await api(request, "dpo", "POST", "/api/sharing-decisions", {
    recipient: "university-of-bedfordshire",
    subject: `nhs-number:${nhs}`,
    purpose: "research-what-it-means-to-me",
    categories: ["identity.date-of-birth", "identity.gender"],
    transferMethod: "system-access",
    record: true,
  });

  await signIn(page, "dpo", "subject-access");
  await expect(page.getByRole("heading", { level: 1, name: "Subject access" })).toBeVisible();
  await checkPage(page, "subject-access-search");
  // a mistyped NHS number is caught as typed, and kept
  await page.getByLabel("NHS number").check();
  await page.getByLabel("Identifier").fill(nhs.slice(0, 9) + ((Number(nhs[9]) + 1) % 10));
  await page.getByRole("button", { name: "Open the pack" }).click();
  await expect(page.getByText(/its last digit checks the others/).first()).toBeVisible();
  await page.getByLabel("Identifier").fill(nhs);
  await page.getByRole("button", { name: "Open the pack" }).click();

  await expect(page.getByRole("heading", { level: 1, name: "Subject access pack" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Notices shown" })).toBeVisible();
  await expect(page.getByRole("cell", { name: new RegExp(inForce.title) })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Consents and their history" })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: /what-it-means-to-me version \d+: given, active/ })).toHaveCount(1);
  await expect(page.getByText(`nhs-number: ${nhs}`)).toBeVisible();
  await expect(page.getByRole("link", { name: "ISA-LBC-UOB-WIMTM" })).toBeVisible();
  await expect(page.getByRole("cell", { name: /^PERMIT university-of-bedfordshire/ })).toBeVisible();
  await expect(page.getByTestId("not-read")).toHaveCount(0);
  await checkPage(page, "subject-access-pack");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("button", { name: "Download as JSON" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe(`subject-access-nhs-number-${nhs}-${today}.json`);
  const pack = JSON.parse(readFileSync((await download.path())!, "utf8")) as {
    kind: string;
    consents: { record: { id: string }; history: unknown[] }[];
    noticesShown: { slug: string }[];
    disclosures: { recipient: string }[];
    decisions: { decision: string }[];
  };
  expect(pack.kind).toBe("subject-access-pack");
  expect(pack.consents.map((c) => c.record.id)).toEqual([consent.id]);
  expect(pack.consents[0]!.history.length).toBeGreaterThan(0);
  expect(pack.noticesShown.map((n) => n.slug)).toEqual(["what-it-means-to-me"]);
  expect(pack.disclosures.map((d) => d.recipient)).toEqual(["university-of-bedfordshire"]);
  expect(pack.decisions.map((d) => d.decision)).toEqual(["PERMIT"]);

  // printed, the page keeps the pack and drops the console's frame and buttons
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("button", { name: "Download as JSON" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Menu" })).toBeHidden();
  await expect(page.getByRole("heading", { name: "Consents and their history" })).toBeVisible();
  await page.screenshot({ path: "target/playwright/screenshots/subject-access-pack-print.png", fullPage: true });
  await page.emulateMedia({ media: "screen" });
});
