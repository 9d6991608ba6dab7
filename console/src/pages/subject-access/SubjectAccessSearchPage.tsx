import { useState, type FormEvent } from "react";
import { useNavigate } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { hasAny } from "../../auth/roles";
import { IDENTIFIER_SYSTEMS, identifierOf, type IdentifierSystem } from "./subjectAccessPack";

/** Find the child a subject access request is about, by one of their identifiers. */
export function SubjectAccessSearchPage() {
  const navigate = useNavigate();
  const { person } = useAuth();
  // the consent service finds a subject by identifier for caseworkers and the DPO only; an auditor reads by internal id
  const byIdOnly = !hasAny(person, "dpo");
  const [system, setSystem] = useState<IdentifierSystem>(byIdOnly ? "subject-id" : "nhs-number");
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = identifierOf(system, value);
    if ("error" in result) {
      setError(result.error);
      return;
    }
    setError(undefined);
    void navigate(`/subject-access/pack?identifier=${encodeURIComponent(result.identifier)}`);
  };

  return (
    <>
      <h1 className="govuk-heading-l">Subject access</h1>
      <p className="govuk-body">
        Everything the suite holds about one child — the notices they were shown, their consents and history, and who
        received which of their data under which agreement — on one page to print or download.
      </p>
      {byIdOnly && (
        <div className="govuk-inset-text">
          Your role reads a child's records by the suite's internal subject id (the DPO finds it from an NHS number, UPN
          or case id). Disclosures are found by the child's identifiers, so the pack you open will say they were not read.
        </div>
      )}
      {error && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#field-identifier">{error}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      <form onSubmit={submit} noValidate>
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Which identifier do you have?</legend>
            <div className="govuk-radios govuk-radios--small" data-module="govuk-radios">
              {IDENTIFIER_SYSTEMS.map((s) => (
                <div key={s.value} className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={`system-${s.value}`}
                    name="system"
                    type="radio"
                    value={s.value}
                    checked={system === s.value}
                    onChange={() => setSystem(s.value)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={`system-${s.value}`}>
                    {s.text}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
        <div className={`govuk-form-group${error ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="field-identifier">
            Identifier
          </label>
          {error && (
            <p id="field-identifier-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {error}
            </p>
          )}
          <input
            className={`govuk-input govuk-input--width-20${error ? " govuk-input--error" : ""}`}
            id="field-identifier"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={value}
            {...(error ? { "aria-describedby": "field-identifier-error" } : {})}
            onChange={(e) => setValue(e.target.value)}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Open the pack
        </button>
      </form>
    </>
  );
}
