/** A date as GOV.UK asks for one: day, month and year in three boxes. */
export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export const EMPTY_DATE: DateParts = { day: "", month: "", year: "" };

/** yyyy-mm-dd from the parts. */
export function partsOf(iso: string): DateParts {
  const [year = "", month = "", day = ""] = iso.split("-");
  return { day: String(Number(day)), month: String(Number(month)), year };
}

/** The parts as the API's LocalDate (yyyy-mm-dd), or the problem in GOV.UK's words; undefined when all are empty. */
export function dateOf(parts: DateParts, what: string): { iso?: string; problem?: string } {
  const d = parts.day.trim();
  const m = parts.month.trim();
  const y = parts.year.trim();
  if (!d && !m && !y) return {};
  const missing = [!d && "day", !m && "month", !y && "year"].filter(Boolean);
  if (missing.length) return { problem: `${what} must include a ${missing.join(" and ")}` };
  if (!/^\d{1,2}$/.test(d) || !/^\d{1,2}$/.test(m) || !/^\d{4}$/.test(y)) return { problem: `${what} must be a real date` };
  const iso = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return { problem: `${what} must be a real date` };
  return { iso };
}

export function DateInput({
  name,
  legend,
  hint = "For example, 27 3 2026",
  value,
  onChange,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  value: DateParts;
  onChange: (value: DateParts) => void;
  errors?: string[] | undefined;
}) {
  const id = `field-${name}`;
  const invalid = Boolean(errors?.length);
  const described = [`${id}-hint`, invalid ? `${id}-error` : ""].filter(Boolean).join(" ");
  const part = (key: keyof DateParts, label: string, width: string) => (
    <div className="govuk-date-input__item">
      <div className="govuk-form-group">
        <label className="govuk-label govuk-date-input__label" htmlFor={key === "day" ? id : `${id}-${key}`}>
          {label}
        </label>
        <input
          className={`govuk-input govuk-date-input__input ${width}${invalid ? " govuk-input--error" : ""}`}
          id={key === "day" ? id : `${id}-${key}`}
          name={`${name}-${key}`}
          type="text"
          inputMode="numeric"
          value={value[key]}
          onChange={(event) => onChange({ ...value, [key]: event.target.value })}
        />
      </div>
    </div>
  );
  return (
    <div className={`govuk-form-group${invalid ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" role="group" aria-describedby={described}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
        {invalid && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {errors?.join("; ")}
          </p>
        )}
        <div className="govuk-date-input">
          {part("day", "Day", "govuk-input--width-2")}
          {part("month", "Month", "govuk-input--width-2")}
          {part("year", "Year", "govuk-input--width-4")}
        </div>
      </fieldset>
    </div>
  );
}
