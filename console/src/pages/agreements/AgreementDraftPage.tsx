import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { idempotencyKey, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Field } from "../../components/Field";
import { ProblemSummary } from "../../components/ProblemSummary";
import { Loaded } from "../../components/Loaded";
import {
  EMPTY_FORM,
  formFieldOf,
  formOf,
  FREQUENCIES,
  mergeContent,
  PARTY_ROLES,
  toContent,
  type AgreementFormValues,
} from "./agreementForm";

type Content = components["schemas"]["AgreementContent"];

type Errors = Partial<Record<keyof AgreementFormValues, string[]>>;

/** Draft a new agreement (the DPO; the API lets no other role draft). It opens as a draft to put up for signature. */
export function AgreementDraftPage() {
  const api = useApi();
  const navigate = useNavigate();
  // one key per attempt at drafting these values: a retry after a lost answer does not draft twice
  const key = useRef<{ key: string; body: string } | undefined>(undefined);
  return (
    <AgreementForm
      heading="Draft an agreement"
      initial={EMPTY_FORM}
      save={async (reference, content) => {
        const body = { reference, content };
        const text = JSON.stringify(body);
        if (key.current?.body !== text) key.current = { key: idempotencyKey(), body: text };
        const { data } = await unwrap(
          api.POST("/api/agreements", { params: { header: { "Idempotency-Key": key.current.key } }, body }),
        );
        void navigate(`/agreements/${data.id}`);
      }}
    />
  );
}

/** Change a draft version's content (the DPO), naming the agreement as last read (If-Match). */
export function AgreementEditPage() {
  const api = useApi();
  const navigate = useNavigate();
  const { id = "", number = "" } = useParams();
  const version = Number(number);
  const load = useLoad(async () => {
    const [current, draft] = await Promise.all([
      unwrap(api.GET("/api/agreements/{id}", { params: { path: { id } } })),
      unwrap(api.GET("/api/agreements/{id}/versions/{number}", { params: { path: { id, number: version } } })),
    ]);
    return { etag: current.response.headers.get("ETag") ?? "", draft: draft.data };
  }, [id, version]);
  return (
    <Loaded load={load} what="Loading the draft">
      {({ etag, draft }) =>
        draft.content === undefined || draft.versionState !== "DRAFT" ? (
          <>
            <h1 className="govuk-heading-l">Only a draft changes</h1>
            <p className="govuk-body">
              Version {version} of {draft.reference} is not a draft.{" "}
              <Link className="govuk-link" to={`/agreements/${id}`}>
                Back to the agreement
              </Link>
            </p>
          </>
        ) : (
          <AgreementForm
            heading={`Change the draft of ${draft.reference ?? "the agreement"}, version ${version}`}
            initial={formOf(draft.reference ?? "", draft.content)}
            referenceFixed
            save={async (_reference, content) => {
              await unwrap(
                api.PUT("/api/agreements/{id}/versions/{number}", {
                  params: { path: { id, number: version }, header: { "If-Match": etag } },
                  body: { content: mergeContent(draft.content!, content) },
                }),
              );
              void navigate(`/agreements/${id}`);
            }}
          />
        )
      }
    </Loaded>
  );
}

