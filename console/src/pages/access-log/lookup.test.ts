import { describe, expect, it } from "vitest";
import { lookupErrors } from "./lookup";

describe("an access-log search", () => {
  it("needs an identifier or a subject id", () => {
    expect(lookupErrors({ identifier: " ", subjectId: "" })).toEqual({
      identifier: ["Enter the child's identifier, or their subject id"],
    });
  });

  it("takes the identifier as system:value and the subject id as a UUID", () => {
    expect(lookupErrors({ identifier: "nhs-number:9434765919", subjectId: "" })).toEqual({});
    expect(lookupErrors({ identifier: "", subjectId: "5d0c7e4a-2b1f-4c3d-8e9f-a0b1c2d3e4f5" })).toEqual({});
    expect(lookupErrors({ identifier: "9434765919", subjectId: "" }).identifier?.[0]).toMatch(/system:value/);
    expect(lookupErrors({ identifier: "nhs-number:1", subjectId: "not-an-id" }).subjectId?.[0]).toMatch(/subject id/);
  });
});
