import { useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { ApiError, unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { ProblemSummary } from "../../components/ProblemSummary";
import { identifierCheck, IdentifierInput, type IdentifierValue } from "./IdentifierInput";
import { systemLabel } from "./identifiers";
import { RecentConsents } from "./RecentConsents";

/** Find a child by NHS number, UPN or case id; the number is checked as it is typed. */
export function FindChildPage() {
  const api = useApi();
  const navigate = useNavigate();
  const { person } = useAuth();
  const [value, setValue] = useState<IdentifierValue>({ system: "nhs-number", raw: "" });
  const [touched, setTouched] = useState(false);
  const [searching, setSearching] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [notFound, setNotFound] = useState<string | undefined>(undefined);

  if (!may(person, "findChild")) {
    return (
      <>
        <h1 className="govuk-heading-l">Children's records</h1>
        <p className="govuk-body">
          Your role reads consent records without the children's identifiers, so you cannot search by NHS number, UPN
          or case id. The most recent records are below.
        </p>
        <RecentConsents />
      </>
    );
  }

  const check = identifierCheck(value);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setNotFound(undefined);
    setError(undefined);
    if (check.problem) return;
    setSearching(true);
    try {
      const { data } = await unwrap(
        api.GET("/api/subjects", { params: { query: { identifier: `${value.system}:${check.value}` } } }),
      );
      void navigate(`/children/subjects/${data.id ?? ""}`);
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setNotFound(`${systemLabel(value.system)} ${check.value}`);
      else setError(e);
    } finally {
      setSearching(false);
    }
  };

  return (
    <>
      {touched && check.problem && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#field-identifier">{check.problem}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {error !== undefined && <ProblemSummary error={error} />}
      <h1 className="govuk-heading-l">Find a child</h1>
      <p className="govuk-body">Search by the child's NHS number, unique pupil number or case id.</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <IdentifierInput value={value} onChange={setValue} touched={touched} onTouched={() => setTouched(true)} />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={searching}>
          {searching ? "Searching…" : "Find the child"}
        </button>
      </form>
      {searching && (
        <p className="govuk-body" role="status" aria-live="polite">
          Searching…
        </p>
      )}
      {notFound && (
        <div className="govuk-inset-text" role="status">
          <p className="govuk-body">No child has the {notFound}.</p>
          {may(person, "recordConsent") && (
            <p className="govuk-body">
              <Link className="govuk-link" to="/children/new">
                Add a child
              </Link>
            </p>
          )}
        </div>
      )}
      <h2 className="govuk-heading-m">Other tasks</h2>
      <ul className="govuk-list">
        {may(person, "recordConsent") && (
          <li>
            <Link className="govuk-link" to="/children/new">
              Add a child
            </Link>
          </li>
        )}
        {may(person, "importConsents") && (
          <li>
            <Link className="govuk-link" to="/children/imports">
              Import consent forms in bulk
            </Link>
          </li>
        )}
      </ul>
    </>
  );
}
