import type { components } from "../../api/schema";
import { dateOf, type DateParts } from "./DateInput";

export type RecordConsentRequest = components["schemas"]["RecordConsentRequest"];
export type PublicNotice = components["schemas"]["PublicNotice"];
export type CollectionMethod = components["schemas"]["CollectionMethod"];
export type Capacity = components["schemas"]["Capacity"];
export type Decision = components["schemas"]["Decision"];

/** What the caseworker typed, kept as typed (so nothing is lost when the API refuses it). */
export interface ConsentForm {
  slug: string;
  purposes: string[];
  collectionMethod: CollectionMethod | "";
  formIssuedOn: DateParts;
  formReceivedOn: DateParts;
  givenOn: DateParts;
  evidenceReference: string;
  childDecision: Decision;
  childCapacity: Capacity;
  childDecidedOn: DateParts;
  parentRole: "" | "parent" | "carer" | "guardian";
  parentRelationship: string;
  parentDecision: Decision;
  parentDecidedOn: DateParts;
}

export type FormErrors = Partial<Record<string, string[]>>;

function add(errors: FormErrors, field: string, message: string) {
  errors[field] = [...(errors[field] ?? []), message];
}

/**
 * The form checked as far as the console can (the API checks it all again): the errors by field, or the request.
 * `notice` is the published version picked, read from notice-service.
 */
export function toRequest(
  form: ConsentForm,
  subjectId: string,
  notice: PublicNotice | undefined,
  todayIso: string,
): { errors: FormErrors; request?: RecordConsentRequest } {
  const errors: FormErrors = {};
  if (!form.slug || !notice) add(errors, "notice", "Select the notice the family was given");
  if (form.purposes.length === 0) add(errors, "purposes", "Select at least one purpose consented to");
  if (!form.collectionMethod) add(errors, "collectionMethod", "Select how the consent was collected");
  const dates: Record<string, { iso?: string; problem?: string }> = {
    formIssuedOn: dateOf(form.formIssuedOn, "The day the form was issued"),
    formReceivedOn: dateOf(form.formReceivedOn, "The day the form was received"),
    givenOn: dateOf(form.givenOn, "The day the form was signed"),
    childDecidedOn: dateOf(form.childDecidedOn, "The day the child decided"),
    parentDecidedOn: form.parentRole ? dateOf(form.parentDecidedOn, "The day the parent or carer decided") : {},
  };
  for (const [field, date] of Object.entries(dates)) {
    if (date.problem) add(errors, field, date.problem);
    else if (date.iso && date.iso > todayIso) add(errors, field, "The date must be today or in the past");
  }
  if (!dates.formReceivedOn?.iso && !dates.formReceivedOn?.problem) add(errors, "formReceivedOn", "Enter the day the form was received");
  if (!dates.childDecidedOn?.iso && !dates.childDecidedOn?.problem) add(errors, "childDecidedOn", "Enter the day the child decided");
  if (form.parentRole && !dates.parentDecidedOn?.iso && !dates.parentDecidedOn?.problem) {
    add(errors, "parentDecidedOn", "Enter the day the parent or carer decided");
  }
  const received = dates.formReceivedOn?.iso;
  const given = dates.givenOn?.iso;
  if (received && given && given > received) add(errors, "givenOn", "The form cannot be signed after it was received");
  if (Object.keys(errors).length > 0 || !notice || !received || !form.collectionMethod) return { errors };
  const parties: RecordConsentRequest["parties"] = [
    { role: "child", decision: form.childDecision, capacity: form.childCapacity, decidedOn: dates.childDecidedOn?.iso ?? "" },
  ];
  if (form.parentRole) {
    parties.push({
      role: form.parentRole,
      decision: form.parentDecision,
      decidedOn: dates.parentDecidedOn?.iso ?? "",
      ...(form.parentRelationship.trim() ? { relationship: form.parentRelationship.trim() } : {}),
    });
  }
  return {
    errors,
    request: {
      subjectId,
      notice: { slug: notice.slug ?? form.slug, version: notice.version ?? 0, contentHash: notice.contentHash ?? "" },
      purposes: form.purposes,
      collectionMethod: form.collectionMethod,
      formReceivedOn: received,
      ...(given ? { givenOn: given } : {}),
      ...(dates.formIssuedOn?.iso ? { formIssuedOn: dates.formIssuedOn.iso } : {}),
      ...(form.evidenceReference.trim() ? { evidenceReference: form.evidenceReference.trim() } : {}),
      parties,
    },
  };
}

/** Where the API's field path (e.g. `parties[1].decidedOn`) shows on this form. */
export function formField(apiField: string): string {
  const party = /^parties\[(\d+)\]\.?(\w*)/.exec(apiField);
  if (party) {
    const who = party[1] === "0" ? "child" : "parent";
    const prop = party[2] ?? "";
    if (prop === "decidedOn") return `${who}DecidedOn`;
    if (prop === "capacity" || prop === "assessedOn") return "childCapacity";
    if (prop === "relationship") return "parentRelationship";
    return who === "child" ? "childDecision" : "parentRole";
  }
  const head = apiField.split(/[.[]/)[0] ?? apiField;
  if (head === "subject" || head === "subjectId") return "notice";
  return head;
}

/** The API's field errors placed on this form's fields. */
export function serverErrors(byApiField: Map<string, string[]>): FormErrors {
  const errors: FormErrors = {};
  for (const [field, messages] of byApiField) for (const m of messages) add(errors, formField(field), m);
  return errors;
}
