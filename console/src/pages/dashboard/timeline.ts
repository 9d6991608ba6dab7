import type { components } from "../../api/schema";

type AgreementSummary = components["schemas"]["AgreementSummary"];
type AgreementDeadline = components["schemas"]["AgreementDeadline"];

export type Horizon = 30 | 60 | 90;
export const HORIZONS: readonly Horizon[] = [30, 60, 90];

/** One agreement date on the timeline: a review due, a limited recipient's access window closing, the last day in force. */
export interface TimelineEntry {
  agreementId: string;
  reference: string;
  title: string;
  kind: "review" | "window" | "end";
  on: string;
  /** Whole days from today (negative when overdue). */
  inDays: number;
  overdue: boolean;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Without the summary, from the agreement list: reviews and last days in force of agreements still in force (ACTIVE or SUSPENDED) that fall due within `days` of
 * `today` (ISO dates), overdue ones included and marked, soonest (most overdue) first.
 */
export function timeline(agreements: readonly AgreementSummary[], today: string, days: Horizon): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const a of agreements) {
    if (a.state !== "ACTIVE" && a.state !== "SUSPENDED") continue;
    const add = (kind: TimelineEntry["kind"], on: string | undefined) => {
      if (!on || !a.id) return;
      const inDays = daysBetween(today, on);
      if (inDays > days) return;
      entries.push({
        agreementId: a.id,
        reference: a.reference ?? "",
        title: a.title ?? "",
        kind,
        on,
        inDays,
        overdue: inDays < 0,
      });
    };
    add("review", a.nextReviewOn);
    add("end", a.endDate);
  }
  return entries.sort((x, y) => x.inDays - y.inDays || x.reference.localeCompare(y.reference));
}

export const KIND_NAMES: Record<TimelineEntry["kind"], string> = {
  review: "Review due",
  window: "Access window ends",
  end: "Last day in force",
};

const KINDS: Record<AgreementDeadline["kind"], TimelineEntry["kind"]> = {
  REVIEW_DUE: "review",
  ACCESS_WINDOW_ENDS: "window",
  EXPIRES: "end",
};

/** The agreement summary's deadlines (already within the look-ahead, overdue reviews included) on the timeline. */
export function fromDeadlines(deadlines: readonly AgreementDeadline[]): TimelineEntry[] {
  return deadlines
    .map((d) => ({
      agreementId: d.id,
      reference: d.reference,
      title: d.title,
      kind: KINDS[d.kind],
      on: d.date,
      inDays: d.daysFromNow,
      overdue: d.daysFromNow < 0,
    }))
    .sort((x, y) => x.inDays - y.inDays || x.reference.localeCompare(y.reference));
}

/** "today", "in 3 days", "5 days overdue" … */
export function when(entry: Pick<TimelineEntry, "inDays">): string {
  if (entry.inDays === 0) return "today";
  if (entry.inDays === 1) return "tomorrow";
  if (entry.inDays > 0) return `in ${entry.inDays} days`;
  return entry.inDays === -1 ? "1 day overdue" : `${-entry.inDays} days overdue`;
}

/** Today's date in Europe/London, as the services count days. */
export function londonToday(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/London" }).format(now);
}
