import { useState, type FormEvent } from "react";
import { useSearchParams } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { ApiError } from "../../api/problem";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Field } from "../../components/Field";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { ProblemSummary } from "../../components/ProblemSummary";
import type { components } from "../../api/schema";
import { dateTime } from "../dashboard/format";
import { lookupErrors, type Lookup } from "./lookup";

type Entry = components["schemas"]["AccessLogEntry"];
type PageOf = components["schemas"]["PageViewAccessLogEntryView"];

export function AccessLogTable({ entries, caption }: { entries: Entry[]; caption: string }) {
  if (entries.length === 0) return <p className="govuk-body">Nobody has read these records.</p>;
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-visually-hidden">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">When</th>
            <th scope="col" className="govuk-table__header">Who</th>
            <th scope="col" className="govuk-table__header">Through client</th>
            <th scope="col" className="govuk-table__header">What</th>
            <th scope="col" className="govuk-table__header">Request id</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {entries.map((e) => (
            <tr key={e.id} className="govuk-table__row">
              <td className="govuk-table__cell">{dateTime(e.at)}</td>
              <td className="govuk-table__cell">
                {e.actor}
                {e.organisation ? ` (${e.organisation})` : ""}
              </td>
              <td className="govuk-table__cell">{e.client ?? "—"}</td>
              <td className="govuk-table__cell">
                {e.operation}
                {e.detail ? <span className="govuk-body-s"> — {e.detail}</span> : null}
              </td>
              <td className="govuk-table__cell app-code">{e.requestId}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** consent-service's log for one subject: by its id, or found by identifier (the DPO may look subjects up). */
function ConsentServiceLog({ identifier, subjectId }: Lookup) {
  const api = useApi();
  const { person } = useAuth();
  const [page, setPage] = useState(0);
  const canFind = may(person, "resolveWithdrawals");
  const load = useLoad(async (): Promise<{ subject: string; log: PageOf } | undefined> => {
    let id = subjectId;
    if (!id) {
      if (!canFind) return undefined;
      id = (await unwrap(api.GET("/api/subjects", { params: { query: { identifier } } }))).data.id ?? "";
    }
    const log = (
      await unwrap(api.GET("/api/subjects/{id}/access-log", { params: { path: { id }, query: { page, size: 20 } } }))
    ).data;
    return { subject: id, log };
  }, [identifier, subjectId, page, canFind]);
  return (
    <Loaded load={load} what="Reading consent-service's access log">
      {(found) =>
        found === undefined ? (
          <p className="govuk-body">
            Your role cannot look a child up by identifier (the API finds subjects for the DPO and caseworkers only).
            Enter the child's subject id to see this log.
          </p>
        ) : (
          <>
            <p className="govuk-body-s">Subject id {found.subject}, newest first.</p>
            <AccessLogTable entries={found.log.items ?? []} caption="Reads in consent-service" />
            <Pager page={page} hasNext={page + 1 < (found.log.totalPages ?? 0)} onPage={setPage} label="Consent-service log pages" />
          </>
        )
      }
    </Loaded>
  );
}

/** sharing-agreement-service's log of reads of the subject's decisions and disclosures. */
function DisclosureServiceLog({ identifier }: { identifier: string }) {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () =>
      (
        await unwrap(
          api.GET("/api/disclosures/access-log", { params: { query: { subject: identifier, page, size: 20 } } }),
        )
      ).data,
    [identifier, page],
  );
  return (
    <Loaded load={load} what="Reading the disclosure access log">
      {(log) => (
        <>
          <AccessLogTable entries={log.items ?? []} caption="Reads of decisions and disclosures" />
          <Pager page={page} hasNext={page + 1 < (log.totalPages ?? 0)} onPage={setPage} label="Disclosure log pages" />
        </>
      )}
    </Loaded>
  );
}

/** Who read one child's personal data, when, through which client and why: both services' logs. */
export function AccessLogPage() {
  const [params, setParams] = useSearchParams();
  const searched: Lookup = { identifier: params.get("identifier") ?? "", subjectId: params.get("subject") ?? "" };
  const [form, setForm] = useState<Lookup>(searched);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const ready = Object.keys(lookupErrors(searched)).length === 0;

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = lookupErrors(form);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const next = new URLSearchParams();
    if (form.identifier.trim()) next.set("identifier", form.identifier.trim());
    if (form.subjectId.trim()) next.set("subject", form.subjectId.trim().toLowerCase());
    setParams(next);
  }

  const problem =
    Object.keys(errors).length > 0
      ? new ApiError(
          {
            status: 400,
            detail: "Check the search below.",
            errors: Object.entries(errors).flatMap(([field, ms]) => ms.map((message) => ({ field, message }))),
          },
          undefined,
        )
      : undefined;

  return (
    <>
      <h1 className="govuk-heading-l">Access log</h1>
      <p className="govuk-body">Who read a child's personal data: when, which operation, through which client.</p>
      <form onSubmit={submit} noValidate className="app-no-print">
        {problem && <ProblemSummary error={problem} />}
        <Field
          name="identifier"
          label="Child's identifier"
          hint="As system:value, for example nhs-number:9434765919, upn:A123456789012 or case-id:LBC-000123"
          errors={errors.identifier}
        >
          {({ id, invalid, ...rest }) => (
            <input
              className={`govuk-input${invalid ? " govuk-input--error" : ""}`}
              id={id}
              name="identifier"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={form.identifier}
              onChange={(e) => setForm({ ...form, identifier: e.target.value })}
              {...rest}
            />
          )}
        </Field>
        <Field
          name="subjectId"
          label="Subject id (optional)"
          hint="The suite's own id for the child, if you have it"
          errors={errors.subjectId}
        >
          {({ id, invalid, ...rest }) => (
            <input
              className={`govuk-input${invalid ? " govuk-input--error" : ""}`}
              id={id}
              name="subjectId"
              type="text"
              spellCheck={false}
              autoComplete="off"
              value={form.subjectId}
              onChange={(e) => setForm({ ...form, subjectId: e.target.value })}
              {...rest}
            />
          )}
        </Field>
        <button type="submit" className="govuk-button" data-module="govuk-button">
          Show the access log
        </button>
      </form>
      {ready && (
        <>
          <h2 className="govuk-heading-m">Consent records</h2>
          <ConsentServiceLog key={`c-${searched.identifier}-${searched.subjectId}`} {...searched} />
          <h2 className="govuk-heading-m">Decisions and disclosures</h2>
          {searched.identifier ? (
            <DisclosureServiceLog key={`d-${searched.identifier}`} identifier={searched.identifier} />
          ) : (
            <p className="govuk-body">Enter the child's identifier to see who read their decisions and disclosures.</p>
          )}
        </>
      )}
    </>
  );
}
