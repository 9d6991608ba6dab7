import { useRef, useState, type FormEvent } from "react";
import { ApiError, idempotencyKey, unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { Field } from "../../components/Field";
import { ProblemSummary } from "../../components/ProblemSummary";
import { Choices } from "./Choices";
import { DateInput, dateOf, partsOf, type DateParts } from "./DateInput";
import { type ConsentRecord, day, partyRole, today } from "./format";

/** A late withdrawal's 409: the window's end and the referral, read from the problem's extension members. */
export function lateWithdrawal(error: unknown): { windowEndedOn: string; requestId?: string; detail?: string } | undefined {
  if (!(error instanceof ApiError) || error.status !== 409) return undefined;
  const problem = error.problem as { windowEndedOn?: unknown; withdrawalRequestId?: unknown; detail?: string };
  if (typeof problem.windowEndedOn !== "string") return undefined;
  return {
    windowEndedOn: problem.windowEndedOn,
    ...(typeof problem.withdrawalRequestId === "string" ? { requestId: problem.withdrawalRequestId } : {}),
    ...(problem.detail ? { detail: problem.detail } : {}),
  };
}

export type WithdrawalResult =
  | { kind: "withdrawn"; on: string }
  | { kind: "referred"; windowEndedOn: string; requestId?: string; detail?: string };

/**
 * Record that the child (or a parent) asked to withdraw, on the day they asked. Inside the window the record is
 * withdrawn at once; after it the API answers 409 with the window's end and refers the request to the DPO.
 */
export function WithdrawalForm({
  record,
  etag,
  onDone,
}: {
  record: ConsentRecord;
  etag: string | undefined;
  onDone: (result: WithdrawalResult) => void;
}) {
  const api = useApi();
  const roles = [...new Set(["child", ...(record.parties ?? []).map((p) => p.role ?? "child")])];
  const [requestedBy, setRequestedBy] = useState("child");
  const [requestedOn, setRequestedOn] = useState<DateParts>(partsOf(today()));
  const [reason, setReason] = useState("");
  const [channel, setChannel] = useState("");
  const [errors, setErrors] = useState<Partial<Record<string, string[]>>>({});
  const [problem, setProblem] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const key = useRef(idempotencyKey());
  const changed = <T,>(set: (v: T) => void) => (v: T) => {
    key.current = idempotencyKey();
    set(v);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    const date = dateOf(requestedOn, "The day they asked");
    const found: Partial<Record<string, string[]>> = {};
    if (date.problem) found.requestedOn = [date.problem];
    else if (!date.iso) found.requestedOn = ["Enter the day they asked"];
    else if (date.iso > today()) found.requestedOn = ["The day they asked must be today or in the past"];
    else if (date.iso < today() && !reason.trim()) found.reason = ["Say why the withdrawal is recorded after the day they asked"];
    setErrors(found);
    if (Object.keys(found).length > 0 || !date.iso) return;
    setSaving(true);
    try {
      await unwrap(
        api.POST("/api/consents/{id}/withdrawals", {
          params: {
            path: { id: record.id ?? "" },
            header: { "If-Match": etag ?? "", "Idempotency-Key": key.current },
          },
          body: {
            requestedBy,
            requestedOn: date.iso,
            ...(reason.trim() ? { reason: reason.trim() } : {}),
            ...(channel.trim() ? { channel: channel.trim() } : {}),
          },
        }),
      );
      onDone({ kind: "withdrawn", on: date.iso });
    } catch (e) {
      const late = lateWithdrawal(e);
      if (late) onDone({ kind: "referred", ...late });
      else {
        setProblem(e);
        if (e instanceof ApiError) {
          const byField: Partial<Record<string, string[]>> = {};
          for (const [field, messages] of e.fieldMessages()) byField[field] = messages;
          setErrors(byField);
        }
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      {problem !== undefined && <ProblemSummary error={problem} title="The withdrawal was not recorded" />}
      <h2 className="govuk-heading-m">Record a withdrawal</h2>
      <p className="govuk-body">
        {record.withdrawalWindowEndsOn
          ? `Withdrawal is accepted at once until ${day(record.withdrawalWindowEndsOn)}; after that the request is referred to the data protection officer.`
          : "This consent can be withdrawn at any time."}
      </p>
      <Choices
        name="requestedBy"
        legend="Who asked to withdraw?"
        options={roles.map((role) => ({ value: role, label: partyRole(role) }))}
        selected={[requestedBy]}
        onChange={([v]) => v && changed(setRequestedBy)(v)}
        errors={errors.requestedBy}
        small
      />
      <DateInput
        name="requestedOn"
        legend="When did they ask?"
        hint="The window is measured to this day. For example, 14 3 2026"
        value={requestedOn}
        onChange={changed(setRequestedOn)}
        errors={errors.requestedOn}
      />
      <Field name="reason" label="Reason (needed when they asked before today)" errors={errors.reason}>
        {(props) => (
          <textarea
            {...props}
            className={`govuk-textarea${props.invalid ? " govuk-textarea--error" : ""}`}
            rows={3}
            maxLength={1000}
            value={reason}
            onChange={(e) => changed(setReason)(e.target.value)}
          />
        )}
      </Field>
      <Field name="channel" label="How did they ask? (optional)" hint="For example, told their caseworker" errors={errors.channel}>
        {(props) => (
          <input
            {...props}
            className={`govuk-input${props.invalid ? " govuk-input--error" : ""}`}
            type="text"
            maxLength={100}
            value={channel}
            onChange={(e) => changed(setChannel)(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="govuk-button govuk-button--warning" data-module="govuk-button" disabled={saving}>
        {saving ? "Recording the withdrawal…" : "Record the withdrawal"}
      </button>
    </form>
  );
}
