import { fireEvent, render, screen, within } from "@testing-library/react";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/problem";
import { blankContent, type NoticeContent } from "./content";
import { NoticeForm, shownFields, type Vocabulary } from "./NoticeForm";
import { ErrorSummary } from "./parts";
import { errorsByField, problemsOf } from "./violations";

const VOCABULARY: Vocabulary = {
  dataCategories: [
    { code: "identity.name", label: "Name", special: false, criminal: false },
    { code: "special.health", label: "Health", special: true, criminal: false },
  ],
  lawfulBases: [
    { code: "uk-gdpr-6-1-e", label: "Public task", reference: "UK GDPR Article 6(1)(e)", kind: "ARTICLE_6", conditionFor: ["PERSONAL"] },
    { code: "uk-gdpr-9-2-h", label: "Health or social care", reference: "UK GDPR Article 9(2)(h)", kind: "ARTICLE_9", conditionFor: ["SPECIAL"] },
  ],
  purposes: [{ code: "statutory-service", label: "Statutory children's services" }],
  rights: [{ code: "access", label: "Right of access" }],
  organisationTypes: [{ code: "school", label: "School" }],
} as Vocabulary;

const REFUSED = new ApiError(
  {
    status: 422,
    code: "special-category-needs-article-9",
    detail: "special category data is listed, so an Art 9(2) condition is required (UK GDPR Art 9)",
    violations: [
      {
        rule: "special-category-needs-article-9",
        field: "content.lawfulBases",
        message: "special category data is listed, so an Art 9(2) condition is required (UK GDPR Art 9)",
      },
    ],
  } as never,
  "req-42",
);

function Harness({ initial, error }: { initial: NoticeContent; error?: ApiError }) {
  const [content, setContent] = useState(initial);
  const errors = error ? errorsByField(problemsOf(error), shownFields(content, false)) : new Map<string, string[]>();
  return (
    <>
      {error && <ErrorSummary title="Publishing was refused" error={error} errors={errors} />}
      <NoticeForm content={content} onChange={setContent} errors={errors} vocabulary={VOCABULARY} />
      <output data-testid="state">{JSON.stringify(content)}</output>
    </>
  );
}

describe("the notice form", () => {
  it("shows the Article 9 rule beside the lawful bases and links to it from the summary, with the request id", () => {
    render(<Harness initial={blankContent()} error={REFUSED} />);
    const bases = screen.getByRole("group", { name: /Lawful bases/ });
    expect(bases.id).toBe("field-lawfulBases");
    expect(within(bases).getByText(/special-category-needs-article-9/)).toBeTruthy();
    const link = within(screen.getByRole("alert")).getByRole("link", { name: /^Lawful bases: .*Art 9/ });
    expect(link.getAttribute("href")).toBe("#field-lawfulBases");
    expect(screen.getByTestId("request-id").textContent).toBe("req-42");
  });

  it("offers only Article 9 conditions for special category data, and keeps a new row's choices", () => {
    render(<Harness initial={blankContent()} />);
    const bases = screen.getByRole("group", { name: /Lawful bases/ });
    fireEvent.click(within(bases).getByRole("button", { name: "Add a lawful basis" }));
    const second = within(bases).getAllByLabelText("Basis or condition")[1] as HTMLSelectElement;
    expect([...second.options].map((o) => o.value)).toEqual(["", "uk-gdpr-9-2-h"]);
    fireEvent.change(second, { target: { value: "uk-gdpr-9-2-h" } });
    const state = JSON.parse(screen.getByTestId("state").textContent ?? "{}") as NoticeContent;
    expect(state.lawfulBases?.[1]).toMatchObject({ appliesTo: "SPECIAL", basis: "uk-gdpr-9-2-h" });
  });

  it("adds a translation with its own text and child-friendly summary", () => {
    render(<Harness initial={blankContent()} />);
    fireEvent.change(screen.getByLabelText("Add a translation: language code"), { target: { value: "cy" } });
    fireEvent.click(screen.getByRole("button", { name: "Add translation" }));
    fireEvent.change(screen.getByLabelText("Title (cy)"), { target: { value: "Ymchwil" } });
    expect(screen.getByRole("group", { name: /Child-friendly summary \(cy\)/ })).toBeTruthy();
    const state = JSON.parse(screen.getByTestId("state").textContent ?? "{}") as NoticeContent;
    expect(state.locales?.cy?.title).toBe("Ymchwil");
    expect(state.locales?.en).toBeDefined();
  });

  it("marks special category data in the list of categories", () => {
    render(<Harness initial={blankContent()} />);
    fireEvent.click(screen.getByLabelText("Health (special category)"));
    const state = JSON.parse(screen.getByTestId("state").textContent ?? "{}") as NoticeContent;
    expect(state.dataCategories).toEqual(["special.health"]);
  });
});
