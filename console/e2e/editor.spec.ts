import { expect, test, type Page } from "@playwright/test";
import { api, checkPage, signIn } from "./support";

// Two sign-ins, a long form and axe on six pages: more than the default two minutes on a busy machine.
test.describe.configure({ timeout: 300_000 });

/** A slug no earlier run used, so the journey passes on a fresh suite and when run again. */
function uniqueSlug(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}

/** The rows of the draft form a notice needs, with health data (special category) and only an Article 6 basis. */
async function fillNoticeWithoutArticle9(page: Page, title: string): Promise<void> {
  await page.getByLabel("Title (en)").fill(title);
  await page.getByLabel("Summary (en)").fill("How the council uses health information for a pilot.");
  const sections = page.getByRole("group", { name: "Sections (en)" });
  await sections.getByLabel("Heading").fill("Who we are");
  await sections.getByLabel("Text").fill("Luton Borough Council is the controller.");
  const child = page.getByRole("group", { name: "Child-friendly summary (en)" });
  await child.getByRole("button", { name: "Add a section" }).click();
  await child.getByLabel("Heading").fill("About you");
  await child.getByLabel("Text").fill("We keep what we know about your health safe.");
  await page.getByLabel("Health (special category)", { exact: true }).check();
  const purposes = page.getByRole("group", { name: "Purposes" });
  await purposes.getByLabel("Purpose").selectOption("statutory-service");
  await purposes.getByLabel("In the notice's words").fill("To provide a statutory service");
  const bases = page.getByRole("group", { name: "Lawful bases" });
  await bases.getByLabel("Basis or condition").selectOption("uk-gdpr-6-1-e");
  await bases.getByLabel("In the notice's words").fill("Public task");
  await page.getByRole("group", { name: "Rights the notice explains" }).getByLabel("Right of access").check();
  await page.getByRole("group", { name: "Controllers" }).getByLabel("Name").fill("Luton Borough Council");
  await page.getByRole("group", { name: "Where the data comes from" }).getByLabel("Source").fill("Your case record");
  await page.getByLabel("How long the data is kept").fill("In line with the retention schedule");
  await page.getByLabel("How to reach them").fill("Through the council's data protection officer");
}

async function addArticle9Condition(page: Page): Promise<void> {
  const bases = page.getByRole("group", { name: "Lawful bases" });
  await bases.getByRole("button", { name: "Add a lawful basis" }).click();
  await expect(bases.getByLabel("For").nth(1)).toHaveValue("SPECIAL");
  await bases.getByLabel("Basis or condition").nth(1).selectOption("uk-gdpr-9-2-h");
  await bases.getByLabel("In the notice's words").nth(1).fill("Health or social care");
}

