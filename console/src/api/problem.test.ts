import { describe, expect, it } from "vitest";
import { ApiError, plainWords, toApiError } from "./problem";

describe("problems in plain words", () => {
  it("keeps the service's detail and the request id of a problem", async () => {
    const response = new Response(null, { status: 422, headers: { "X-Request-Id": "from-header" } });
    const error = await toApiError(response, {
      status: 422,
      title: "Unprocessable",
      detail: "the notice breaks a publication rule",
      requestId: "from-body",
      errors: [{ field: "lawfulBases", message: "special category data needs an Article 9 condition" }],
    });
    expect(plainWords(error)).toBe("the notice breaks a publication rule");
    expect(error.requestId).toBe("from-body");
    expect(error.fieldMessages().get("lawfulBases")).toEqual(["special category data needs an Article 9 condition"]);
  });

  it("falls back to the header's request id and the status when the body is not a problem", async () => {
    const error = await toApiError(new Response(null, { status: 502, headers: { "X-Request-Id": "abc" } }), "oops");
    expect(error.requestId).toBe("abc");
    expect(plainWords(error)).toBe("A service of the suite is not answering. Try again in a moment.");
  });

  it("says what a stale version means", () => {
    expect(plainWords(new ApiError({ status: 412 }, undefined))).toMatch(/Someone else changed this/);
  });
});