function AgreementForm({
  heading,
  initial,
  referenceFixed = false,
  save,
}: {
  heading: string;
  initial: AgreementFormValues;
  referenceFixed?: boolean;
  save: (reference: string, content: Content) => Promise<void>;
}) {
  const { person } = useAuth();
  const [values, setValues] = useState<AgreementFormValues>(initial);
  const [errors, setErrors] = useState<Errors>({});
  const [problem, setProblem] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  if (!may(person, "manageAgreements")) {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot draft agreements</h1>
        <p className="govuk-body">The data protection officer drafts agreements and puts them up for signature.</p>
      </>
    );
  }

  const set = <K extends keyof AgreementFormValues>(name: K, value: AgreementFormValues[K]) =>
    setValues((v) => ({ ...v, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const result = toContent(values);
    if (result.errors) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [k, [m]])) as Errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await save(values.reference.trim(), result.content);
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiError) {
        const next: Errors = {};
        for (const [field, messages] of e.fieldMessages()) {
          const name = formFieldOf(field);
          if (name) next[name] = [...(next[name] ?? []), ...messages];
        }
        setErrors(next);
      }
    } finally {
      setBusy(false);
    }
  };

  const text = (name: keyof AgreementFormValues, label: string, hint?: string, width = "govuk-input--width-20") => (
    <Field name={name} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        <input
          className={`govuk-input ${width}${p.invalid ? " govuk-input--error" : ""}`}
          id={p.id}
          aria-describedby={p["aria-describedby"]}
          type="text"
          spellCheck={false}
          value={values[name] as string}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );
  const area = (name: keyof AgreementFormValues, label: string, hint?: string) => (
    <Field name={name} label={label} hint={hint} errors={errors[name]}>
      {(p) => (
        <textarea
          className={`govuk-textarea${p.invalid ? " govuk-textarea--error" : ""}`}
          id={p.id}
          aria-describedby={p["aria-describedby"]}
          rows={3}
          spellCheck={false}
          value={values[name] as string}
          onChange={(e) => set(name, e.target.value)}
        />
      )}
    </Field>
  );

  return (
    <>
      <Link to="/agreements" className="govuk-back-link app-no-print">
        Back to agreements
      </Link>
      <h1 className="govuk-heading-l">{heading}</h1>
      <p className="govuk-body">
        It is saved as a draft. Open it to put it up for signature: every rule is checked then, and each party signs.
      </p>
      {problem !== undefined && <ProblemSummary error={problem} />}
      {problem === undefined && Object.keys(errors).length > 0 && <FormErrors errors={errors} />}
      <form onSubmit={(e) => void submit(e)} noValidate>
        {!referenceFixed &&
          text("reference", "Reference", "Unique among agreements whose dates overlap, e.g. ISA-LBC-POLICE-2027")}
        {text("title", "Title", undefined, "govuk-!-width-full")}
        {area("summary", "Summary (optional)")}
        {area("parties", "Parties", `One a line: the organisation's id then its role (${PARTY_ROLES.join(", ")}), e.g. luton-council CONTROLLER`)}
        {area("purposes", "Purposes", "Purpose codes, one a line, e.g. keep-children-safe")}
        {area("dataCategories", "Data categories", "Category codes, one a line, e.g. identity.date-of-birth")}
        {area("dataSubjects", "Who the data is about", "One group a line")}
        {area("lawfulBases", "Lawful bases", "One a line: PERSONAL, SPECIAL or CRIMINAL then the basis code, e.g. SPECIAL uk-gdpr-9-2-g")}
        {area("methods", "Transfer methods allowed", "Method codes, one a line, e.g. encrypted-file-transfer")}
        <Field name="frequency" label="How often data passes" errors={errors.frequency}>
          {(p) => (
            <select
              className={`govuk-select${p.invalid ? " govuk-select--error" : ""}`}
              id={p.id}
              aria-describedby={p["aria-describedby"]}
              value={values.frequency}
              onChange={(e) => set("frequency", e.target.value)}
            >
              {FREQUENCIES.map((f) => (
                <option key={f} value={f}>
                  {f.charAt(0) + f.slice(1).toLowerCase().replace("_", " ")}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="govuk-form-group">
          <div className="govuk-checkboxes" data-module="govuk-checkboxes">
            <div className="govuk-checkboxes__item">
              <input
                className="govuk-checkboxes__input"
                id="field-consentRequired"
                type="checkbox"
                checked={values.consentRequired}
                onChange={(e) => set("consentRequired", e.target.checked)}
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor="field-consentRequired">
                Each disclosure needs the child's effective consent
              </label>
            </div>
          </div>
        </div>
        {text("consentNotice", "Notice the consent is given under", "Its slug, e.g. what-it-means-to-me (needed when consent is)")}
        {area("linkedNotices", "Linked notices (optional)", "Published versions that tell families, one a line, e.g. what-it-means-to-me:1")}
        {area("retentionPeriod", "How long the data is kept")}
        {area("destruction", "How the data is destroyed")}
        {text("reviewCycleMonths", "Months between reviews", undefined, "govuk-input--width-3")}
        {text("startDate", "Start date", "YYYY-MM-DD, e.g. 2027-01-01", "govuk-input--width-10")}
        {text("endDate", "End date (optional)", "YYYY-MM-DD; leave empty for open-ended", "govuk-input--width-10")}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
          {busy ? "Saving the draft…" : "Save the draft"}
        </button>
      </form>
    </>
  );
}

/** The form's own refusals, as a GOV.UK error summary linking to each field (which keeps what was typed). */
function FormErrors({ errors }: { errors: Errors }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [errors]);
  return (
    <div className="govuk-error-summary" ref={ref} tabIndex={-1} role="alert">
      <h2 className="govuk-error-summary__title">There is a problem</h2>
      <div className="govuk-error-summary__body">
        <ul className="govuk-list govuk-error-summary__list">
          {Object.entries(errors).map(([field, messages]) => (
            <li key={field}>
              <a href={`#field-${field}`}>{messages?.join("; ")}</a>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
