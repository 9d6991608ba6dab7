import { expect, test } from "@playwright/test";
import { api, apiToken, checkPage, GATEWAY, signIn } from "./support";

interface AgreementList {
  items: { id: string; reference: string; parties: string[] }[];
}

test("a partner (school) sees only its own agreements, opens its own, and gets not found for the research one", async ({
  page,
  request,
}) => {
  // the seed agreements, as the DPO sees them: EYES with Luton Schools, the research one with the university
  const all = await api<AgreementList>(request, "dpo", "GET", "/api/agreements?size=100");
  const research = all.items.find(
    (a) => a.parties.includes("university-of-bedfordshire") && !a.parties.includes("luton-schools"),
  );
  const eyes = all.items.find((a) => a.parties.includes("luton-schools") && a.reference === "ISA-LBC-LUTON-SCHOOLS-EYES");
  expect(research, "the seed research agreement").toBeDefined();
  expect(eyes, "the seed EYES agreement").toBeDefined();

  await signIn(page, "school", "agreements");
  await expect(page.getByRole("heading", { level: 1, name: "Agreements" })).toBeVisible();
  const rows = page.locator("main table tbody tr");
  await expect(rows.first()).toBeVisible();
  await expect(page.getByRole("link", { name: eyes!.reference })).toBeVisible();
  await expect(page.getByRole("link", { name: research!.reference })).toHaveCount(0);
  // every agreement listed has the school's organisation as a party
  for (const parties of await rows.locator("td:nth-child(2)").allTextContents()) {
    expect(parties).toContain("luton-schools");
  }
  // a partner drafts nothing
  await expect(page.getByRole("button", { name: "Draft an agreement" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: "Draft an agreement" })).toHaveCount(0);
  await checkPage(page, "agreements-list-school");

  await page.getByRole("link", { name: eyes!.reference }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Early Years and Education Services/ })).toBeVisible();
  await expect(page.getByRole("heading", { name: /Parties and signatures/ })).toBeVisible();
  await expect(page.getByRole("cell", { name: /Luton Schools/ }).first()).toBeVisible();
  await expect(page.getByRole("heading", { name: "Disclosures under this agreement" })).toBeVisible();
  await expect(page.getByText("Loading disclosures")).toHaveCount(0);
  // the lifecycle is the DPO's: nothing to do for the school on an agreement it has signed
  for (const action of ["Suspend", "Terminate", "Record a review", "Start a variation", "Put up for signature"]) {
    await expect(page.getByRole("button", { name: action })).toHaveCount(0);
  }
  await checkPage(page, "agreement-detail-school");

  await page.goto(`agreements/${research!.id}`);
  await expect(page.getByRole("heading", { level: 1, name: "Agreement not found" })).toBeVisible();
  await expect(page.getByTestId("not-found")).toContainText("not one your organisation is party to");
  await expect(page.getByTestId("request-id")).not.toBeEmpty();
  await expect(page.getByText(research!.reference)).toHaveCount(0);
  await checkPage(page, "agreement-not-found-school");
});

