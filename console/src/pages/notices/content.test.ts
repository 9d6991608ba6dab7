import { describe, expect, it } from "vitest";
import { blankContent, forRequest, sectionId, toggled } from "./content";

describe("notice content as the API takes it", () => {
  it("leaves out what was left empty and drops empty rows", () => {
    const content = blankContent();
    content.dataCategories = ["special.health"];
    content.lawfulBases = [
      { appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e", description: "Public task" },
      { appliesTo: "SPECIAL", basis: "", description: " " },
    ];
    content.controllers = [{ name: "Luton Borough Council", organisationId: "", role: "CONTROLLER" }];
    const sent = forRequest(content);
    expect(sent.lawfulBases).toEqual([{ appliesTo: "PERSONAL", basis: "uk-gdpr-6-1-e", description: "Public task" }]);
    expect(sent.controllers).toEqual([{ name: "Luton Borough Council", role: "CONTROLLER" }]);
    expect(sent.purposes).toEqual([]);
    expect(sent.dpo).toEqual({});
    expect(sent.internationalTransfers).toEqual({ occurs: false });
  });

  it("gives sections ids from their headings, each once", () => {
    const content = blankContent();
    content.locales = {
      en: {
        title: "Research",
        sections: [
          { id: "", heading: "Who we are", body: "The council." },
          { id: "", heading: "Who we are", body: "Again." },
        ],
        childSummary: [{ id: "", heading: "Your choice!", body: "You can say no." }],
      },
      cy: { title: "Ymchwil", sections: [{ id: "kept", heading: "Pwy ydym ni", body: "Y cyngor." }] },
    };
    const sent = forRequest(content);
    expect(sent.locales?.en?.sections.map((s) => s.id)).toEqual(["who-we-are", "who-we-are-2"]);
    expect(sent.locales?.en?.childSummary?.[0]?.id).toBe("your-choice");
    expect(sent.locales?.cy?.sections[0]?.id).toBe("kept");
  });

  it("does not change what was typed", () => {
    const content = blankContent();
    content.locales!.en!.title = "  Title  ";
    forRequest(content);
    expect(content.locales?.en?.title).toBe("  Title  ");
  });

  it("names a section without a usable heading by its place", () => {
    expect(sectionId("—", 2)).toBe("section-3");
  });

  it("adds and removes codes", () => {
    expect(toggled(["a"], "b", true)).toEqual(["a", "b"]);
    expect(toggled(["a", "b"], "a", false)).toEqual(["b"]);
    expect(toggled(undefined, "a", true)).toEqual(["a"]);
  });
});
