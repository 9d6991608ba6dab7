import { useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { hasAny } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { Loading } from "../../components/Loading";
import { Pager } from "../../components/Pager";
import { ProblemSummary } from "../../components/ProblemSummary";
import { AgreementActionsPanel } from "./AgreementActionsPanel";
import { STATE_NAMES, StateTag, type Agreement } from "./agreementActions";

type HistoryEntry = components["schemas"]["AgreementHistoryEntry"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One agreement: its terms, parties and signatures, versions, history, events and the disclosures made under it. */
export function AgreementDetailPage() {
  const { id = "" } = useParams();
  const [params] = useSearchParams();
  const asked = Number(params.get("version")) || undefined;
  const api = useApi();
  const [done, setDone] = useState<string>();

  const load = useLoad(async () => {
    if (!UUID.test(id)) throw new ApiError({ status: 404, title: "Not Found" }, undefined);
    const read = asked
      ? await unwrap(api.GET("/api/agreements/{id}/versions/{number}", { params: { path: { id, number: asked } } }))
      : await unwrap(api.GET("/api/agreements/{id}", { params: { path: { id } } }));
    const agreement = read.data;
    const etag = read.response.headers.get("ETag") ?? undefined;
    const [open, history] = await Promise.all([
      agreement.openVersion !== undefined && agreement.openVersion !== agreement.version
        ? unwrap(
            api.GET("/api/agreements/{id}/versions/{number}", { params: { path: { id, number: agreement.openVersion } } }),
          ).then((r) => r.data)
        : Promise.resolve(undefined),
      unwrap(api.GET("/api/agreements/{id}/history", { params: { path: { id } } })).then((r) => r.data),
    ]);
    return { agreement, etag, open, history };
  }, [id, asked]);

  if (load.state === "loading") return <Loading what="Loading the agreement" />;
  if (load.state === "failed") {
    if (load.error instanceof ApiError && load.error.status === 404) return <NotFound error={load.error} />;
    return (
      <>
        <h1 className="govuk-heading-l">Agreement</h1>
        <ProblemSummary error={load.error} />
      </>
    );
  }
  const { agreement, etag, open, history } = load.data;
  const content = agreement.content;
  return (
    <>
      <span className="govuk-caption-l">{agreement.reference}</span>
      <h1 className="govuk-heading-l">{agreement.title ?? content?.title}</h1>
      {done && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="done-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="done-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{done}</p>
          </div>
        </div>
      )}
      {agreement.reviewRequired && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>A notice it links changed materially: review it.
          </strong>
        </div>
      )}
      <dl className="govuk-summary-list">
        <Row label="State">
          <StateTag state={agreement.state} />
        </Row>
        <Row label="Version shown">
          {agreement.version} <StateTag state={agreement.versionState} />
          {agreement.version !== agreement.effectiveVersion && agreement.effectiveVersion !== undefined && (
            <> (version {agreement.effectiveVersion} is the one in force or last in force)</>
          )}
        </Row>
        {agreement.openVersion !== undefined && <Row label="Being drafted or signed">Version {agreement.openVersion}</Row>}
        <Row label="Dates">
          From {content?.startDate ?? "—"}
          {content?.endDate ? ` to ${content.endDate}` : ", open-ended"}
        </Row>
        {agreement.effectiveFrom && <Row label="In force from">{formatInstant(agreement.effectiveFrom)}</Row>}
        {agreement.nextReviewOn && <Row label="Next review">{agreement.nextReviewOn}</Row>}
        {agreement.accessWindow && (
          <Row label="Access window">
            {(agreement.accessWindow.recipients ?? []).join(", ")}: {formatInstant(agreement.accessWindow.startsAt)} to{" "}
            {formatInstant(agreement.accessWindow.endsAt)}, then {afterAccess(agreement.accessWindow.after)}
          </Row>
        )}
        {agreement.contentHash && (
          <Row label="Content SHA-256">
            <code className="app-code">{agreement.contentHash}</code>
          </Row>
        )}
      </dl>
      {asked ? (
        <p className="govuk-body app-no-print">
          This is version {asked} as it was written.{" "}
          <Link className="govuk-link" to={`/agreements/${id}`}>
            See the agreement as it stands now
          </Link>
          .
        </p>
      ) : (
        <AgreementActionsPanel
          agreement={agreement}
          open={open}
          etag={etag}
          onChanged={(message) => {
            setDone(message);
            load.reload();
          }}
        />
      )}
      <Signatures title={`Parties and signatures of version ${agreement.version ?? ""}`} agreement={agreement} />
      {open && <Signatures title={`Signatures of version ${open.version ?? ""} (being drafted or signed)`} agreement={open} />}
      {content && <Terms content={content} />}
      <Versions agreement={agreement} />
      {(agreement.reviewNoticeChanges ?? []).length > 0 && (
        <>
          <h2 className="govuk-heading-m">Notice changes that flagged it for review</h2>
          <ul className="govuk-list govuk-list--bullet">
            {agreement.reviewNoticeChanges?.map((c) => (
              <li key={`${c.notice}-${c.version}`}>
                {c.notice} version {c.version} (it links version {c.linkedVersion}), flagged {formatInstant(c.flaggedAt)}:{" "}
                {(c.reasons ?? []).join("; ")}
              </li>
            ))}
          </ul>
        </>
      )}
      <History history={history} />
      <Events id={id} />
      <Disclosures id={id} />
    </>
  );
}

