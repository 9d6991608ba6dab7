import { useRef, useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { ApiError, idempotencyKey, unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Field } from "../../components/Field";
import { Loaded } from "../../components/Loaded";
import { Loading } from "../../components/Loading";
import { ProblemSummary } from "../../components/ProblemSummary";
import { Choices } from "./Choices";
import type { components } from "../../api/schema";
import {
  type Capacity,
  type CollectionMethod,
  type ConsentForm,
  type Decision,
  type FormErrors,
  type PublicNotice,
  serverErrors,
  toRequest,
} from "./consentForm";
import { DateInput, EMPTY_DATE, partsOf } from "./DateInput";
import { today } from "./format";

type NoticeSummary = components["schemas"]["NoticeSummary"];

const METHODS: { value: CollectionMethod; label: string }[] = [
  { value: "PAPER_FORM", label: "Paper form" },
  { value: "ELECTRONIC_FORM", label: "Electronic form" },
  { value: "IN_PERSON", label: "In person" },
  { value: "CASE_MANAGEMENT_IMPORT", label: "From the case-management system" },
];
const DECISIONS: { value: Decision; label: string }[] = [
  { value: "GIVEN", label: "Gave consent" },
  { value: "REFUSED", label: "Refused" },
];
const CAPACITIES: { value: Capacity; label: string }[] = [
  { value: "GILLICK_COMPETENT", label: "Gillick competent" },
  { value: "NOT_COMPETENT", label: "Not competent to decide alone" },
  { value: "NOT_ASSESSED", label: "Not assessed" },
];

function initialForm(): ConsentForm {
  const now = partsOf(today());
  return {
    slug: "",
    purposes: [],
    collectionMethod: "",
    formIssuedOn: EMPTY_DATE,
    formReceivedOn: now,
    givenOn: now,
    evidenceReference: "",
    childDecision: "GIVEN",
    childCapacity: "NOT_ASSESSED",
    childDecidedOn: now,
    parentRole: "parent",
    parentRelationship: "",
    parentDecision: "GIVEN",
    parentDecidedOn: now,
  };
}

/** Record a consent form for a child: the notice version in force, the purposes, the child's and a parent's decision. */
export function RecordConsentPage() {
  const { subjectId = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<ConsentForm>(initialForm);
  const [errors, setErrors] = useState<FormErrors>({});
  const [problem, setProblem] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const key = useRef(idempotencyKey());

  const notices = useLoad(
    // the public pages answer HTML or JSON; the client asks for JSON
    async () =>
      ((await unwrap(api.GET("/public/notices", {}))).data as NoticeSummary[]).filter((n) => n.currentVersion !== undefined),
    [],
  );
  const notice = useLoad(
    async () =>
      form.slug
        ? ((await unwrap(api.GET("/public/notices/{slug}", { params: { path: { slug: form.slug } } }))).data as PublicNotice)
        : undefined,
    [form.slug],
  );
  const picked = notice.state === "loaded" ? notice.data : undefined;

  const set = <K extends keyof ConsentForm>(field: K, value: ConsentForm[K]) => {
    key.current = idempotencyKey(); // a changed form is a new request; an unchanged retry keeps its key
    setForm((f) => ({ ...f, [field]: value, ...(field === "slug" ? { purposes: [] } : {}) }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const { errors: found, request } = toRequest(form, subjectId, picked, today());
    setErrors(found);
    if (!request) return;
    setSaving(true);
    try {
      const { data } = await unwrap(
        api.POST("/api/consents", { params: { header: { "Idempotency-Key": key.current } }, body: request }),
      );
      void navigate(`/children/consents/${data.id ?? ""}`, { state: { recorded: true } });
    } catch (e) {
      setProblem(e);
      if (e instanceof ApiError) setErrors(serverErrors(e.fieldMessages()));
    } finally {
      setSaving(false);
    }
  };

  const summary = Object.entries(errors).flatMap(([field, messages]) => (messages ?? []).map((m) => ({ field, m })));
  const consentTerms = picked?.content?.consent;
  return (
    <>
      <Link to={`/children/subjects/${subjectId}`} className="govuk-back-link">
        Back to the child's record
      </Link>
      {problem !== undefined && <ProblemSummary error={problem} />}
      {problem === undefined && summary.length > 0 && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              {summary.map(({ field, m }) => (
                <li key={`${field}:${m}`}>
                  <a href={`#field-${field}`}>{m}</a>
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <h1 className="govuk-heading-l">Record a consent</h1>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Loaded load={notices} what="Loading the published notices">
          {(list) =>
            list.length === 0 ? (
              <p className="govuk-body">No notice is published, so no consent can be recorded yet.</p>
            ) : (
              // a select, not radios: every council publishes more notices over time
              <Field
                name="notice"
                label="Which notice was the family given?"
                hint="Only notices with a version in force are listed; the consent is pinned to that version."
                errors={errors.notice}
              >
                {(props) => (
                  <select
                    {...props}
                    className={`govuk-select${props.invalid ? " govuk-select--error" : ""}`}
                    value={form.slug}
                    onChange={(e) => set("slug", e.target.value)}
                  >
                    <option value="">Select a notice</option>
                    {list.map((n) => (
                      <option key={n.slug} value={n.slug}>
                        {n.title ?? n.slug} (version {n.currentVersion ?? "?"})
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            )
          }
        </Loaded>
        {form.slug && notice.state === "loading" && <Loading what="Loading the notice" />}
        {form.slug && notice.state === "failed" && <ProblemSummary error={notice.error} />}
        {picked && (
          <>
            <div className="govuk-inset-text" data-testid="notice-version">
              {picked.title}: version {picked.version}, in force since {picked.inForceFrom?.slice(0, 10)}.
              {consentTerms?.withdrawalWindowDays
                ? ` The child may withdraw within ${consentTerms.withdrawalWindowDays} days.`
                : " The child may withdraw at any time."}
              {consentTerms?.requiredParties?.length
                ? ` Consent needed from: ${consentTerms.requiredParties.join(", ")}.`
                : ""}
            </div>
            <Choices
              name="purposes"
              type="checkbox"
              legend="What did they consent to?"
              options={(picked.content?.purposes ?? []).map((p) => ({ value: p.code, label: p.description, hint: p.code }))}
              selected={form.purposes}
              onChange={(v) => set("purposes", v)}
              errors={errors.purposes}
            />
          </>
        )}
        <Choices
          name="collectionMethod"
          legend="How was the consent collected?"
          options={METHODS}
          selected={[form.collectionMethod]}
          onChange={([v]) => set("collectionMethod", v ?? "")}
          errors={errors.collectionMethod}
          small
        />
        <DateInput
          name="formReceivedOn"
          legend="When was the form received?"
          value={form.formReceivedOn}
          onChange={(v) => set("formReceivedOn", v)}
          errors={errors.formReceivedOn}
        />
        <DateInput
          name="givenOn"
          legend="When was the form signed?"
          hint="The consent counts from the start of this day. For example, 27 3 2026"
          value={form.givenOn}
          onChange={(v) => set("givenOn", v)}
          errors={errors.givenOn}
        />
        <DateInput
          name="formIssuedOn"
          legend="When was the form issued to the family? (optional)"
          hint="Needed when the notice's withdrawal window counts from the day the form was issued"
          value={form.formIssuedOn}
          onChange={(v) => set("formIssuedOn", v)}
          errors={errors.formIssuedOn}
        />
        <Field name="evidenceReference" label="Where is the signed form kept? (optional)" hint="For example, EYES document 12345" errors={errors.evidenceReference}>
          {(props) => (
            <input
              {...props}
              className={`govuk-input${props.invalid ? " govuk-input--error" : ""}`}
              type="text"
              maxLength={200}
              value={form.evidenceReference}
              onChange={(e) => set("evidenceReference", e.target.value)}
            />
          )}
        </Field>

        <h2 className="govuk-heading-m">The child</h2>
        <Choices
          name="childDecision"
          legend="The child's decision"
          options={DECISIONS}
          selected={[form.childDecision]}
          onChange={([v]) => v && set("childDecision", v)}
          errors={errors.childDecision}
          small
        />
        <Choices
          name="childCapacity"
          legend="The child's capacity to decide"
          options={CAPACITIES}
          selected={[form.childCapacity]}
          onChange={([v]) => v && set("childCapacity", v)}
          errors={errors.childCapacity}
          small
        />
        <DateInput
          name="childDecidedOn"
          legend="When did the child decide?"
          value={form.childDecidedOn}
          onChange={(v) => set("childDecidedOn", v)}
          errors={errors.childDecidedOn}
        />

        <h2 className="govuk-heading-m">A parent or carer</h2>
        <Field name="parentRole" label="Who decided with the child?" errors={errors.parentRole}>
          {(props) => (
            <select
              {...props}
              className={`govuk-select${props.invalid ? " govuk-select--error" : ""}`}
              value={form.parentRole}
              onChange={(e) => set("parentRole", e.target.value as ConsentForm["parentRole"])}
            >
              <option value="parent">Parent</option>
              <option value="carer">Carer</option>
              <option value="guardian">Guardian</option>
              <option value="">Nobody: the child decided alone</option>
            </select>
          )}
        </Field>
        {form.parentRole && (
          <>
            <Field name="parentRelationship" label="Relationship to the child (optional)" hint="For example, mother" errors={errors.parentRelationship}>
              {(props) => (
                <input
                  {...props}
                  className={`govuk-input govuk-input--width-20${props.invalid ? " govuk-input--error" : ""}`}
                  type="text"
                  maxLength={100}
                  value={form.parentRelationship}
                  onChange={(e) => set("parentRelationship", e.target.value)}
                />
              )}
            </Field>
            <Choices
              name="parentDecision"
              legend="The parent or carer's decision"
              options={DECISIONS}
              selected={[form.parentDecision]}
              onChange={([v]) => v && set("parentDecision", v)}
              errors={errors.parentDecision}
              small
            />
            <DateInput
              name="parentDecidedOn"
              legend="When did the parent or carer decide?"
              value={form.parentDecidedOn}
              onChange={(v) => set("parentDecidedOn", v)}
              errors={errors.parentDecidedOn}
            />
          </>
        )}
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={saving}>
          {saving ? "Recording…" : "Record the consent"}
        </button>
        {saving && <Loading what="Recording the consent" />}
      </form>
    </>
  );
}
