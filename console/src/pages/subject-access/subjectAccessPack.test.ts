import createClient from "openapi-fetch";
import { describe, expect, it } from "vitest";
import type { paths } from "../../api/schema";
import { allPages, assemblePack, identifierOf, nhsNumberValid, noticeVersionsOf, packFileName } from "./subjectAccessPack";

describe("identifierOf", () => {
  it("checks an NHS number's check digit as typed", () => {
    expect(nhsNumberValid("9434765919")).toBe(true);
    expect(nhsNumberValid("9434765918")).toBe(false);
    expect(identifierOf("nhs-number", "943 476 5919")).toEqual({ identifier: "nhs-number:9434765919" });
    expect(identifierOf("nhs-number", "9434765918")).toHaveProperty("error");
  });

  it("knows the shapes of a UPN, an NI number and an internal id", () => {
    expect(identifierOf("upn", "a123456789012")).toEqual({ identifier: "upn:A123456789012" });
    expect(identifierOf("upn", "123")).toHaveProperty("error");
    expect(identifierOf("ni-number", "qq123456c")).toEqual({ identifier: "ni-number:QQ123456C" });
    expect(identifierOf("subject-id", "A528453C-6AC3-4FC3-A42B-7EC525C04027")).toEqual({
      identifier: "a528453c-6ac3-4fc3-a42b-7ec525c04027",
    });
    expect(identifierOf("case-management-id", "")).toEqual({ error: "Enter the child's identifier" });
  });
});

describe("allPages", () => {
  it("reads pages until the last", async () => {
    const asked: number[] = [];
    const items = await allPages(async (page) => {
      asked.push(page);
      return { items: [page * 2, page * 2 + 1], totalPages: 3 };
    });
    expect(asked).toEqual([0, 1, 2]);
    expect(items).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it("stops at an empty list", async () => {
    expect(await allPages(async () => ({ items: [], totalPages: 0 }))).toEqual([]);
  });
});

describe("noticeVersionsOf and packFileName", () => {
  it("lists each notice version once, in order", () => {
    const consents = [
      { notice: { slug: "what-it-means-to-me", version: 2 } },
      { notice: { slug: "children-families-education", version: 1 } },
      { notice: { slug: "what-it-means-to-me", version: 2 } },
      { notice: { slug: "what-it-means-to-me", version: 1 } },
    ];
    expect(noticeVersionsOf(consents)).toEqual([
      { slug: "children-families-education", version: 1 },
      { slug: "what-it-means-to-me", version: 1 },
      { slug: "what-it-means-to-me", version: 2 },
    ]);
  });

  it("names the file after the child's identifier and the day", () => {
    expect(packFileName({ askedFor: "nhs-number:9434765919", generatedAt: "2026-12-03T17:00:00Z" })).toBe(
      "subject-access-nhs-number-9434765919-2026-12-03.json",
    );
  });
});

/** The suite's answers, by method and path (with the query), as JSON; anything else is a 404 problem. */
function suite(answers: Record<string, unknown>) {
  const asked: string[] = [];
  const fetch = async (input: Request) => {
    const url = new URL(input.url);
    const key = `${input.method} ${url.pathname}${url.search}`;
    asked.push(key);
    if (key in answers) return Response.json(answers[key]);
    return Response.json({ status: 404, title: "Not found", requestId: "r-404" }, { status: 404 });
  };
  return { api: createClient<paths>({ baseUrl: "http://suite.test/", fetch }), asked };
}

describe("assemblePack", () => {
  it("gathers the child's consents, their history, the notices and the disclosures with their decisions", async () => {
    const subject = { id: "s-1", identifiers: [{ system: "nhs-number", value: "9434765919" }] };
    const { api } = suite({
      "GET /api/subjects?identifier=nhs-number%3A9434765919": subject,
      "GET /api/subjects/s-1/consents?page=0&size=100": {
        items: [{ id: "c-1", notice: { slug: "what-it-means-to-me", version: 1 } }],
        totalPages: 1,
      },
      "GET /api/consents/c-1/history": [{ seq: 1, event: "RECORDED", to: "ACTIVE" }],
      "GET /api/notices/what-it-means-to-me/versions/1": { slug: "what-it-means-to-me", number: 1, title: "WIMTM" },
      "GET /api/disclosures?subject=nhs-number%3A9434765919&page=0&size=100": {
        items: [{ id: "d-1", decisionId: "x-1", recipient: "university-of-bedfordshire", disclosedAt: "2026-12-01T10:00:00Z" }],
        totalPages: 1,
      },
    });
    const pack = await assemblePack(api, "nhs-number:9434765919", "Dana", () => new Date("2026-12-03T17:00:00Z"));
    expect(pack).toMatchObject({
      kind: "subject-access-pack",
      generatedAt: "2026-12-03T17:00:00.000Z",
      generatedBy: "Dana",
      subject,
      consents: [{ record: { id: "c-1" }, history: [{ seq: 1 }] }],
      noticesShown: [{ title: "WIMTM" }],
      disclosures: [{ id: "d-1" }],
      decisions: [],
    });
    // the decision could not be read: the pack says so rather than look complete
    expect(pack.notRead).toEqual([expect.stringMatching(/^Sharing decision x-1: /)]);
  });

  it("from an internal id, says the disclosures need the child's identifiers", async () => {
    const { api, asked } = suite({
      "GET /api/subjects/a528453c-6ac3-4fc3-a42b-7ec525c04027/consents?page=0&size=100": { items: [], totalPages: 0 },
    });
    const pack = await assemblePack(api, "a528453c-6ac3-4fc3-a42b-7ec525c04027", undefined);
    expect(asked.some((a) => a.startsWith("GET /api/subjects?"))).toBe(false);
    expect(pack.consents).toEqual([]);
    expect(pack.notRead).toEqual([expect.stringMatching(/^Disclosures and sharing decisions/)]);
  });

  it("fails as a whole when the child is not found", async () => {
    const { api } = suite({});
    await expect(assemblePack(api, "nhs-number:9434765919", undefined)).rejects.toMatchObject({ status: 404, requestId: "r-404" });
  });
});
