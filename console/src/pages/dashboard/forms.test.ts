import { describe, expect, it } from "vitest";
import { newestFirst, oldestFirstPageFor } from "./paging";
import { resolutionErrors } from "./resolution";
import { words } from "./format";

describe("resolving a referred withdrawal", () => {
  it("needs a decision and a reason", () => {
    expect(resolutionErrors({ decision: "", note: "  " })).toEqual({
      decision: ["Select whether to accept or decline the withdrawal"],
      note: ["Enter the reason for the decision"],
    });
    expect(resolutionErrors({ decision: "ACCEPT", note: "x".repeat(1001) }).note).toEqual([
      "The reason must be 1000 characters or fewer",
    ]);
    expect(resolutionErrors({ decision: "DECLINE", note: "Already shared" })).toEqual({});
  });
});

describe("a list the API pages oldest first, shown newest first", () => {
  it("reads the API's pages from the end", () => {
    expect(oldestFirstPageFor(0, 3)).toBe(2);
    expect(oldestFirstPageFor(2, 3)).toBe(0);
    expect(oldestFirstPageFor(3, 3)).toBeUndefined();
    expect(oldestFirstPageFor(0, 0)).toBeUndefined();
    expect(newestFirst([1, 2, 3])).toEqual([3, 2, 1]);
    expect(newestFirst(undefined)).toEqual([]);
  });

  it("words a constant", () => {
    expect(words("PENDING_SIGNATURE")).toBe("Pending signature");
    expect(words(undefined)).toBe("—");
  });
});