test("the DPO drafts an agreement with a partner and puts it up for signature; each party signs and it comes into force", async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const reference = `ISA-E2E-POLICE-${Date.now()}`;
  const today = new Date().toISOString().slice(0, 10);

  await signIn(page, "dpo", "agreements/new");
  await expect(page.getByRole("heading", { level: 1, name: "Draft an agreement" })).toBeVisible();
  await page.getByLabel("Reference", { exact: true }).fill(reference);
  await page.getByLabel("Title", { exact: true }).fill(`Police referrals ${reference}`);
  await page.getByLabel("Parties").fill("luton-council CONTROLLER\nbedfordshire-police RECIPIENT");
  await page.getByLabel("Purposes").fill("keep-children-safe");
  await page.getByLabel("Data categories").fill("identity.date-of-birth");
  await page.getByLabel("Who the data is about").fill("Children referred to the police");
  await page.getByLabel("Lawful bases").fill("PERSONAL uk-gdpr-6-1-e");
  await page.getByLabel("Transfer methods allowed").fill("encrypted-file-transfer");
  await page.getByLabel("How long the data is kept").fill("Until the referral is closed");
  await page.getByLabel("How the data is destroyed").fill("Secure deletion");
  await page.getByLabel("Start date").fill(today);
  // an end date before the start is refused beside the field, and everything typed stays
  await page.getByLabel("End date (optional)").fill("2020-01-01");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.locator("#field-endDate-error")).toContainText("on or after the start date");
  await expect(page.getByLabel("Reference", { exact: true })).toHaveValue(reference);
  await checkPage(page, "agreement-draft-dpo");
  await page.getByLabel("End date (optional)").fill("");
  await page.getByRole("button", { name: "Save the draft" }).click();

  await expect(page.getByRole("heading", { level: 1, name: `Police referrals ${reference}` })).toBeVisible();
  const id = page.url().split("/agreements/")[1]!.split("?")[0]!;
  // the API refuses to put it up for signature without the notice that tells families: said in its words
  await page.getByRole("button", { name: "Put up for signature" }).click();
  await page.getByRole("button", { name: "Confirm: put up for signature" }).click();
  await expect(page.getByTestId("problem-text")).toContainText("link the published privacy notice");
  await expect(page.getByTestId("request-id")).not.toBeEmpty();
  await page.getByRole("button", { name: "Cancel" }).click();
  await page.getByRole("link", { name: "Change the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Change the draft of/ })).toBeVisible();
  await expect(page.getByLabel("Parties")).toHaveValue("luton-council CONTROLLER\nbedfordshire-police RECIPIENT");
  await page.getByLabel("Linked notices (optional)").fill("children-families-education:1");
  await page.getByRole("button", { name: "Save the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Police referrals ${reference}` })).toBeVisible();
  await expect(page.getByText("children-families-education version 1")).toBeVisible();
  await page.getByRole("button", { name: "Put up for signature" }).click();
  await page.getByRole("button", { name: "Confirm: put up for signature" }).click();
  await expect(page.getByText("The draft is up for signature.")).toBeVisible();
  await page.getByRole("button", { name: "Sign for your organisation" }).click();
  await page.getByRole("button", { name: "Confirm: sign for your organisation" }).click();
  await expect(page.getByText("Your organisation has signed.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign for your organisation" })).toHaveCount(0);
  await checkPage(page, "agreement-detail-dpo");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You have signed out.")).toBeVisible();

  // the partner signs for its organisation: the last signature brings it into force
  await signIn(page, "partner-police", `agreements/${id}`);
  await expect(page.getByRole("heading", { level: 1, name: `Police referrals ${reference}` })).toBeVisible();
  for (const action of ["Suspend", "Terminate", "Put up for signature"]) {
    await expect(page.getByRole("button", { name: action })).toHaveCount(0);
  }
  await page.getByRole("button", { name: "Sign for your organisation" }).click();
  await page.getByRole("button", { name: "Confirm: sign for your organisation" }).click();
  await expect(page.getByText("Your organisation has signed.")).toBeVisible();
  await expect(page.locator("dl").first().getByText("Active", { exact: true }).first()).toBeVisible();
  await checkPage(page, "agreement-detail-police");

  // the journey's agreement is ended, so that it shares nothing after the test
  const token = await apiToken(request, "dpo");
  const read = await request.get(`${GATEWAY}/api/agreements/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  const ended = await request.post(`${GATEWAY}/api/agreements/${id}/terminate`, {
    headers: { Authorization: `Bearer ${token}`, "If-Match": read.headers()["etag"] ?? "", "Idempotency-Key": crypto.randomUUID() },
    data: { reason: "end-to-end test record" },
  });
  expect(ended.ok(), await ended.text()).toBeTruthy();
});
