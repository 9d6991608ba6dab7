import { useState } from "react";
import { Link } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { ProblemSummary } from "../../components/ProblemSummary";
import type { components } from "../../api/schema";
import { date } from "./format";
import {
  fromDeadlines,
  HORIZONS,
  KIND_NAMES,
  londonToday,
  timeline,
  when,
  type Horizon,
  type TimelineEntry,
} from "./timeline";

type AgreementSummary = components["schemas"]["AgreementSummary"];

/** The agreements still in force, every page of them (at most 1,000: a council has far fewer). */
async function inForce(api: ReturnType<typeof useApi>): Promise<AgreementSummary[]> {
  const all: AgreementSummary[] = [];
  for (const state of ["ACTIVE", "SUSPENDED"] as const) {
    for (let page = 0; page < 5; page++) {
      const { data } = await unwrap(api.GET("/api/agreements", { params: { query: { state, page, size: 100 } } }));
      all.push(...(data.items ?? []));
      if (page + 1 >= (data.totalPages ?? 0)) break;
    }
  }
  return all;
}

export function TimelineList({ entries }: { entries: TimelineEntry[] }) {
  if (entries.length === 0) {
    return <p className="govuk-body">No reviews or access windows fall due in this period.</p>;
  }
  return (
    <ol className="app-timeline" aria-label="Reviews and access windows, soonest first">
      {entries.map((e) => (
        <li
          key={`${e.agreementId}-${e.kind}`}
          className={`app-timeline__item${e.overdue ? " app-timeline__item--overdue" : ""}`}
        >
          <p className="govuk-body govuk-!-margin-bottom-1">
            <strong>{date(e.on)}</strong> ({when(e)}){" "}
            {e.overdue && <strong className="govuk-tag govuk-tag--red">Overdue</strong>}
          </p>
          <p className="govuk-body-s govuk-!-margin-bottom-0">
            {KIND_NAMES[e.kind]}:{" "}
            <Link className="govuk-link" to={`/agreements/${e.agreementId}`}>
              {e.reference}
            </Link>{" "}
            — {e.title}
          </p>
        </li>
      ))}
    </ol>
  );
}

/**
 * The agreement summary's dates within `days`; when the summary cannot be had, its problem and the dates the
 * agreement list gives instead (reviews and last days in force: access windows come with the summary only).
 */
async function deadlines(
  api: ReturnType<typeof useApi>,
  days: Horizon,
): Promise<{ entries: TimelineEntry[]; problem?: unknown }> {
  try {
    const { data } = await unwrap(api.GET("/api/agreements/summary", { params: { query: { days } } }));
    return { entries: fromDeadlines(data.upcoming ?? []) };
  } catch (problem) {
    return { entries: timeline(await inForce(api), londonToday(), days), problem };
  }
}

/** Reviews and access windows ending in the next 30, 60 or 90 days, overdue ones first and marked. */
export function ReviewTimeline() {
  const api = useApi();
  const [days, setDays] = useState<Horizon>(30);
  const load = useLoad(() => deadlines(api, days), [days]);
  return (
    <>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Show what falls due within</legend>
          <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
            {HORIZONS.map((h) => (
              <div key={h} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={`horizon-${h}`}
                  name="horizon"
                  type="radio"
                  value={h}
                  checked={days === h}
                  onChange={() => setDays(h)}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`horizon-${h}`}>
                  {h} days
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Loaded load={load} what="Reading the agreements in force">
        {({ entries, problem }) => (
          <>
            {problem !== undefined && (
              <>
                <ProblemSummary error={problem} title="The agreement summary is not available" />
                <p className="govuk-body">
                  Shown from the agreement list instead: reviews and last days in force (access windows need the
                  summary).
                </p>
              </>
            )}
            <TimelineList entries={entries} />
          </>
        )}
      </Loaded>
    </>
  );
}
