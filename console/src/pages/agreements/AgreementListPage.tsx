import { useState, type FormEvent } from "react";
import { Link, useSearchParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { unwrap } from "../../api/client";
import type { components } from "../../api/schema";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { STATE_NAMES, StateTag, type AgreementState } from "./agreementActions";

const STATES = Object.keys(STATE_NAMES) as AgreementState[];
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$/;

/** Agreements by reference, filtered by state, party and reference; partners and researchers get their own only. */
export function AgreementListPage() {
  const api = useApi();
  const { person } = useAuth();
  const [params, setParams] = useSearchParams();
  const state = STATES.find((s) => s === params.get("state"));
  const organisation = params.get("organisation") ?? "";
  const reference = params.get("reference") ?? "";
  const reviewRequired = params.get("reviewRequired") === "true";
  const page = Math.max(0, Number(params.get("page") ?? 0) || 0);
  const [typed, setTyped] = useState({ state: state ?? "", organisation, reference, reviewRequired });
  const [errors, setErrors] = useState<{ organisation?: string; reference?: string }>({});

  const load = useLoad(
    async () =>
      (
        await unwrap(
          api.GET("/api/agreements", {
            params: {
              query: {
                page,
                size: 20,
                ...(state ? { state } : {}),
                ...(organisation ? { organisation } : {}),
                ...(reference ? { reference } : {}),
                ...(reviewRequired ? { reviewRequired: true } : {}),
              },
            },
          }),
        )
      ).data,
    [page, state, organisation, reference, reviewRequired],
  );

  const filter = (event: FormEvent) => {
    event.preventDefault();
    const found: typeof errors = {};
    if (typed.organisation && !SLUG.test(typed.organisation.trim()))
      found.organisation = "An organisation id is lower-case letters, digits and dashes, e.g. luton-schools";
    if (typed.reference && !REFERENCE.test(typed.reference.trim()))
      found.reference = "A reference is 2 to 80 letters, digits, dots, dashes, slashes or underscores";
    setErrors(found);
    if (Object.keys(found).length) return;
    const next = new URLSearchParams();
    if (typed.state) next.set("state", typed.state);
    if (typed.organisation.trim()) next.set("organisation", typed.organisation.trim());
    if (typed.reference.trim()) next.set("reference", typed.reference.trim());
    if (typed.reviewRequired) next.set("reviewRequired", "true");
    setParams(next);
  };

  const toPage = (p: number) => {
    const next = new URLSearchParams(params);
    next.set("page", String(p));
    setParams(next);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Agreements</h1>
      {person?.organisation && !may(person, "manageAgreements") && (
        <p className="govuk-body">The information-sharing agreements {person.organisation} is party to.</p>
      )}
      {may(person, "manageAgreements") && (
        <Link to="/agreements/new" role="button" draggable="false" className="govuk-button app-no-print" data-module="govuk-button">
          Draft an agreement
        </Link>
      )}
      <details className="govuk-details app-no-print" open={Boolean(state || organisation || reference || reviewRequired)}>
        <summary className="govuk-details__summary">
          <span className="govuk-details__summary-text">Filter agreements</span>
        </summary>
        <div className="govuk-details__text">
          <form onSubmit={filter} noValidate>
            <div className="govuk-form-group">
              <label className="govuk-label" htmlFor="filter-state">
                State
              </label>
              <select
                className="govuk-select"
                id="filter-state"
                value={typed.state}
                onChange={(e) => setTyped({ ...typed, state: e.target.value })}
              >
                <option value="">Any state</option>
                {STATES.map((s) => (
                  <option key={s} value={s}>
                    {STATE_NAMES[s]}
                  </option>
                ))}
              </select>
            </div>
            <FilterInput
              id="filter-organisation"
              label="Organisation that is party (its id)"
              value={typed.organisation}
              error={errors.organisation}
              onChange={(v) => setTyped({ ...typed, organisation: v })}
            />
            <FilterInput
              id="filter-reference"
              label="Reference"
              value={typed.reference}
              error={errors.reference}
              onChange={(v) => setTyped({ ...typed, reference: v })}
            />
            <div className="govuk-form-group">
              <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                <div className="govuk-checkboxes__item">
                  <input
                    className="govuk-checkboxes__input"
                    id="filter-review"
                    type="checkbox"
                    checked={typed.reviewRequired}
                    onChange={(e) => setTyped({ ...typed, reviewRequired: e.target.checked })}
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor="filter-review">
                    Only those a notice change flagged for review
                  </label>
                </div>
              </div>
            </div>
            <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
              Apply filters
            </button>
          </form>
        </div>
      </details>
      <Loaded load={load} what="Loading agreements">
        {(result) => <AgreementTable result={result} page={page} onPage={toPage} />}
      </Loaded>
    </>
  );
}

function FilterInput({
  id,
  label,
  value,
  error,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
}) {
  return (
    <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {error && (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {error}
        </p>
      )}
      <input
        className={`govuk-input govuk-!-width-two-thirds${error ? " govuk-input--error" : ""}`}
        id={id}
        type="text"
        spellCheck={false}
        value={value}
        {...(error ? { "aria-describedby": `${id}-error` } : {})}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

function AgreementTable({
  result,
  page,
  onPage,
}: {
  result: components["schemas"]["PageViewAgreementSummaryView"];
  page: number;
  onPage: (page: number) => void;
}) {
  const items = result.items ?? [];
  if (items.length === 0) return <p className="govuk-body">No agreement matches.</p>;
  return (
    <>
      <p className="govuk-body" role="status">
        {result.totalItems ?? items.length} agreement{(result.totalItems ?? items.length) === 1 ? "" : "s"}
        {result.totalPages && result.totalPages > 1 ? `, page ${page + 1} of ${result.totalPages}` : ""}.
      </p>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <caption className="govuk-table__caption govuk-visually-hidden">Agreements</caption>
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Reference and title
              </th>
              <th scope="col" className="govuk-table__header">
                Parties
              </th>
              <th scope="col" className="govuk-table__header">
                State
              </th>
              <th scope="col" className="govuk-table__header">
                Next review
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {items.map((a) => (
              <tr key={a.id} className="govuk-table__row">
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/agreements/${a.id}`}>
                    {a.reference}
                  </Link>
                  <br />
                  <span className="govuk-body-s">{a.title}</span>
                </td>
                <td className="govuk-table__cell">{(a.parties ?? []).join(", ")}</td>
                <td className="govuk-table__cell">
                  <StateTag state={a.state} />
                  {a.reviewRequired && (
                    <>
                      {" "}
                      <strong className="govuk-tag govuk-tag--red">Review required</strong>
                    </>
                  )}
                </td>
                <td className="govuk-table__cell app-nowrap">{a.nextReviewOn ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager page={page} hasNext={page + 1 < (result.totalPages ?? 0)} onPage={onPage} label="Agreement pages" />
    </>
  );
}
