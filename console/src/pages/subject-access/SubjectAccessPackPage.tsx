import { Link, useSearchParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { Loaded } from "../../components/Loaded";
import { DisclosureTable, formatInstant } from "../agreements/AgreementDetailPage";
import { assemblePack, packFileName, type SubjectAccessPack } from "./subjectAccessPack";

/** The subject access pack of one child: one printable page, and the same as a JSON file. */
export function SubjectAccessPackPage() {
  const api = useApi();
  const { person } = useAuth();
  const [params] = useSearchParams();
  const askedFor = params.get("identifier") ?? "";
  const load = useLoad(() => assemblePack(api, askedFor, person?.name), [askedFor]);
  return (
    <>
      <Link to="/subject-access" className="govuk-back-link app-no-print">
        Find another child
      </Link>
      <h1 className="govuk-heading-l">Subject access pack</h1>
      <Loaded load={load} what="Assembling the pack from the notice, consent and sharing-agreement services">
        {(pack) => <Pack pack={pack} />}
      </Loaded>
    </>
  );
}

/** Saves the pack as it is shown, as a JSON file (a Blob: nothing leaves the browser). */
export function downloadPack(pack: SubjectAccessPack): void {
  const blob = new Blob([JSON.stringify(pack, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = packFileName(pack);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function Pack({ pack }: { pack: SubjectAccessPack }) {
  const subject = pack.subject;
  return (
    <>
      <dl className="govuk-summary-list">
        <Row label="Asked for">{pack.askedFor}</Row>
        {"identifiers" in subject && (
          <Row label="Identifiers">
            <ul className="govuk-list">
              {(subject.identifiers ?? []).map((i) => (
                <li key={`${i.system}:${i.value}`}>
                  {i.system}: {i.value}
                </li>
              ))}
            </ul>
          </Row>
        )}
        {"dateOfBirth" in subject && subject.dateOfBirth && <Row label="Date of birth">{subject.dateOfBirth}</Row>}
        <Row label="Internal id">
          <code className="app-code">{subject.id}</code>
        </Row>
        <Row label="Assembled">
          {formatInstant(pack.generatedAt)}
          {pack.generatedBy ? ` by ${pack.generatedBy}` : ""}
        </Row>
      </dl>
      <div className="govuk-button-group app-no-print">
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={() => downloadPack(pack)}>
          Download as JSON
        </button>
        <button type="button" className="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={() => window.print()}>
          Print
        </button>
      </div>
      {pack.notRead.length > 0 && (
        <div className="govuk-warning-text">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <div className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">Warning</span>
            This pack is not complete. What could not be read:
            <ul className="govuk-list govuk-list--bullet" data-testid="not-read">
              {pack.notRead.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <Notices pack={pack} />
      <Consents pack={pack} />
      <Sharing pack={pack} />
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

function Notices({ pack }: { pack: SubjectAccessPack }) {
  return (
    <section aria-labelledby="notices-heading">
      <h2 className="govuk-heading-m" id="notices-heading">
        Notices shown
      </h2>
      {pack.noticesShown.length === 0 ? (
        <p className="govuk-body">No notice version is recorded for this child.</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <caption className="govuk-table__caption govuk-visually-hidden">Notice versions the child's consents were given under</caption>
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Notice
                </th>
                <th scope="col" className="govuk-table__header">
                  Version
                </th>
                <th scope="col" className="govuk-table__header">
                  Published
                </th>
                <th scope="col" className="govuk-table__header">
                  Content SHA-256
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {pack.noticesShown.map((n) => (
                <tr key={`${n.slug}-${n.number}`} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    {n.title ?? n.slug}
                    <span className="govuk-body-s govuk-!-display-block">{n.slug}</span>
                  </td>
                  <td className="govuk-table__cell">
                    <a className="govuk-link" href={`/public/notices/${n.slug}/versions/${n.number}`}>
                      Version {n.number}
                    </a>{" "}
                    ({n.state?.toLowerCase()})
                  </td>
                  <td className="govuk-table__cell">{formatInstant(n.publishedAt)}</td>
                  <td className="govuk-table__cell">
                    <code className="app-code">{n.contentHash}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Consents({ pack }: { pack: SubjectAccessPack }) {
  return (
    <section aria-labelledby="consents-heading">
      <h2 className="govuk-heading-m" id="consents-heading">
        Consents and their history
      </h2>
      {pack.consents.length === 0 && <p className="govuk-body">No consent is recorded for this child.</p>}
      {pack.consents.map(({ record, history }) => (
        <div key={record.id} className="govuk-summary-card app-pack-card">
          <div className="govuk-summary-card__title-wrapper">
            <h3 className="govuk-summary-card__title">
              {record.notice?.slug} version {record.notice?.version}: {record.decision?.toLowerCase()},{" "}
              {record.state?.toLowerCase()}
            </h3>
          </div>
          <div className="govuk-summary-card__content">
            <dl className="govuk-summary-list">
              <Row label="Effective">{record.effective ? "Yes" : "No"}</Row>
              <Row label="Purposes">{(record.purposes ?? []).join(", ")}</Row>
              {record.dataCategories?.length ? <Row label="Data">{record.dataCategories.join(", ")}</Row> : null}
              <Row label="Parties">
                <ul className="govuk-list">
                  {(record.parties ?? []).map((p, i) => (
                    <li key={i}>
                      {p.role}
                      {p.relationship ? ` (${p.relationship})` : ""}: {p.decision?.toLowerCase()} on {p.decidedOn}
                      {p.capacity ? `, capacity ${p.capacity.toLowerCase().replace(/_/g, " ")}` : ""}
                    </li>
                  ))}
                </ul>
              </Row>
              <Row label="Signed on">{record.givenOn ?? "—"}</Row>
              <Row label="Recorded">
                {formatInstant(record.recordedAt)}
                {record.recordedBy ? ` by ${record.recordedBy}` : ""}
              </Row>
              {record.withdrawalWindowEndsOn && <Row label="Withdrawal at once until">{record.withdrawalWindowEndsOn}</Row>}
              {record.withdrawalRequestedOn && <Row label="Withdrawal asked on">{record.withdrawalRequestedOn}</Row>}
              {record.reconsentRequired && <Row label="Re-consent">The notice changed materially since: ask again</Row>}
            </dl>
            <h4 className="govuk-heading-s govuk-!-margin-top-6">History</h4>
            <ol className="app-timeline">
              {history.map((h) => (
                <li key={h.seq} className="app-timeline__item">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <strong>
                      {h.event?.toLowerCase().replace(/_/g, " ")}
                      {h.to ? ` → ${h.to.toLowerCase()}` : ""}
                    </strong>
                  </p>
                  <p className="govuk-body-s govuk-!-margin-bottom-0">
                    {formatInstant(h.at)}
                    {h.actor ? ` by ${h.actor}` : ""}
                    {h.reason ? ` — ${h.reason}` : ""}
                  </p>
                </li>
              ))}
            </ol>
          </div>
        </div>
      ))}
    </section>
  );
}

function Sharing({ pack }: { pack: SubjectAccessPack }) {
  return (
    <section aria-labelledby="sharing-heading">
      <h2 className="govuk-heading-m" id="sharing-heading">
        Who received the child's data
      </h2>
      {pack.disclosures.length === 0 ? (
        <p className="govuk-body">No disclosure about this child is recorded.</p>
      ) : (
        <DisclosureTable items={pack.disclosures} showAgreement />
      )}
      <h2 className="govuk-heading-m">Sharing decisions behind them</h2>
      {pack.decisions.length === 0 ? (
        <p className="govuk-body">No sharing decision is recorded with a disclosure about this child.</p>
      ) : (
        <div className="app-table-wrapper">
          <table className="govuk-table">
            <thead className="govuk-table__head">
              <tr className="govuk-table__row">
                <th scope="col" className="govuk-table__header">
                  Decision
                </th>
                <th scope="col" className="govuk-table__header">
                  About the time
                </th>
                <th scope="col" className="govuk-table__header">
                  Relied on
                </th>
                <th scope="col" className="govuk-table__header">
                  Reasons
                </th>
              </tr>
            </thead>
            <tbody className="govuk-table__body">
              {pack.decisions.map((d) => (
                <tr key={d.decisionId} className="govuk-table__row">
                  <td className="govuk-table__cell">
                    <strong className={`govuk-tag ${d.decision === "PERMIT" ? "govuk-tag--green" : "govuk-tag--red"}`}>
                      {d.decision}
                    </strong>{" "}
                    {d.recipient}, {d.purpose}
                  </td>
                  <td className="govuk-table__cell">
                    {formatInstant(d.at)}
                    <span className="govuk-body-s govuk-!-display-block">decided {formatInstant(d.decidedAt)}</span>
                  </td>
                  <td className="govuk-table__cell">
                    {d.agreement ? `${d.agreement.reference} version ${d.agreement.version}` : "—"}
                    {d.noticeVersion ? `; notice ${d.noticeVersion.slug} version ${d.noticeVersion.version}` : ""}
                    {d.consentRecordId ? "; a consent record" : ""}
                  </td>
                  <td className="govuk-table__cell">{(d.reasons ?? []).map((r) => r.message ?? r.code).join("; ")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
