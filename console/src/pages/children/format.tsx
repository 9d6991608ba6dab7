import type { components } from "../../api/schema";

export type ConsentRecord = components["schemas"]["ConsentRecord"];
export type ConsentState = components["schemas"]["ConsentState"];
export type Party = components["schemas"]["Party"];

const STATE_TAGS: Record<ConsentState, { text: string; colour: string }> = {
  ACTIVE: { text: "Active", colour: "govuk-tag--green" },
  REFUSED: { text: "Refused", colour: "govuk-tag--red" },
  WITHDRAWN: { text: "Withdrawn", colour: "govuk-tag--orange" },
  EXPIRED: { text: "Expired", colour: "govuk-tag--grey" },
  SUPERSEDED: { text: "Superseded", colour: "govuk-tag--grey" },
  INVALIDATED: { text: "Invalidated", colour: "govuk-tag--red" },
};

export function stateTag(state: ConsentState | undefined): { text: string; className: string } {
  const tag = state ? STATE_TAGS[state] : undefined;
  return { text: tag?.text ?? state ?? "Unknown", className: `govuk-tag ${tag?.colour ?? "govuk-tag--grey"}` };
}

export function StateTag({ state }: { state: ConsentState | undefined }) {
  const tag = stateTag(state);
  return <strong className={tag.className}>{tag.text}</strong>;
}

const DAY = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" });
const MOMENT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** A LocalDate (yyyy-mm-dd) as people read it: 3 March 2026. */
export function day(date: string | undefined): string {
  if (!date) return "";
  const parsed = new Date(`${date}T12:00:00Z`);
  return Number.isNaN(parsed.getTime()) ? date : DAY.format(parsed);
}

/** An Instant in UK time: 3 March 2026 at 14:05. */
export function moment(instant: string | undefined): string {
  if (!instant) return "";
  const parsed = new Date(instant);
  return Number.isNaN(parsed.getTime()) ? instant : MOMENT.format(parsed).replace(",", " at");
}

/** Today in Europe/London as yyyy-mm-dd, the API's LocalDate. */
export function today(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}

const ROLES: Record<string, string> = {
  child: "Child",
  parent: "Parent",
  carer: "Carer",
  guardian: "Guardian",
  "local-authority": "Local authority",
};

export function partyRole(role: string | undefined): string {
  return role ? (ROLES[role] ?? role) : "";
}

/** One party in words: "Parent (mother): given on 2 March 2026". */
export function partyText(party: Party): string {
  const who = party.relationship ? `${partyRole(party.role)} (${party.relationship})` : partyRole(party.role);
  const decision = party.decision === "REFUSED" ? "refused" : "given";
  return `${who}: ${decision}${party.decidedOn ? ` on ${day(party.decidedOn)}` : ""}`;
}

export function noticeText(notice: ConsentRecord["notice"]): string {
  return notice ? `${notice.slug ?? ""} version ${notice.version ?? "?"}` : "";
}
