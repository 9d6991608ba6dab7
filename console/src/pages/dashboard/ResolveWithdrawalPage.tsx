import { useState, type FormEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { idempotencyKey, unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { ApiError } from "../../api/problem";
import { useLoad } from "../../api/useLoad";
import { Field } from "../../components/Field";
import { Loaded } from "../../components/Loaded";
import { ProblemSummary } from "../../components/ProblemSummary";
import type { components } from "../../api/schema";
import { date, dateTime, words } from "./format";
import { resolutionErrors, type ResolutionForm } from "./resolution";

type WithdrawalRequest = components["schemas"]["WithdrawalRequest"];

/** What the dashboard says after a resolution (passed in the navigation's state). */
export interface Resolved {
  resolved: { decision: string; requestedOn?: string | undefined };
}

function ResolveForm({ request, etag }: { request: WithdrawalRequest; etag: string }) {
  const api = useApi();
  const navigate = useNavigate();
  const [form, setForm] = useState<ResolutionForm>({ decision: "", note: "" });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [problem, setProblem] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  // one key for this decision, kept across its retries
  const [key] = useState(idempotencyKey);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = resolutionErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0 || form.decision === "") {
      setProblem(new ApiError({ status: 400, detail: "Check the answers below.", errors: Object.entries(found).flatMap(([field, ms]) => ms.map((message) => ({ field, message }))) }, undefined));
      return;
    }
    setSending(true);
    setProblem(undefined);
    try {
      await unwrap(
        api.POST("/api/consents/withdrawal-requests/{id}/resolve", {
          params: { path: { id: request.id ?? "" }, header: { "If-Match": etag, "Idempotency-Key": key } },
          body: { decision: form.decision, note: form.note },
        }),
      );
      const state: Resolved = { resolved: { decision: form.decision, requestedOn: request.requestedOn } };
      await navigate("/dashboard", { state });
    } catch (error) {
      setProblem(error);
      if (error instanceof ApiError) setErrors(Object.fromEntries(error.fieldMessages()));
      setSending(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      {problem !== undefined && <ProblemSummary error={problem} />}
      <div className={`govuk-form-group${errors.decision?.length ? " govuk-form-group--error" : ""}`}>
        <fieldset className="govuk-fieldset" {...(errors.decision?.length ? { "aria-describedby": "field-decision-error" } : {})}>
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Your decision</legend>
          {errors.decision?.length ? (
            <p id="field-decision-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {errors.decision.join("; ")}
            </p>
          ) : null}
          <div className="govuk-radios" data-module="govuk-radios">
            {(
              [
                ["ACCEPT", "Accept: withdraw the consent now", "field-decision"],
                ["DECLINE", "Decline: the consent stays as it is", "field-decision-decline"],
              ] as const
            ).map(([value, label, id]) => (
              <div key={value} className="govuk-radios__item">
                <input
                  className="govuk-radios__input"
                  id={id}
                  name="decision"
                  type="radio"
                  value={value}
                  checked={form.decision === value}
                  onChange={() => setForm({ ...form, decision: value })}
                />
                <label className="govuk-label govuk-radios__label" htmlFor={id}>
                  {label}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
      </div>
      <Field name="note" label="Reason for the decision" hint="It joins the record's history." errors={errors.note}>
        {({ id, invalid, ...rest }) => (
          <textarea
            className={`govuk-textarea${invalid ? " govuk-textarea--error" : ""}`}
            id={id}
            name="note"
            rows={4}
            maxLength={1000}
            value={form.note}
            onChange={(e) => setForm({ ...form, note: e.target.value })}
            {...rest}
          />
        )}
      </Field>
      <div className="govuk-button-group">
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={sending} aria-disabled={sending}>
          {sending ? "Resolving…" : "Resolve withdrawal"}
        </button>
        <Link className="govuk-link" to="/dashboard">
          Back to the dashboard
        </Link>
      </div>
    </form>
  );
}

/** One referred withdrawal, read with its ETag, and the DPO's decision on it. */
export function ResolveWithdrawalPage() {
  const { id = "" } = useParams();
  const api = useApi();
  const load = useLoad(async () => {
    const { data, response } = await unwrap(
      api.GET("/api/consents/withdrawal-requests/{id}", { params: { path: { id } } }),
    );
    return { request: data, etag: response.headers.get("ETag") ?? "" };
  }, [id]);
  return (
    <>
      <Link className="govuk-back-link" to="/dashboard">
        Back
      </Link>
      <h1 className="govuk-heading-l">Resolve a late withdrawal</h1>
      <Loaded load={load} what="Reading the withdrawal request">
        {({ request, etag }) => (
          <>
            <dl className="govuk-summary-list">
              {(
                [
                  ["Status", words(request.status)],
                  ["Asked on", date(request.requestedOn)],
                  ["Withdrawal window ended", date(request.windowEndedOn)],
                  ["Asked by", request.requestedBy],
                  ["How", request.channel],
                  ["Reason", request.reason],
                  ["Keyed", `${dateTime(request.receivedAt)} by ${request.recordedBy ?? "—"}`],
                  ["Consent record", request.recordId],
                ] as const
              ).map(([key, value]) => (
                <div key={key} className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">{key}</dt>
                  <dd className="govuk-summary-list__value">{value ?? "—"}</dd>
                </div>
              ))}
              {request.resolvedAt && (
                <div className="govuk-summary-list__row">
                  <dt className="govuk-summary-list__key">Resolved</dt>
                  <dd className="govuk-summary-list__value">
                    {dateTime(request.resolvedAt)} by {request.resolvedBy}: {request.resolutionNote}
                  </dd>
                </div>
              )}
            </dl>
            {request.status === "REFERRED" ? (
              <ResolveForm request={request} etag={etag} />
            ) : (
              <p className="govuk-body">This request has been resolved.</p>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
