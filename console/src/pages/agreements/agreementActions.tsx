import type { components } from "../../api/schema";
import { hasAny, type Person } from "../../auth/roles";

export type Agreement = components["schemas"]["Agreement"];
export type AgreementState = components["schemas"]["AgreementState"];

/** The lifecycle actions of an agreement, as the sharing-agreement service names them. */
export type AgreementAction = "submit" | "sign" | "activate" | "review" | "suspend" | "terminate" | "vary";

/** The version a change is about: the one being drafted or signed when there is one, else the one shown. */
export function openVersionOf(agreement: Agreement): components["schemas"]["AgreementVersionSummary"] | undefined {
  if (agreement.openVersion === undefined) return undefined;
  return agreement.versions?.find((v) => v.number === agreement.openVersion);
}

/**
 * What this person may do to this agreement now: the roles the API allows (DPO for the lifecycle, a signatory of a
 * party that has not signed yet for a signature) and the states where the action means something. The API checks
 * both again.
 */
export function availableActions(
  agreement: Agreement,
  open: Agreement | undefined,
  person: Person | undefined,
): AgreementAction[] {
  const actions: AgreementAction[] = [];
  const dpo = hasAny(person, "dpo");
  const openState = openVersionOf(agreement)?.state ?? open?.versionState;
  const state = agreement.state;
  if (dpo && openState === "DRAFT") actions.push("submit");
  if (
    hasAny(person, "dpo", "partner", "researcher") &&
    openState === "PENDING_SIGNATURE" &&
    person?.organisation !== undefined &&
    (open ?? agreement).parties?.some((p) => p.organisation === person.organisation && !p.signed)
  ) {
    actions.push("sign");
  }
  if (!dpo) return actions;
  const allSigned = openState === "PENDING_SIGNATURE" && (open ?? agreement).parties?.every((p) => p.signed);
  if (state === "SUSPENDED" || allSigned) actions.push("activate");
  if (state === "ACTIVE") actions.push("review", "suspend");
  if ((state === "ACTIVE" || state === "SUSPENDED") && agreement.openVersion === undefined) actions.push("vary");
  if (state === "DRAFT" || state === "PENDING_SIGNATURE" || state === "ACTIVE" || state === "SUSPENDED") {
    actions.push("terminate");
  }
  return actions;
}

export const STATE_NAMES: Record<AgreementState, string> = {
  DRAFT: "Draft",
  PENDING_SIGNATURE: "Pending signature",
  ACTIVE: "Active",
  SUSPENDED: "Suspended",
  EXPIRED: "Expired",
  TERMINATED: "Terminated",
  SUPERSEDED: "Superseded",
};

const STATE_TAGS: Record<AgreementState, string> = {
  DRAFT: "govuk-tag--grey",
  PENDING_SIGNATURE: "govuk-tag--yellow",
  ACTIVE: "govuk-tag--green",
  SUSPENDED: "govuk-tag--orange",
  EXPIRED: "govuk-tag--grey",
  TERMINATED: "govuk-tag--red",
  SUPERSEDED: "govuk-tag--grey",
};

export function StateTag({ state }: { state: AgreementState | undefined }) {
  if (!state) return null;
  return <strong className={`govuk-tag ${STATE_TAGS[state]}`}>{STATE_NAMES[state]}</strong>;
}
