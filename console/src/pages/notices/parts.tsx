import { ProblemSummary } from "../../components/ProblemSummary";
import type { components } from "../../api/schema";
import { WHOLE_FORM } from "./violations";

type VersionState = components["schemas"]["VersionState"];

const STATE_TAGS: Record<VersionState, [string, string]> = {
  DRAFT: ["Draft", "govuk-tag--grey"],
  PUBLISHED: ["Published", "govuk-tag--green"],
  SUPERSEDED: ["Superseded", "govuk-tag--blue"],
  RETIRED: ["Retired", "govuk-tag--red"],
};

export function StateTag({ state }: { state: VersionState | undefined }) {
  if (!state) return null;
  const [text, colour] = STATE_TAGS[state];
  return <strong className={`govuk-tag ${colour}`}>{text}</strong>;
}

/** An instant as a person in England reads it. */
export function when(instant: string | undefined): string {
  if (!instant) return "—";
  return new Date(instant).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "Europe/London" });
}

/** When a version was in force, half-open as the API says: from ≤ t < until. */
export function inForce(from: string | undefined, until: string | undefined): string {
  if (!from) return "Never in force";
  return until ? `${when(from)} to ${when(until)}` : `From ${when(from)} (in force)`;
}

const LABELS: Record<string, string> = {
  slug: "Slug",
  defaultLocale: "Language",
  locales: "Text",
  dataCategories: "Data categories",
  purposes: "Purposes",
  lawfulBases: "Lawful bases",
  controllers: "Controllers",
  recipients: "Recipients",
  sources: "Sources",
  rights: "Rights",
  retention: "Retention",
  dpo: "Data protection officer",
  internationalTransfers: "Transfers outside the UK",
  automatedDecisionMaking: "Automated decision making",
  [WHOLE_FORM]: "Other content",
};

export function fieldLabel(field: string): string {
  const locale = /^locales\.([^.]+)(?:\.(\w+))?$/.exec(field);
  if (locale) {
    const part = { title: "Title", summary: "Summary", sections: "Sections", childSummary: "Child-friendly summary" }[
      locale[2] ?? ""
    ];
    return `${part ?? "Text"} (${locale[1]})`;
  }
  return LABELS[field] ?? field;
}

/** A refused or failed publication: the shared error summary, naming each field as the form labels it. */
export function ErrorSummary({ title, error, errors }: { title: string; error: unknown; errors: Map<string, string[]> }) {
  return <ProblemSummary title={title} error={error} fields={errors} fieldLabel={fieldLabel} />;
}
