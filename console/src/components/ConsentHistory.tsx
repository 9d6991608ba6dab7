import type { components } from "../api/schema";
import { moment } from "../pages/children/format";

type HistoryEntry = components["schemas"]["HistoryEntry"];
type HistoryVerification = components["schemas"]["HistoryVerification"];

const EVENTS: Record<string, string> = {
  recorded: "Recorded",
  "party-added": "A party's decision added",
  withdrawn: "Withdrawn",
  "withdrawal-referred-to-dpo": "Late withdrawal referred to the DPO",
  "late-withdrawal-accepted": "Late withdrawal accepted by the DPO",
  "late-withdrawal-declined": "Late withdrawal declined by the DPO",
  superseded: "Superseded by a newer record",
  invalidated: "Invalidated (recorded in error)",
  expired: "Expired",
  "reconsent-required": "Re-consent needed",
};

/** An event code in words; a code not known here is shown as sent, its hyphens as spaces. */
export function eventText(event: string | undefined): string {
  if (!event) return "Changed";
  const code = event.toLowerCase().replaceAll("_", "-");
  const words = EVENTS[code] ?? code.replaceAll("-", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The short form of a chain hash, enough to compare one entry's hash with the next entry's previous hash. */
export function shortHash(hash: string | undefined): string {
  return hash ? hash.slice(0, 12) : "—";
}

/**
 * Whether each entry names the hash of the one before it (the first names none): what a reader can see on the page.
 * The service's verification recomputes the hashes from the rows, which only it can do.
 */
export function linksHold(entries: readonly HistoryEntry[]): boolean {
  return entries.every((entry, i) => {
    const previous = entries[i - 1];
    return i === 0 ? /^0*$/.test(entry.prevHash ?? "") : entry.prevHash === previous?.hash;
  });
}

/** The verification result, prominent: green when the chain holds, red with the service's findings when not. */
export function ChainVerification({ verification }: { verification: HistoryVerification }) {
  if (verification.valid) {
    return (
      <div className="govuk-inset-text" data-testid="chain-verification">
        <strong className="govuk-tag govuk-tag--green">Chain verified</strong>{" "}
        All {verification.entries ?? 0} history entries are unchanged and in order.
      </div>
    );
  }
  return (
    <div className="govuk-error-summary" role="alert" data-testid="chain-verification">
      <h3 className="govuk-error-summary__title">Chain broken: the history has been changed</h3>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {(verification.problems ?? []).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      </div>
    </div>
  );
}

/** A record's history, oldest first, as a timeline: event, state change, who, when, reason and the chain's hashes. */
export function ConsentHistory({ entries }: { entries: readonly HistoryEntry[] }) {
  if (entries.length === 0) return <p className="govuk-body">No history.</p>;
  return (
    <ol className="app-timeline" aria-label="History, oldest first">
      {entries.map((entry) => (
        <li key={entry.seq ?? entry.hash} className="app-timeline__item">
          <h3 className="govuk-heading-s govuk-!-margin-bottom-1">
            {entry.seq}. {eventText(entry.event)}
          </h3>
          <p className="govuk-body-s govuk-!-margin-bottom-1">
            {moment(entry.at)} by {entry.actor ?? "unknown"}
            {entry.to ? ` — ${entry.from ? `${entry.from} to ` : "now "}${entry.to}` : ""}
          </p>
          {entry.reason && <p className="govuk-body-s govuk-!-margin-bottom-1">Reason: {entry.reason}</p>}
          <p className="govuk-body-s govuk-hint govuk-!-margin-bottom-0">
            Hash <code>{shortHash(entry.hash)}</code>, after <code>{shortHash(entry.prevHash)}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}
