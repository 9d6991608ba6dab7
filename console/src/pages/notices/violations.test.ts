import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/problem";
import { contentPath, errorsByField, formFieldOf, problemsOf, WHOLE_FORM } from "./violations";

const SHOWN = new Set(["lawfulBases", "dataCategories", "locales.en.title", "locales.en.sections", "slug"]);

describe("the violations of a publication attempt, by form field", () => {
  it("takes the rule violations of a refused publish, not their copies in errors", () => {
    const refused = new ApiError(
      {
        status: 422,
        code: "special-category-needs-article-9",
        errors: [{ field: "content.lawfulBases", message: "special-category-needs-article-9: needs Art 9" }],
        violations: [{ rule: "special-category-needs-article-9", field: "content.lawfulBases", message: "needs Art 9" }],
      } as never,
      "req-1",
    );
    expect(problemsOf(refused)).toEqual([
      { field: "lawfulBases", message: "needs Art 9", rule: "special-category-needs-article-9" },
    ]);
    expect(errorsByField(problemsOf(refused), SHOWN)).toEqual(
      new Map([["lawfulBases", ["needs Art 9 (rule special-category-needs-article-9)"]]]),
    );
  });

  it("takes a check's violations, which name the field without the request's prefix", () => {
    const checks = {
      number: 2,
      publishable: false,
      violations: [{ rule: "special-category-needs-article-9", field: "lawfulBases", message: "needs Art 9" }],
    };
    expect(errorsByField(problemsOf(checks), SHOWN).get("lawfulBases")).toEqual([
      "needs Art 9 (rule special-category-needs-article-9)",
    ]);
  });

  it("shows a problem of one item beside its list, saying which item", () => {
    const invalid = new ApiError(
      { status: 400, errors: [{ field: "createNotice.request.content.dataCategories[3]", message: "unknown code" }] },
      undefined,
    );
    expect(errorsByField(problemsOf(invalid), SHOWN).get("dataCategories")).toEqual(["Item 4: unknown code"]);
  });

  it("keeps the most precise field the form shows", () => {
    expect(formFieldOf("locales.en.title", SHOWN)).toBe("locales.en.title");
    expect(formFieldOf("locales.en.sections[0].body", SHOWN)).toBe("locales.en.sections");
    expect(formFieldOf("lawfulBases[1].basis", SHOWN)).toBe("lawfulBases");
  });

  it("puts what no field shows at the top of the form, naming its path", () => {
    const problems = [{ field: "consent.withdrawalWindowStartsOn", message: "says what it counts from", rule: "withdrawal-window-needs-start" }];
    expect(errorsByField(problems, SHOWN).get(WHOLE_FORM)).toEqual([
      "consent.withdrawalWindowStartsOn: says what it counts from (rule withdrawal-window-needs-start)",
    ]);
  });

  it("strips the request's prefix only before content", () => {
    expect(contentPath("content.lawfulBases")).toBe("lawfulBases");
    expect(contentPath("slug")).toBe("slug");
    expect(contentPath("body.content.rights[0]")).toBe("rights[0]");
    expect(contentPath(undefined)).toBe(WHOLE_FORM);
  });

  it("says each message once", () => {
    const twice = [
      { field: "lawfulBases", message: "needs Art 9", rule: "r" },
      { field: "lawfulBases", message: "needs Art 9", rule: "r" },
    ];
    expect(errorsByField(twice, SHOWN).get("lawfulBases")).toHaveLength(1);
  });
});
