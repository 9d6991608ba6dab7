import { Field } from "../../components/Field";
import { checkIdentifier, IDENTIFIER_SYSTEMS, type IdentifierSystem } from "./identifiers";

export interface IdentifierValue {
  system: IdentifierSystem;
  raw: string;
}

/** The typed identifier checked: what to send (system:value), or the problem to show. */
export function identifierCheck(value: IdentifierValue): { value: string; problem: string | undefined } {
  const { value: normalised, problem } = checkIdentifier(value.system, value.raw);
  return { value: normalised, problem: problem ? sentence(problem) : undefined };
}

function sentence(problem: string): string {
  return problem.charAt(0).toUpperCase() + problem.slice(1);
}

/**
 * Which identifier (radios) and its value, checked as the platform checks it: the error shows beside the field after
 * the first time the person leaves it (or tries to continue), then as they type.
 */
export function IdentifierInput({
  value,
  onChange,
  touched,
  onTouched,
  systems = ["nhs-number", "upn", "case-management-id"],
  serverErrors,
  legend = "Find the child by",
}: {
  value: IdentifierValue;
  onChange: (value: IdentifierValue) => void;
  touched: boolean;
  onTouched: () => void;
  systems?: IdentifierSystem[];
  serverErrors?: string[] | undefined;
  legend?: string;
}) {
  const shown = IDENTIFIER_SYSTEMS.filter((s) => systems.includes(s.code));
  const current = shown.find((s) => s.code === value.system) ?? shown[0];
  const problem = touched ? identifierCheck(value).problem : undefined;
  const errors = problem ? [problem] : serverErrors;
  return (
    <>
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
          <div className="govuk-radios govuk-radios--small govuk-radios--inline" data-module="govuk-radios">
            {shown.map((system) => (
              <div className="govuk-radios__item" key={system.code}>
                <input
                  className="govuk-radios__input"
                  id={`field-system-${system.code}`}
                  name="system"
                  type="radio"
                  value={system.code}
                  checked={value.system === system.code}
                  onChange={() => onChange({ ...value, system: system.code })}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={`field-system-${system.code}`}>
                  {system.label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Field name="identifier" label={current?.label ?? "Identifier"} hint={current?.hint} errors={errors}>
        {(props) => (
          <input
            {...props}
            className={`govuk-input govuk-input--width-20${props.invalid ? " govuk-input--error" : ""}`}
            name="identifier"
            type="text"
            spellCheck={false}
            autoComplete="off"
            value={value.raw}
            onBlur={() => value.raw.trim() !== "" && onTouched()}
            onChange={(event) => onChange({ ...value, raw: event.target.value })}
          />
        )}
      </Field>
    </>
  );
}
