import { describe, expect, it } from "vitest";
import { EMPTY_FORM, formFieldOf, toContent, type AgreementFormValues } from "./agreementForm";

const filled: AgreementFormValues = {
  ...EMPTY_FORM,
  reference: "ISA-LBC-POLICE-2027",
  title: "Police information sharing",
  parties: "luton-council CONTROLLER\nbedfordshire-police recipient",
  purposes: "keep-children-safe",
  dataCategories: "identity.date-of-birth, special.health",
  dataSubjects: "Children known to the police, and their families",
  lawfulBases: "PERSONAL uk-gdpr-6-1-e\nSPECIAL uk-gdpr-9-2-g substantial public interest",
  methods: "encrypted-file-transfer",
  frequency: "ON_REQUEST",
  linkedNotices: "children-families-education:1",
  retentionPeriod: "Six years",
  destruction: "Secure deletion",
  reviewCycleMonths: "12",
  startDate: "2027-01-01",
};

describe("toContent", () => {
  it("builds the request's content from what was typed", () => {
    const result = toContent(filled);
    expect(result.errors).toBeUndefined();
    expect(result.content).toMatchObject({
      title: "Police information sharing",
      parties: [
        { organisation: "luton-council", role: "CONTROLLER" },
        { organisation: "bedfordshire-police", role: "RECIPIENT" },
      ],
      dataCategories: ["identity.date-of-birth", "special.health"],
      dataSubjects: ["Children known to the police, and their families"],
      lawfulBases: [
        { appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e" },
        { appliesTo: "SPECIAL", basis: "uk-gdpr-9-2-g", description: "substantial public interest" },
      ],
      linkedNotices: [{ slug: "children-families-education", version: 1 }],
      consent: { required: false },
      transfer: { methods: ["encrypted-file-transfer"], frequency: "ON_REQUEST" },
      reviewCycleMonths: 12,
      startDate: "2027-01-01",
    });
    expect(result.content).not.toHaveProperty("endDate");
  });

  it("says beside each field what the form cannot turn into a request", () => {
    const result = toContent({
      ...filled,
      reference: "!",
      parties: "luton-council OWNER",
      lawfulBases: "uk-gdpr-6-1-e",
      consentRequired: true,
      reviewCycleMonths: "0",
      endDate: "2026-12-31",
    });
    expect(Object.keys(result.errors ?? {}).sort()).toEqual(
      ["consentNotice", "endDate", "lawfulBases", "parties", "reference", "reviewCycleMonths"].sort(),
    );
    expect(result.errors?.parties).toContain("luton-council OWNER");
  });

  it("needs two parties at least", () => {
    expect(toContent({ ...filled, parties: "luton-council CONTROLLER" }).errors?.parties).toMatch(/at least two/);
  });
});

describe("formFieldOf", () => {
  it("puts the API's field errors beside the form's fields", () => {
    expect(formFieldOf("content.parties[1].role")).toBe("parties");
    expect(formFieldOf("create.request.content.title")).toBe("title");
    expect(formFieldOf("content.transfer.methods[0]")).toBe("methods");
    expect(formFieldOf("reference")).toBe("reference");
    expect(formFieldOf("content.unknown")).toBeUndefined();
  });
});
