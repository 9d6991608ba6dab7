import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { mkdirSync } from "node:fs";

/**
 * The public notice a family reads, as a parent would open it: no sign-in, through the gateway (or notice-service
 * alone, with PUBLIC_BASE_URL). Real lists, no "- " lines, the DPV terms as JSON-LD, axe-core clean, readable at
 * 320 px and at 200% zoom; screenshots of each seed at 1280 and 375 px in target/playwright/screenshots/.
 */
const BASE = process.env.PUBLIC_BASE_URL ?? new URL(process.env.CONSOLE_BASE_URL ?? "http://localhost:8080/console/").origin;
const SCREENSHOTS = "target/playwright/screenshots";

const SEEDS = [
  { slug: "what-it-means-to-me", items: ["date of birth", "ethnicity", "care status", "health information"] },
  { slug: "children-families-education", items: ["health colleagues", "police", "Ofsted", "to support pupil learning"] },
] as const;

async function fits(page: Page, width: number, label: string): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label} fits ${width} px`).toBeLessThanOrEqual(1);
}

for (const seed of SEEDS) {
  test(`the public notice ${seed.slug} reads as a GOV.UK page with real lists and linked data`, async ({ page, request }) => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.goto(`${BASE}/public/notices/${seed.slug}`);
    await expect(page.locator("main h1")).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    const listed = await page.locator("main ul > li, main ol > li").allInnerTexts();
    for (const item of seed.items) {
      expect(listed.map((t) => t.trim()), `${seed.slug} lists "${item}"`).toContain(item);
    }
    const lines = (await page.locator("body").innerText()).split("\n").map((l) => l.trim());
    expect(lines.filter((l) => l.startsWith("- ")), "no line starts with a dash").toEqual([]);

    const headings = await page.locator("h1, h2, h3, h4").evaluateAll((hs) => hs.map((h) => Number(h.tagName[1])));
    headings.reduce((previous, level) => {
      expect(level, "headings in order").toBeLessThanOrEqual(previous + 1);
      return level;
    }, 1);

    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id} (${v.impact}): ${v.help}`), `axe on ${seed.slug}`).toEqual([]);

    const block = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
    expect(block["@context"].hasPersonalData["@id"]).toBe("dpv:hasPersonalData");
    expect(block.hasPersonalData.length).toBeGreaterThan(0);
    const ld = await request.get(`${BASE}/public/notices/${seed.slug}`, { headers: { Accept: "application/ld+json" } });
    expect(ld.headers()["content-type"]).toContain("application/ld+json");
    expect((await ld.json())["@type"]).toBe("dpv:PrivacyNotice");

    await page.screenshot({ path: `${SCREENSHOTS}/public-notice-${seed.slug}-1280.png`, fullPage: true });
    await fits(page, 375, seed.slug);
    await page.screenshot({ path: `${SCREENSHOTS}/public-notice-${seed.slug}-375.png`, fullPage: true });
    await fits(page, 320, seed.slug);
    // 200% zoom of a 1280 px window lays the page out at 640 CSS px.
    await fits(page, 640, `${seed.slug} at 200% zoom`);
  });
}

test("the children's summary is its own page and the version history links back", async ({ page }) => {
  await page.goto(`${BASE}/public/notices/what-it-means-to-me`);
  await page.getByRole("link", { name: "Summary for children and young people" }).first().click();
  await expect(page).toHaveURL(/view=child/);
  await expect(page.getByRole("heading", { level: 2, name: "It is your choice" })).toBeVisible();
  await expect(page.locator("#versions")).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
});
