/**
 * The platform's identifier checks (platform/…/identifiers/IdentifierSystem.java), ported so that a number is
 * checked as it is typed; the API checks it again. Same normalisation, same rules, same wording.
 */
export type IdentifierSystem = "nhs-number" | "upn" | "ni-number" | "case-management-id";

export const IDENTIFIER_SYSTEMS: { code: IdentifierSystem; label: string; hint: string }[] = [
  { code: "nhs-number", label: "NHS number", hint: "10 digits, for example 943 476 5919" },
  { code: "upn", label: "Unique pupil number (UPN)", hint: "A check letter and 12 characters, for example N845 2001 23001" },
  { code: "case-management-id", label: "Case id", hint: "The case-management person id, for example LL-12345" },
  { code: "ni-number", label: "National Insurance number", hint: "For example AB 12 34 56 C" },
];

/** Check letters and temporary-UPN final letters: A–Z without I, O and S, valued 0 to 22. */
export const UPN_LETTERS = "ABCDEFGHJKLMNPQRTUVWXYZ";

const TEN_DIGITS = /^\d{10}$/;
const NINE_DIGITS = /^\d{9}$/;
const UPN_FORMAT = new RegExp(`^[${UPN_LETTERS}]\\d{11}[0-9${UPN_LETTERS}]$`);
const UPN_BODY = new RegExp(`^\\d{11}[0-9${UPN_LETTERS}]$`);
const NI_FORMAT = /^[A-Z]{2}\d{6}[A-D]?$/;
const NI_UNUSED_PREFIXES = new Set(["BG", "GB", "KN", "NK", "NT", "TN", "ZZ"]);
const CASE_ID_FORMAT = /^[A-Za-z0-9][A-Za-z0-9-]{0,19}$/;

/** The value as stored and compared: trimmed, separators dropped, letters upper-cased where the format has them. */
export function normalise(system: IdentifierSystem, raw: string): string {
  const trimmed = raw.trim();
  switch (system) {
    case "nhs-number":
      return trimmed.replaceAll(" ", "").replaceAll("-", "");
    case "upn":
    case "ni-number":
      return trimmed.replaceAll(" ", "").toUpperCase();
    case "case-management-id":
      return trimmed;
  }
}

/**
 * The NHS modulus 11 check digit for the first nine digits: weights 10 down to 2, check = 11 − (sum mod 11), 11
 * becoming 0; undefined when the result is 10 (no NHS number starts with those nine digits).
 */
export function nhsCheckDigit(firstNineDigits: string): number | undefined {
  if (!NINE_DIGITS.test(firstNineDigits)) throw new Error("nine digits expected");
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(firstNineDigits[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  return check === 10 ? undefined : check;
}

/** The UPN check letter for characters 2 to 13: weights 2 to 13, sum mod 23, mapped to A–Z without I, O and S. */
export function upnCheckLetter(lastTwelve: string): string {
  if (!UPN_BODY.test(lastTwelve)) throw new Error("11 digits and a final digit or letter expected");
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const c = lastTwelve.charAt(i);
    const value = c >= "0" && c <= "9" ? Number(c) : UPN_LETTERS.indexOf(c);
    sum += value * (i + 2);
  }
  return UPN_LETTERS.charAt(sum % 23);
}

/** Why a normalised value is not a valid identifier of this system (the platform's wording), or undefined. */
export function identifierProblem(system: IdentifierSystem, normalised: string): string | undefined {
  switch (system) {
    case "nhs-number": {
      if (normalised === "") return "an NHS number is required";
      if (!TEN_DIGITS.test(normalised)) return "an NHS number has exactly 10 digits";
      const check = nhsCheckDigit(normalised.substring(0, 9));
      if (check === undefined) return "not a valid NHS number: no check digit exists for its first nine digits";
      if (check !== Number(normalised.charAt(9))) return "not a valid NHS number: the check digit is wrong";
      return undefined;
    }
    case "upn": {
      if (normalised === "") return "a UPN is required";
      if (!UPN_FORMAT.test(normalised)) {
        return "a UPN is a check letter followed by 12 digits, or by 11 digits and a letter (not I, O or S) for a temporary UPN";
      }
      if (upnCheckLetter(normalised.substring(1)) !== normalised.charAt(0)) return "not a valid UPN: the check letter is wrong";
      return undefined;
    }
    case "ni-number": {
      if (normalised === "") return "a National Insurance number is required";
      if (!NI_FORMAT.test(normalised)) return "a National Insurance number is two letters, six digits and an optional letter A-D";
      const first = normalised.charAt(0);
      const second = normalised.charAt(1);
      if ("DFIQUV".includes(first)) return `a National Insurance number cannot start with ${first}`;
      if ("DFIOQUV".includes(second)) return `a National Insurance number cannot have ${second} as its second letter`;
      const prefix = normalised.substring(0, 2);
      if (NI_UNUSED_PREFIXES.has(prefix)) return `the prefix ${prefix} is not used for National Insurance numbers`;
      return undefined;
    }
    case "case-management-id": {
      if (normalised === "") return "a case-management person id is required";
      if (!CASE_ID_FORMAT.test(normalised)) {
        return "a case-management person id is 1 to 20 letters, digits and hyphens, starting with a letter or digit";
      }
      return undefined;
    }
  }
}

/** The typed value checked: its normalised form, or the problem to show beside the field. */
export function checkIdentifier(system: IdentifierSystem, raw: string): { value: string; problem: string | undefined } {
  const value = normalise(system, raw);
  return { value, problem: identifierProblem(system, value) };
}

export function systemLabel(code: string | undefined): string {
  return IDENTIFIER_SYSTEMS.find((s) => s.code === code)?.label ?? code ?? "";
}
