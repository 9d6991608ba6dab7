import { describe, expect, it } from "vitest";
import { ApiError } from "../../api/problem";
import { countLinesIn, percent } from "./ImportPage";
import { jwsParts } from "./ReceiptDownload";
import { lateWithdrawal } from "./WithdrawalForm";
import { today } from "./format";

describe("a late withdrawal", () => {
  it("is read from the 409 problem: the window's end and the referral", () => {
    const error = new ApiError(
      { status: 409, detail: "The withdrawal window ended on 2026-03-17; referred", windowEndedOn: "2026-03-17", withdrawalRequestId: "r-1" } as never,
      "req",
    );
    expect(lateWithdrawal(error)).toEqual({
      windowEndedOn: "2026-03-17",
      requestId: "r-1",
      detail: "The withdrawal window ended on 2026-03-17; referred",
    });
  });

  it("is not any other conflict", () => {
    expect(lateWithdrawal(new ApiError({ status: 409, detail: "the record is not active" }, "req"))).toBeUndefined();
    expect(lateWithdrawal(new Error("offline"))).toBeUndefined();
  });
});

describe("a receipt", () => {
  it("shows its JWS header and claims", () => {
    const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
    const parts = jwsParts(`${b64({ alg: "ES256", kid: "k1" })}.${b64({ recordId: "c-1", "ünï": "ß" })}.sig`);
    expect(parts?.header).toEqual({ alg: "ES256", kid: "k1" });
    expect(parts?.payload).toEqual({ recordId: "c-1", "ünï": "ß" });
    expect(jwsParts("not a jws")).toBeUndefined();
  });
});

describe("an import's progress", () => {
  it("counts the file's non-blank lines, as the service counts them", async () => {
    const bytes = (...texts: string[]) => texts.map((t) => new TextEncoder().encode(t));
    expect(await countLinesIn(bytes('{"a":1}\n\n  \n{"b":2}\r\n{"c":3}'))).toBe(3);
    expect(await countLinesIn(bytes('{"a":', '1}\n{"b"', ":2}\n"))).toBe(2);
    expect(await countLinesIn(bytes('{"a":1}\n'))).toBe(1);
    expect(await countLinesIn(bytes(""))).toBe(0);
  });

  it("is a whole percentage that never passes 100", () => {
    expect(percent(5000, 20000)).toBe(25);
    expect(percent(3, 2)).toBe(100);
    expect(percent(3, undefined)).toBe(0);
  });
});

describe("today", () => {
  it("is the day in London, the API's time zone", () => {
    expect(today(new Date("2026-06-30T23:30:00Z"))).toBe("2026-07-01");
    expect(today(new Date("2026-12-31T23:30:00Z"))).toBe("2026-12-31");
  });
});
