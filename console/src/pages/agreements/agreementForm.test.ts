import { describe, expect, it } from "vitest";
import { EMPTY_FORM, formFieldOf, formOf, mergeContent, toContent, type AgreementFormValues } from "./agreementForm";

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

describe("formOf and mergeContent", () => {
  it("shows a draft's content in the form and reads it back unchanged", () => {
    const content = toContent(filled).content!;
    const again = toContent(formOf(filled.reference, content));
    expect(again.content).toEqual(content);
  });

  it("keeps what the form does not show when a draft is changed", () => {
    const previous = {
      ...toContent(filled).content!,
      accessLimit: { recipients: ["bedfordshire-police"], months: 6, after: "DESTROY" as const },
      securityRequirements: [{ code: "encrypted-transfer" }],
      transfer: { methods: ["paper"], frequency: "DAILY" as const, forbiddenMethods: ["unsecured-email"] },
      lawfulBases: [{ appliesTo: "PERSONAL" as const, basis: "uk-gdpr-6-1-e", statute: "Children Act 1989 s17" }],
    };
    const edited = toContent({ ...filled, title: "Renamed", endDate: "" }).content!;
    const merged = mergeContent(previous, edited);
    expect(merged.title).toBe("Renamed");
    expect(merged.accessLimit).toEqual(previous.accessLimit);
    expect(merged.securityRequirements).toEqual(previous.securityRequirements);
    expect(merged.transfer).toEqual({ methods: ["encrypted-file-transfer"], frequency: "ON_REQUEST", forbiddenMethods: ["unsecured-email"] });
    expect(merged.lawfulBases[0]).toEqual({ appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e", statute: "Children Act 1989 s17" });
    expect(merged.endDate).toBeUndefined();
  });
});
