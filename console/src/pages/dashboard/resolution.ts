import type { components } from "../../api/schema";

export type Decision = components["schemas"]["Resolution"];

export interface ResolutionForm {
  decision: Decision | "";
  note: string;
}

/** What is wrong with a resolution before it is sent, by field (as the API would say it). */
export function resolutionErrors(form: ResolutionForm): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  if (form.decision !== "ACCEPT" && form.decision !== "DECLINE") {
    errors.decision = ["Select whether to accept or decline the withdrawal"];
  }
  if (!/\S/.test(form.note)) {
    errors.note = ["Enter the reason for the decision"];
  } else if (form.note.length > 1000) {
    errors.note = ["The reason must be 1000 characters or fewer"];
  }
  return errors;
}
