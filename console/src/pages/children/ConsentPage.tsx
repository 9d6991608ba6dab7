import { useState, type ReactNode } from "react";
import { Link, useLocation, useParams } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { ChainVerification, ConsentHistory } from "../../components/ConsentHistory";
import { Loaded } from "../../components/Loaded";
import { FhirView } from "./FhirView";
import { type ConsentRecord, day, moment, noticeText, partyRole, StateTag } from "./format";
import { ReceiptDownload } from "./ReceiptDownload";
import { WithdrawalForm, type WithdrawalResult } from "./WithdrawalForm";

const METHOD_TEXT: Record<string, string> = {
  PAPER_FORM: "Paper form",
  ELECTRONIC_FORM: "Electronic form",
  IN_PERSON: "In person",
  CASE_MANAGEMENT_IMPORT: "From the case-management system",
};

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{label}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** One consent record: its terms and parties, its history with the chain verified, the receipt, the FHIR view. */
export function ConsentPage() {
  const { consentId = "" } = useParams();
  const api = useApi();
  const { person } = useAuth();
  const location = useLocation();
  const recorded = (location.state as { recorded?: boolean } | null)?.recorded === true;
  const [withdrawal, setWithdrawal] = useState<WithdrawalResult | undefined>(undefined);

  const record = useLoad(async () => {
    const { data, response } = await unwrap(api.GET("/api/consents/{id}", { params: { path: { id: consentId } } }));
    // JSON unless asked for FHIR (FhirView asks)
    return { record: data as ConsentRecord, etag: response.headers.get("ETag") ?? undefined };
  }, [consentId]);
  const history = useLoad(
    async () => (await unwrap(api.GET("/api/consents/{id}/history", { params: { path: { id: consentId } } }))).data,
    [consentId],
  );
  const verifies = may(person, "verifyHistory");
  const verification = useLoad(
    async () =>
      verifies
        ? (await unwrap(api.GET("/api/consents/{id}/history/verify", { params: { path: { id: consentId } } }))).data
        : undefined,
    [consentId, verifies],
  );

  const withdrawn = (result: WithdrawalResult) => {
    setWithdrawal(result);
    record.reload();
    history.reload();
    verification.reload();
  };

  return (
    <>
      <Loaded load={record} what="Loading the consent">
        {({ record: r, etag }) => (
          <>
            {r.subjectId && (
              <Link to={`/children/subjects/${r.subjectId}`} className="govuk-back-link">
                Back to the child's record
              </Link>
            )}
            {recorded && withdrawal === undefined && (
              <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="recorded-title">
                <div className="govuk-notification-banner__header">
                  <h2 className="govuk-notification-banner__title" id="recorded-title">
                    Success
                  </h2>
                </div>
                <div className="govuk-notification-banner__content">
                  <p className="govuk-notification-banner__heading">Consent recorded</p>
                </div>
              </div>
            )}
            {withdrawal && <WithdrawalBanner result={withdrawal} />}
            <span className="govuk-caption-l">{noticeText(r.notice)}</span>
            <h1 className="govuk-heading-l">Consent record</h1>
            <dl className="govuk-summary-list">
              <Row label="State">
                <span data-testid="consent-state">
                  <StateTag state={r.state} />
                </span>{" "}
                {r.effective ? "Effective" : "Not effective"}
                {r.reconsentRequired ? " — re-consent needed" : ""}
              </Row>
              <Row label="Notice">
                {noticeText(r.notice)}
                <span className="govuk-body-s govuk-!-display-block govuk-!-margin-bottom-0">
                  Content hash <code>{r.notice?.contentHash?.slice(0, 16)}</code>
                </span>
              </Row>
              <Row label="Purposes">{(r.purposes ?? []).join(", ")}</Row>
              <Row label="Collected">{METHOD_TEXT[r.collectionMethod ?? ""] ?? r.collectionMethod}</Row>
              <Row label="Signed">{day(r.givenOn)}</Row>
              <Row label="Received">{day(r.formReceivedOn)}</Row>
              <Row label="Withdrawal window">
                {r.withdrawalWindowEndsOn ? `Until ${day(r.withdrawalWindowEndsOn)}` : "Any time"}
              </Row>
              {r.expiresAt && <Row label="Expires">{moment(r.expiresAt)}</Row>}
              {r.evidenceReference && <Row label="Evidence">{r.evidenceReference}</Row>}
              <Row label="Recorded">
                {moment(r.recordedAt)} by {r.recordedBy}
                {r.recordedOrg ? ` (${r.recordedOrg})` : ""}
              </Row>
            </dl>

            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">Parties</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Who</th>
                    <th scope="col" className="govuk-table__header">Decision</th>
                    <th scope="col" className="govuk-table__header">Decided</th>
                    <th scope="col" className="govuk-table__header">Capacity</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {(r.parties ?? []).map((party, i) => (
                    <tr className="govuk-table__row" key={i}>
                      <td className="govuk-table__cell">
                        {partyRole(party.role)}
                        {party.relationship ? ` (${party.relationship})` : ""}
                      </td>
                      <td className="govuk-table__cell">{party.decision === "REFUSED" ? "Refused" : "Gave consent"}</td>
                      <td className="govuk-table__cell app-nowrap">{day(party.decidedOn)}</td>
                      <td className="govuk-table__cell">{party.capacity?.replaceAll("_", " ").toLowerCase() ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {(r.missingParties ?? []).length > 0 && (
              <div className="govuk-warning-text">
                <span className="govuk-warning-text__icon" aria-hidden="true">
                  !
                </span>
                <strong className="govuk-warning-text__text">
                  <span className="govuk-visually-hidden">Warning</span>
                  Not effective until these parties consent: {(r.missingParties ?? []).join(", ")}.
                </strong>
              </div>
            )}

            <h2 className="govuk-heading-m">Receipt and FHIR</h2>
            <ReceiptDownload consentId={consentId} />
            <FhirView consentId={consentId} />

            {may(person, "recordConsent") && r.state === "ACTIVE" && (
              <WithdrawalForm key={etag} record={r} etag={etag} onDone={withdrawn} />
            )}
          </>
        )}
      </Loaded>

      <h2 className="govuk-heading-m">History</h2>
      {verifies && (
        <Loaded load={verification} what="Verifying the history's hash chain">
          {(v) => v && <ChainVerification verification={v} />}
        </Loaded>
      )}
      <Loaded load={history} what="Loading the history">
        {(entries) => <ConsentHistory entries={entries} />}
      </Loaded>
    </>
  );
}

function WithdrawalBanner({ result }: { result: WithdrawalResult }) {
  if (result.kind === "withdrawn") {
    return (
      <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="withdrawal-title">
        <div className="govuk-notification-banner__header">
          <h2 className="govuk-notification-banner__title" id="withdrawal-title">
            Success
          </h2>
        </div>
        <div className="govuk-notification-banner__content">
          <p className="govuk-notification-banner__heading">Consent withdrawn from {day(result.on)}</p>
        </div>
      </div>
    );
  }
  return (
    <div className="govuk-notification-banner" role="alert" aria-labelledby="withdrawal-title" data-testid="late-withdrawal">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="withdrawal-title">
          Referred to the data protection officer
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          The withdrawal window ended on {day(result.windowEndedOn)}, so the consent was not withdrawn.
        </p>
        <p className="govuk-body">
          The request has been stored and referred to the data protection officer, who will accept or decline it.
          {result.requestId ? ` Referral ${result.requestId}.` : ""}
        </p>
      </div>
    </div>
  );
}
