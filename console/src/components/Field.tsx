import type { ReactNode } from "react";

/** A GOV.UK form group with its label, hint and error message; the control's id is `field-<name>`. */
export function Field({
  name,
  label,
  hint,
  errors,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errors?: string[] | undefined;
  children: (props: { id: string; "aria-describedby"?: string; invalid: boolean }) => ReactNode;
}) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : "", errors?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${errors?.length ? " govuk-form-group--error" : ""}`}>
      <label className="govuk-label govuk-label--s" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      {errors?.length ? (
        <p id={`${id}-error`} className="govuk-error-message">
          <span className="govuk-visually-hidden">Error:</span> {errors.join("; ")}
        </p>
      ) : null}
      {children({ id, ...(described ? { "aria-describedby": described } : {}), invalid: Boolean(errors?.length) })}
    </div>
  );
}
