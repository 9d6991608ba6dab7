import { describe, expect, it } from "vitest";
import { type ConsentForm, formField, serverErrors, toRequest, type PublicNotice } from "./consentForm";
import { dateOf, EMPTY_DATE, partsOf } from "./DateInput";

const TODAY = "2026-03-03";
const NOTICE: PublicNotice = { slug: "what-it-means-to-me", version: 2, contentHash: "f".repeat(64) };

function form(changes: Partial<ConsentForm> = {}): ConsentForm {
  const now = partsOf(TODAY);
  return {
    slug: "what-it-means-to-me",
    purposes: ["research-what-it-means-to-me"],
    collectionMethod: "PAPER_FORM",
    formIssuedOn: EMPTY_DATE,
    formReceivedOn: now,
    givenOn: partsOf("2026-03-02"),
    evidenceReference: " EYES 12345 ",
    childDecision: "GIVEN",
    childCapacity: "GILLICK_COMPETENT",
    childDecidedOn: partsOf("2026-03-02"),
    parentRole: "parent",
    parentRelationship: "mother",
    parentDecision: "GIVEN",
    parentDecidedOn: partsOf("2026-03-02"),
    ...changes,
  };
}

describe("the record-consent form", () => {
  it("becomes the API's request: the version in force with its hash, the child and the parent as parties", () => {
    const { errors, request } = toRequest(form(), "subject-1", NOTICE, TODAY);
    expect(errors).toEqual({});
    expect(request).toEqual({
      subjectId: "subject-1",
      notice: { slug: "what-it-means-to-me", version: 2, contentHash: "f".repeat(64) },
      purposes: ["research-what-it-means-to-me"],
      collectionMethod: "PAPER_FORM",
      formReceivedOn: "2026-03-03",
      givenOn: "2026-03-02",
      evidenceReference: "EYES 12345",
      parties: [
        { role: "child", decision: "GIVEN", capacity: "GILLICK_COMPETENT", decidedOn: "2026-03-02" },
        { role: "parent", decision: "GIVEN", decidedOn: "2026-03-02", relationship: "mother" },
      ],
    });
  });

  it("leaves the parent out when the child decided alone", () => {
    const { request } = toRequest(form({ parentRole: "", parentDecidedOn: EMPTY_DATE }), "s", NOTICE, TODAY);
    expect(request?.parties).toHaveLength(1);
  });

  it("says what is missing or wrong, by field, and sends nothing", () => {
    const { errors, request } = toRequest(
      form({
        slug: "",
        purposes: [],
        collectionMethod: "",
        formReceivedOn: { day: "31", month: "2", year: "2026" },
        givenOn: partsOf("2026-03-04"),
        childDecidedOn: EMPTY_DATE,
      }),
      "s",
      undefined,
      TODAY,
    );
    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(["childDecidedOn", "collectionMethod", "formReceivedOn", "givenOn", "notice", "purposes"]);
    expect(errors.formReceivedOn).toEqual(["The day the form was received must be a real date"]);
    expect(errors.givenOn).toEqual(["The date must be today or in the past"]);
  });

  it("refuses a form signed after it was received", () => {
    const { errors } = toRequest(form({ formReceivedOn: partsOf("2026-03-01") }), "s", NOTICE, TODAY);
    expect(errors.givenOn).toEqual(["The form cannot be signed after it was received"]);
  });

  it("places the API's field errors beside this form's fields", () => {
    expect(formField("parties[1].decidedOn")).toBe("parentDecidedOn");
    expect(formField("parties[0].capacity")).toBe("childCapacity");
    expect(formField("parties[1].role")).toBe("parentRole");
    expect(formField("notice.contentHash")).toBe("notice");
    expect(formField("purposes[0]")).toBe("purposes");
    expect(formField("formReceivedOn")).toBe("formReceivedOn");
    expect(serverErrors(new Map([["parties[0].decidedOn", ["not in the future"]]]))).toEqual({
      childDecidedOn: ["not in the future"],
    });
  });
});

describe("a GOV.UK date", () => {
  it("is the API's LocalDate, or what is wrong in GOV.UK's words", () => {
    expect(dateOf({ day: "2", month: "3", year: "2026" }, "Date")).toEqual({ iso: "2026-03-02" });
    expect(dateOf(EMPTY_DATE, "Date")).toEqual({});
    expect(dateOf({ day: "2", month: "", year: "" }, "Date of birth").problem).toBe("Date of birth must include a month and year");
    expect(dateOf({ day: "29", month: "2", year: "2025" }, "Date").problem).toBe("Date must be a real date");
    expect(dateOf({ day: "29", month: "2", year: "2024" }, "Date")).toEqual({ iso: "2024-02-29" });
    expect(partsOf("2026-03-02")).toEqual({ day: "2", month: "3", year: "2026" });
  });
});
