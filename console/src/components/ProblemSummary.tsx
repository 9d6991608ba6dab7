import { useEffect, useRef } from "react";
import { ApiError, plainWords } from "../api/problem";

/**
 * A failed call in plain words, as a GOV.UK error summary that takes focus, with the request id to quote to support
 * and links to the fields a validation problem names (the fields' ids are `field-<name>`). A form that knows more
 * than the problem (a publication check's violations) passes its own `fields`, and names them with `fieldLabel`.
 */
export function ProblemSummary({
  error,
  title = "There is a problem",
  fields,
  fieldLabel = (field) => field,
}: {
  error: unknown;
  title?: string;
  fields?: Map<string, string[]>;
  fieldLabel?: (field: string) => string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, [error, fields]);
  const listed = [...(fields ?? (error instanceof ApiError ? error.fieldMessages() : new Map<string, string[]>()))];
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  return (
    <div className="govuk-error-summary" data-module="govuk-error-summary" ref={ref} tabIndex={-1} role="alert">
      <h2 className="govuk-error-summary__title">{title}</h2>
      <div className="govuk-error-summary__body">
        {error !== undefined && (
          <p className="govuk-body" data-testid="problem-text">
            {plainWords(error)}
          </p>
        )}
        {listed.length > 0 && (
          <ul className="govuk-list govuk-error-summary__list">
            {listed.map(([field, messages]) => (
              <li key={field}>
                <a href={`#field-${field}`}>
                  {fieldLabel(field)}: {messages.join("; ")}
                </a>
              </li>
            ))}
          </ul>
        )}
        {requestId && (
          <p className="govuk-body-s">
            Request id: <code data-testid="request-id">{requestId}</code>
          </p>
        )}
      </div>
    </div>
  );
}
