import { expect, test } from "@playwright/test";
import { api, checkPage, signIn } from "./support";

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
