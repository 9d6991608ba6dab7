import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate } from "react-router";
import { idempotencyKey, unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { ProblemSummary } from "../../components/ProblemSummary";
import { DateInput, dateOf, EMPTY_DATE, type DateParts } from "./DateInput";
import { identifierCheck, IdentifierInput, type IdentifierValue } from "./IdentifierInput";
import { today } from "./format";

/** Register a child the suite does not know yet: one identifier and the date of birth (no names are kept). */
export function AddChildPage() {
  const api = useApi();
  const navigate = useNavigate();
  const [identifier, setIdentifier] = useState<IdentifierValue>({ system: "nhs-number", raw: "" });
  const [dateOfBirth, setDateOfBirth] = useState<DateParts>(EMPTY_DATE);
  const [touched, setTouched] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const key = useRef(idempotencyKey());

  const check = identifierCheck(identifier);
  const dob = dateOf(dateOfBirth, "Date of birth");
  const dobProblem = submitted
    ? (dob.problem ?? (!dob.iso ? "Enter the date of birth" : dob.iso > today() ? "Date of birth must be in the past" : undefined))
    : undefined;
  const problems = [
    ...(touched && check.problem ? [{ field: "identifier", text: check.problem }] : []),
    ...(dobProblem ? [{ field: "dateOfBirth", text: dobProblem }] : []),
  ];

  const change = <T,>(set: (v: T) => void) => (v: T) => {
    key.current = idempotencyKey(); // a changed form is a new request
    set(v);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(true);
    setSubmitted(true);
    setError(undefined);
    if (check.problem || !dob.iso || dob.iso > today()) return;
    setSaving(true);
    try {
      const { data } = await unwrap(
        api.POST("/api/subjects", {
          params: { header: { "Idempotency-Key": key.current } },
          body: { identifiers: [{ system: identifier.system, value: check.value }], dateOfBirth: dob.iso },
        }),
      );
      void navigate(`/children/subjects/${data.id ?? ""}`);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Link to="/children" className="govuk-back-link">
        Back
      </Link>
      {problems.length > 0 && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {problems.map((p) => (
                <li key={p.field}>
                  <a href={`#field-${p.field}`}>{p.text}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {error !== undefined && <ProblemSummary error={error} />}
      <h1 className="govuk-heading-l">Add a child</h1>
      <p className="govuk-body">The suite keeps identifiers and the date of birth only, never names.</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <IdentifierInput
          legend="Identifier"
          systems={["nhs-number", "upn", "case-management-id", "ni-number"]}
          value={identifier}
          onChange={change(setIdentifier)}
          touched={touched}
          onTouched={() => setTouched(true)}
        />
        <DateInput
          name="dateOfBirth"
          legend="Date of birth"
          hint="For example, 20 11 2013"
          value={dateOfBirth}
          onChange={change(setDateOfBirth)}
          errors={dobProblem ? [dobProblem] : undefined}
        />
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={saving}>
          {saving ? "Adding the child…" : "Add the child"}
        </button>
      </form>
    </>
  );
}
