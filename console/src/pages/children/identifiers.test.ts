import { describe, expect, it } from "vitest";
import { checkIdentifier, identifierProblem, nhsCheckDigit, normalise, UPN_LETTERS, upnCheckLetter } from "./identifiers";

// The vectors of platform's IdentifierSystemTest and IdentifierTest, so the console and the API agree.
const PERMANENT_UPN = "N845200123001";
const OTHER_PERMANENT_UPN = "B801200005001";
const TEMPORARY_UPN = "L93520012301A";

function replaceDigit(value: string, position: number, shift: number): string {
  const digit = Number(value.charAt(position));
  return value.substring(0, position) + String((digit + shift) % 10) + value.substring(position + 1);
}

describe("NHS number", () => {
  it("is normalised by spaces and hyphens dropped", () => {
    expect(normalise("nhs-number", " 943 476 5919 ")).toBe("9434765919");
    expect(normalise("nhs-number", "943-476-5919")).toBe("9434765919");
  });

  it.each(["9434765919", "4010232137"])("accepts the known number %s", (n) => {
    expect(identifierProblem("nhs-number", n)).toBeUndefined();
  });

  it("refuses the wrong check digit", () => {
    expect(identifierProblem("nhs-number", "9434765918")).toBe("not a valid NHS number: the check digit is wrong");
    expect(checkIdentifier("nhs-number", "943476591").problem).toBe("an NHS number has exactly 10 digits");
  });

  it("refuses every number whose check would be ten", () => {
    expect(nhsCheckDigit("100000001")).toBeUndefined();
    for (let last = 0; last <= 9; last++) {
      expect(identifierProblem("nhs-number", `100000001${last}`)).toMatch(/no check digit/);
    }
  });

  it("writes a check of eleven as zero", () => {
    expect(nhsCheckDigit("000000031")).toBe(0);
    expect(identifierProblem("nhs-number", "0000000310")).toBeUndefined();
    expect(nhsCheckDigit("943476591")).toBe(9);
  });

  it.each(["", "943476591", "94347659190", "94347659a9", "943 476 5919"])("refuses the shape %j", (value) => {
    expect(identifierProblem("nhs-number", value)).toBeDefined();
  });

  it("validates nine digits completed with their check digit, and no longer when any one digit changes", () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    for (let round = 0; round < 500; round++) {
      const prefix = String(next() % 1_000_000_000).padStart(9, "0");
      const check = nhsCheckDigit(prefix);
      if (check === undefined) {
        for (let last = 0; last <= 9; last++) expect(identifierProblem("nhs-number", prefix + last)).toBeDefined();
        continue;
      }
      const valid = prefix + check;
      expect(identifierProblem("nhs-number", valid)).toBeUndefined();
      expect(identifierProblem("nhs-number", replaceDigit(valid, next() % 10, 1 + (next() % 9)))).toBeDefined();
    }
  });
});

describe("UPN", () => {
  it("is normalised to upper case without spaces", () => {
    expect(normalise("upn", " n845 2001 23001 ")).toBe(PERMANENT_UPN);
  });

  it.each([PERMANENT_UPN, OTHER_PERMANENT_UPN, TEMPORARY_UPN, "Q35630152400Z", "N84520012301T"])(
    "accepts %s, built by the DfE algorithm",
    (upn) => {
      expect(identifierProblem("upn", upn)).toBeUndefined();
      expect(upnCheckLetter(upn.substring(1))).toBe(upn.charAt(0));
    },
  );

  it("follows the worked sum modulo 23", () => {
    expect(upnCheckLetter("801200005001")).toBe("B");
    expect(upnCheckLetter("93520012301A")).toBe("L");
    expect(upnCheckLetter("207000016049")).toBe("P");
    expect(identifierProblem("upn", "Q207000016049")).toBe("not a valid UPN: the check letter is wrong");
  });

  it("refuses a UPN with any single digit changed, or any other check letter", () => {
    for (const upn of [PERMANENT_UPN, OTHER_PERMANENT_UPN, TEMPORARY_UPN]) {
      for (let position = 1; position < 13; position++) {
        if (!/\d/.test(upn.charAt(position))) continue;
        for (let shift = 1; shift <= 9; shift++) expect(identifierProblem("upn", replaceDigit(upn, position, shift))).toBeDefined();
      }
    }
    for (const letter of "ABCDEFGHIJKLMOPQRSTUVWXYZ") {
      expect(identifierProblem("upn", letter + PERMANENT_UPN.substring(1))).toBeDefined();
    }
  });

  it.each(["", "N84520012300", "N8452001230011", "8845200123001", "N84520012A001", "I845200123001", "O845200123001", "S845200123001"])(
    "refuses the shape %j",
    (value) => {
      expect(identifierProblem("upn", value)).toBeDefined();
    },
  );

  it.each(["I", "O", "S"])("refuses a temporary UPN ending in %s", (last) => {
    expect(identifierProblem("upn", `A93520012301${last}`)).toBeDefined();
    expect(() => upnCheckLetter(`93520012301${last}`)).toThrow();
  });

  it("validates any twelve characters prefixed with their check letter", () => {
    for (const last of `0123456789${UPN_LETTERS}`) {
      const body = `80112021001${last}`;
      expect(identifierProblem("upn", upnCheckLetter(body) + body)).toBeUndefined();
    }
  });
});

describe("National Insurance number", () => {
  it("is normalised to upper case without spaces", () => {
    expect(normalise("ni-number", " ab 12 34 56 c ")).toBe("AB123456C");
  });

  it.each(["AB123456C", "AB123456A", "AB123456D", "AB123456", "JG103759A", "ZY000000B"])("accepts %s", (value) => {
    expect(identifierProblem("ni-number", value)).toBeUndefined();
  });

  it.each(["DA123456A", "FA123456A", "IA123456A", "QA123456A", "UA123456A", "VA123456A"])("refuses the first letter of %s", (v) => {
    expect(identifierProblem("ni-number", v)).toMatch(/cannot start with/);
  });

  it.each(["AD123456A", "AF123456A", "AI123456A", "AO123456A", "AQ123456A", "AU123456A", "AV123456A"])(
    "refuses the second letter of %s",
    (v) => {
      expect(identifierProblem("ni-number", v)).toMatch(/second letter/);
    },
  );

  it.each(["BG123456A", "GB123456A", "KN123456A", "NK123456A", "NT123456A", "TN123456A", "ZZ123456A"])("refuses the prefix of %s", (v) => {
    expect(identifierProblem("ni-number", v)).toMatch(/is not used/);
  });

  it.each(["", "AB123456E", "AB12345C", "AB1234567C", "A1123456C", "AB123456CC", "ab123456c"])("refuses the shape %j", (v) => {
    expect(identifierProblem("ni-number", v)).toBeDefined();
  });
});

describe("case id", () => {
  it.each(["1", "LL-123456", "123456", "A", "abcdefghij0123456789", "9-"])("accepts %s", (v) => {
    expect(identifierProblem("case-management-id", v)).toBeUndefined();
  });

  it.each(["", "-123", "abcdefghij01234567890", "LL_123", "LL 123", "LL/123"])("refuses %j", (v) => {
    expect(identifierProblem("case-management-id", v)).toBeDefined();
  });

  it("is only trimmed", () => {
    expect(normalise("case-management-id", "  ll-123 ")).toBe("ll-123");
  });
});