/** An agreement that does not exist and one the person may not see look the same (the API answers 404 to both). */
function NotFound({ error }: { error: ApiError }) {
  return (
    <>
      <h1 className="govuk-heading-l">Agreement not found</h1>
      <p className="govuk-body" data-testid="not-found">
        There is no agreement at this address, or it is not one your organisation is party to.
      </p>
      {error.requestId && (
        <p className="govuk-body-s">
          Request id: <code data-testid="request-id">{error.requestId}</code>
        </p>
      )}
      <p className="govuk-body">
        <Link className="govuk-link" to="/agreements">
          See the agreements you can open
        </Link>
      </p>
    </>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

export function formatInstant(instant: string | undefined): string {
  if (!instant) return "—";
  const date = new Date(instant);
  if (Number.isNaN(date.getTime())) return instant;
  return date.toLocaleString("en-GB", { timeZone: "Europe/London", dateStyle: "medium", timeStyle: "short" });
}

function afterAccess(after: string | undefined) {
  return after === "DESTROY" ? "destroyed" : after === "ANONYMISED_DATASET" ? "an anonymised dataset" : (after ?? "—");
}

const ROLE_NAMES: Record<string, string> = {
  CONTROLLER: "Controller",
  JOINT_CONTROLLER: "Joint controller",
  PROCESSOR: "Processor",
  RECIPIENT: "Recipient",
};

function Signatures({ title, agreement }: { title: string; agreement: Agreement }) {
  const parties = agreement.parties ?? [];
  return (
    <>
      <h2 className="govuk-heading-m">{title}</h2>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Organisation
              </th>
              <th scope="col" className="govuk-table__header">
                Role
              </th>
              <th scope="col" className="govuk-table__header">
                Signature
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {parties.map((p) => (
              <tr key={p.organisation} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {p.name ?? p.organisation}
                  {p.name && <span className="govuk-body-s govuk-!-display-block">{p.organisation}</span>}
                </td>
                <td className="govuk-table__cell">{ROLE_NAMES[p.role ?? ""] ?? p.role}</td>
                <td className="govuk-table__cell">
                  {p.signed ? (
                    <>
                      <strong className="govuk-tag govuk-tag--green">Signed</strong> by {p.signedBy ?? "—"},{" "}
                      {formatInstant(p.signedAt)}
                    </>
                  ) : (
                    <strong className="govuk-tag govuk-tag--grey">Not signed</strong>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Terms({ content }: { content: components["schemas"]["AgreementContent"] }) {
  return (
    <>
      <h2 className="govuk-heading-m">Terms</h2>
      {content.summary && <p className="govuk-body">{content.summary}</p>}
      <dl className="govuk-summary-list">
        <Row label="Purposes">{content.purposes.join(", ")}</Row>
        <Row label="Data categories">{content.dataCategories.join(", ")}</Row>
        <Row label="About">{content.dataSubjects.join("; ")}</Row>
        <Row label="Lawful bases">
          <ul className="govuk-list">
            {content.lawfulBases.map((b) => (
              <li key={`${b.appliesTo}-${b.basis}`}>
                {b.appliesTo}: {b.basis}
                {b.statute ? ` (${b.statute})` : ""}
              </li>
            ))}
          </ul>
        </Row>
        <Row label="Consent">
          {content.consent.required ? `Each disclosure needs effective consent under ${content.consent.notice ?? "its notice"}` : "Not needed"}
        </Row>
        <Row label="Transfer">
          {content.transfer.methods.join(", ")} ({content.transfer.frequency.toLowerCase().replace("_", " ")})
          {content.transfer.forbiddenMethods?.length ? `; never ${content.transfer.forbiddenMethods.join(", ")}` : ""}
        </Row>
        {content.linkedNotices?.length ? (
          <Row label="Linked notices">{content.linkedNotices.map((n) => `${n.slug} version ${n.version}`).join(", ")}</Row>
        ) : null}
        {content.accessLimit && (
          <Row label="Access limit">
            {content.accessLimit.recipients.join(", ")}: {content.accessLimit.months} months, then{" "}
            {afterAccess(content.accessLimit.after)}
          </Row>
        )}
        <Row label="Retention">
          {content.retention.period} {content.retention.destruction}
        </Row>
        <Row label="Review cycle">{content.reviewCycleMonths} months</Row>
      </dl>
    </>
  );
}

function Versions({ agreement }: { agreement: Agreement }) {
  const versions = agreement.versions ?? [];
  if (versions.length === 0) return null;
  return (
    <>
      <h2 className="govuk-heading-m">Versions and variations</h2>
      <div className="app-table-wrapper">
        <table className="govuk-table">
          <thead className="govuk-table__head">
            <tr className="govuk-table__row">
              <th scope="col" className="govuk-table__header">
                Version
              </th>
              <th scope="col" className="govuk-table__header">
                State
              </th>
              <th scope="col" className="govuk-table__header">
                Dates
              </th>
              <th scope="col" className="govuk-table__header">
                In force
              </th>
            </tr>
          </thead>
          <tbody className="govuk-table__body">
            {versions.map((v) => (
              <tr key={v.number} className="govuk-table__row">
                <td className="govuk-table__cell">
                  {v.number === agreement.version ? (
                    <>Version {v.number} (shown)</>
                  ) : (
                    <Link className="govuk-link" to={`/agreements/${agreement.id}?version=${v.number}`}>
                      Version {v.number}
                    </Link>
                  )}
                </td>
                <td className="govuk-table__cell">
                  <StateTag state={v.state} />
                </td>
                <td className="govuk-table__cell app-nowrap">
                  {v.startDate ?? "—"}
                  {v.endDate ? ` to ${v.endDate}` : ""}
                </td>
                <td className="govuk-table__cell">
                  {v.effectiveFrom ? formatInstant(v.effectiveFrom) : "—"}
                  {v.endedAt ? ` until ${formatInstant(v.endedAt)}` : ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const ACTION_WORDS: Record<string, string> = {
  CREATED: "Drafted",
  EDITED: "Draft changed",
  SUBMITTED: "Put up for signature",
  SIGNED: "Signed",
  ACTIVATED: "Brought into force",
  REVIEWED: "Reviewed",
  SUSPENDED: "Suspended",
  TERMINATED: "Terminated",
  VARIATION_STARTED: "Variation started",
  REACTIVATED: "Brought back into force",
  REVIEW_REQUIRED: "Flagged for review by a notice change",
  SUPERSEDED: "Superseded by a later version",
  EXPIRED: "Expired",
};

export function historyLine(entry: HistoryEntry): string {
  const action = entry.action ? (ACTION_WORDS[entry.action.toUpperCase()] ?? entry.action.toLowerCase().replace(/[-_]/g, " ")) : "Changed";
  const who = entry.actor ? ` by ${entry.actor}${entry.actorOrg ? ` (${entry.actorOrg})` : ""}` : "";
  const states =
    entry.fromState && entry.toState && entry.fromState !== entry.toState
      ? `: ${STATE_NAMES[entry.fromState].toLowerCase()} → ${STATE_NAMES[entry.toState].toLowerCase()}`
      : "";
  return `${action}${entry.version !== undefined ? `, version ${entry.version}` : ""}${who}${states}`;
}

function History({ history }: { history: HistoryEntry[] }) {
  return (
    <>
      <h2 className="govuk-heading-m">History</h2>
      {history.length === 0 ? (
        <p className="govuk-body">No history yet.</p>
      ) : (
        <ol className="app-timeline">
          {history.map((entry, i) => (
            <li key={i} className="app-timeline__item">
              <p className="govuk-body govuk-!-margin-bottom-1">
                <strong>{historyLine(entry)}</strong>
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                {formatInstant(entry.at)}
                {entry.reason ? ` — ${entry.reason}` : ""}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function Events({ id }: { id: string }) {
  const { person } = useAuth();
  if (!hasAny(person, "dpo", "auditor")) return null;
  return <EventList id={id} />;
}

function EventList({ id }: { id: string }) {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () =>
      (await unwrap(api.GET("/api/agreements/{id}/events", { params: { path: { id }, query: { page, size: 10 } } }))).data,
    [id, page],
  );
  return (
    <>
      <h2 className="govuk-heading-m">Events sent to subscribers</h2>
      <Loaded load={load} what="Loading events">
        {(result) =>
          (result.items ?? []).length === 0 ? (
            <p className="govuk-body">No events yet.</p>
          ) : (
            <>
              <div className="app-table-wrapper">
                <table className="govuk-table">
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">
                        Event
                      </th>
                      <th scope="col" className="govuk-table__header">
                        When
                      </th>
                      <th scope="col" className="govuk-table__header">
                        By
                      </th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {result.items?.map((e) => (
                      <tr key={e.id} className="govuk-table__row">
                        <td className="govuk-table__cell">{e.type}</td>
                        <td className="govuk-table__cell">{formatInstant(e.occurredAt)}</td>
                        <td className="govuk-table__cell">{e.actor ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} hasNext={page + 1 < (result.totalPages ?? 0)} onPage={setPage} label="Event pages" />
            </>
          )
        }
      </Loaded>
    </>
  );
}

function Disclosures({ id }: { id: string }) {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () => (await unwrap(api.GET("/api/disclosures", { params: { query: { agreement: id, page, size: 10 } } }))).data,
    [id, page],
  );
  return (
    <>
      <h2 className="govuk-heading-m">Disclosures under this agreement</h2>
      <Loaded load={load} what="Loading disclosures">
        {(result) =>
          (result.items ?? []).length === 0 ? (
            <p className="govuk-body">No disclosure has been recorded under it{page > 0 ? " on this page" : ""}.</p>
          ) : (
            <>
              <p className="govuk-body">{result.totalItems} disclosure{result.totalItems === 1 ? "" : "s"}, oldest first.</p>
              <DisclosureTable items={result.items ?? []} />
              <Pager page={page} hasNext={page + 1 < (result.totalPages ?? 0)} onPage={setPage} label="Disclosure pages" />
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** Who received which data, when and under which agreement version (shared with the subject access pack). */
export function DisclosureTable({
  items,
  showAgreement = false,
}: {
  items: components["schemas"]["Disclosure"][];
  showAgreement?: boolean;
}) {
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              When
            </th>
            <th scope="col" className="govuk-table__header">
              Recipient
            </th>
            <th scope="col" className="govuk-table__header">
              Data
            </th>
            <th scope="col" className="govuk-table__header">
              Purpose and method
            </th>
            {showAgreement ? (
              <th scope="col" className="govuk-table__header">
                Agreement
              </th>
            ) : (
              <th scope="col" className="govuk-table__header">
                About
              </th>
            )}
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {items.map((d) => (
            <tr key={d.id} className="govuk-table__row">
              <td className="govuk-table__cell">{formatInstant(d.disclosedAt)}</td>
              <td className="govuk-table__cell">{d.recipient}</td>
              <td className="govuk-table__cell">{(d.categories ?? []).join(", ")}</td>
              <td className="govuk-table__cell">
                {d.purpose}, {d.transferMethod}
              </td>
              {showAgreement ? (
                <td className="govuk-table__cell">
                  <Link className="govuk-link" to={`/agreements/${d.agreementId}`}>
                    {d.agreementReference}
                  </Link>{" "}
                  version {d.agreementVersion}
                </td>
              ) : (
                <td className="govuk-table__cell">{d.subject ?? "withheld"}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