test("the editor drafts a notice, sees its publication refused with the Article 9 rule beside the lawful bases, fixes it and publishes", async ({
  page,
}) => {
  const slug = uniqueSlug("editor-journey");
  const title = `Health pilot ${slug}`;
  await signIn(page, "editor", "notices");
  await expect(page.getByRole("heading", { level: 1, name: "Notices" })).toBeVisible();
  await expect(page.getByRole("table")).toBeVisible();
  await checkPage(page, "notices-list");

  await page.getByRole("button", { name: "Create a notice" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Create a notice" })).toBeVisible();
  await page.getByLabel("Slug").fill(slug);
  await fillNoticeWithoutArticle9(page, title);
  await page.getByRole("button", { name: "Create draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the draft" })).toBeVisible();
  await expect(page.getByText(`Notice ${slug}, version 1`)).toBeVisible();

  // the check first: what publishing would say, beside the field it names
  await page.getByRole("button", { name: "Save and check for publication" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Publishing would be refused" })).toBeVisible();
  await expect(summary.getByRole("link", { name: /Lawful bases: .*special-category-needs-article-9/ })).toBeVisible();

  // the editor's publication is refused (422), the Article 9 rule beside the lawful bases, what was typed kept
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(summary.getByRole("heading", { name: "Publishing was refused" })).toBeVisible();
  await expect(summary.getByTestId("request-id")).not.toBeEmpty();
  const link = summary.getByRole("link", { name: /Lawful bases: .*special-category-needs-article-9/ });
  await expect(link).toBeVisible();
  await expect(page.getByTestId("error-lawfulBases")).toContainText("Art 9");
  await expect(page.getByTestId("error-lawfulBases")).toContainText("special-category-needs-article-9");
  await expect(page.getByLabel("Title (en)")).toHaveValue(title);
  await checkPage(page, "notice-draft-refused");
  await link.click();
  await expect(page.getByRole("group", { name: "Lawful bases" })).toBeInViewport();

  await addArticle9Condition(page);
  await page.getByRole("button", { name: "Save and check for publication" }).click();
  await expect(page.getByText("It breaks no publication rule: it can be published.")).toBeVisible();
  await expect(page.getByTestId("error-lawfulBases")).toHaveCount(0);

  await page.getByRole("link", { name: "Back to the version" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Version 1: ${title}` })).toBeVisible();
  await page.getByRole("button", { name: "Preview the impact" }).click();
  await expect(page.getByTestId("impact")).toContainText("No version is published yet");
  await checkPage(page, "notice-version-draft");

  // fixed, the editor publishes it (DESIGN: the DPO and notice editors author and publish notices)
  await page.getByRole("button", { name: "Edit, check and publish the draft" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit the draft" })).toBeVisible();
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();
  await page.getByRole("link", { name: `Notice ${slug}` }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const row = page.getByRole("row", { name: /Version 1/ });
  await expect(row.getByText("Published")).toBeVisible();
  await expect(row).toContainText("(in force)");
  // retiring stays the DPO's
  await page.getByRole("link", { name: "Version 1" }).click();
  await expect(page.getByRole("button", { name: "Retire this version" })).toHaveCount(0);
  await checkPage(page, "notice-published");
});

test("a refused publication shows its rule beside the field; fixed, the new version publishes and the diff is material", async ({
  page,
  request,
}) => {
  const slug = uniqueSlug("publish-refused");
  const content = {
    defaultLocale: "en",
    locales: { en: { title: `Refused then published ${slug}`, sections: [{ id: "who", heading: "Who we are", body: "The council." }] } },
    controllers: [{ name: "Luton Borough Council", role: "CONTROLLER" }],
    dpo: { description: "Through the council" },
    purposes: [{ code: "statutory-service", description: "To provide a statutory service" }],
    dataCategories: ["identity.name"],
    sources: [{ description: "Your case record" }],
    lawfulBases: [{ appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e", description: "Public task" }],
    internationalTransfers: { occurs: false },
    retention: { description: "In line with the retention schedule" },
    automatedDecisionMaking: { used: false, description: "None" },
    rights: ["access"],
  };
  await api(request, "editor", "POST", "/api/notices", { slug, content });
  // version 1 published as it is; version 2 adds health data without an Article 9 condition
  await signIn(page, "dpo", `notices/${slug}/versions/1/edit`);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();
  await page.getByRole("link", { name: `Notice ${slug}` }).click();
  await page.getByRole("button", { name: "Start a new version" }).click();
  await expect(page.getByText(`Notice ${slug}, version 2`)).toBeVisible();
  await page.getByLabel("Health (special category)", { exact: true }).check();

  await page.getByRole("button", { name: "Save and publish" }).click();
  const summary = page.getByRole("alert");
  await expect(summary.getByRole("heading", { name: "Publishing was refused" })).toBeVisible();
  await expect(summary.getByTestId("request-id")).not.toBeEmpty();
  await expect(page.getByTestId("error-lawfulBases")).toContainText("special-category-needs-article-9");
  await expect(page.getByLabel("Health (special category)", { exact: true })).toBeChecked();
  await checkPage(page, "notice-publish-refused");

  await addArticle9Condition(page);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByRole("heading", { level: 2, name: "Published" })).toBeVisible();

  await page.getByRole("link", { name: `Notice ${slug}` }).click();
  await expect(page.getByRole("row", { name: /Version 1/ }).getByText("Superseded")).toBeVisible();
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Changes from version 1 to version 2" })).toBeVisible();
  await expect(page.getByTestId("material-flag")).toContainText("Material change");
  await checkPage(page, "notice-diff");

  // the version in force retired, with a reason (If-Match and Idempotency-Key sent by the page)
  await page.getByRole("link", { name: `Notice ${slug}` }).click();
  await page.getByRole("link", { name: "Version 2" }).click();
  await page.getByRole("button", { name: "Retire this version" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await page.getByLabel("Why it is retired").fill("The pilot has ended");
  await page.getByRole("button", { name: "Retire this version" }).click();
  await expect(page.getByRole("list").getByText("RETIRED")).toBeVisible();
  await expect(page.getByText("The pilot has ended").first()).toBeVisible();
  await checkPage(page, "notice-version-retired");
});
