import type { ReactNode } from "react";

/** GOV.UK radios or checkboxes in a fieldset, the error beside them; the first input's id is `field-<name>`. */
export function Choices<T extends string>({
  name,
  legend,
  hint,
  type = "radio",
  options,
  selected,
  onChange,
  errors,
  small = false,
}: {
  name: string;
  legend: ReactNode;
  hint?: string;
  type?: "radio" | "checkbox";
  options: { value: T; label: string; hint?: string }[];
  selected: readonly T[];
  onChange: (selected: T[]) => void;
  errors?: string[] | undefined;
  small?: boolean;
}) {
  const id = `field-${name}`;
  const invalid = Boolean(errors?.length);
  const kind = type === "radio" ? "radios" : "checkboxes";
  const described = [hint ? `${id}-hint` : "", invalid ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${invalid ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" {...(described ? { "aria-describedby": described } : {})}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {invalid && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errors?.join("; ")}
          </p>
        )}
        <div className={`govuk-${kind}${small ? ` govuk-${kind}--small` : ""}`} data-module={`govuk-${kind}`}>
          {options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            const checked = selected.includes(option.value);
            return (
              <div className={`govuk-${kind}__item`} key={option.value}>
                <input
                  className={`govuk-${kind}__input`}
                  id={optionId}
                  name={name}
                  type={type}
                  value={option.value}
                  checked={checked}
                  {...(option.hint ? { "aria-describedby": `${optionId}-item-hint` } : {})}
                  onChange={() =>
                    onChange(
                      type === "radio"
                        ? [option.value]
                        : checked
                          ? selected.filter((v) => v !== option.value)
                          : [...selected, option.value],
                    )
                  }
                />
                <label className={`govuk-label govuk-${kind}__label`} htmlFor={optionId}>
                  {option.label}
                </label>
                {option.hint && (
                  <div id={`${optionId}-item-hint`} className={`govuk-hint govuk-${kind}__hint`}>
                    {option.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
