import { Link } from "react-router";
import { type ConsentRecord, day, noticeText, partyText, StateTag } from "./format";

/** Consent records as a GOV.UK table in its own scroll box: notice version, purposes, parties, state. */
export function ConsentTable({ records, caption }: { records: readonly ConsentRecord[]; caption: string }) {
  if (records.length === 0) return <p className="govuk-body">No consent records.</p>;
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">{caption}</caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">
              Notice
            </th>
            <th scope="col" className="govuk-table__header">
              Purposes
            </th>
            <th scope="col" className="govuk-table__header">
              Parties
            </th>
            <th scope="col" className="govuk-table__header">
              State
            </th>
            <th scope="col" className="govuk-table__header">
              Signed
            </th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {records.map((record) => (
            <tr className="govuk-table__row" key={record.id}>
              <td className="govuk-table__cell">
                <Link className="govuk-link" to={`/children/consents/${record.id ?? ""}`}>
                  {noticeText(record.notice)}
                  <span className="govuk-visually-hidden"> (consent record {record.id})</span>
                </Link>
              </td>
              <td className="govuk-table__cell">{(record.purposes ?? []).join(", ")}</td>
              <td className="govuk-table__cell">
                <ul className="govuk-list govuk-!-font-size-16 govuk-!-margin-bottom-0">
                  {(record.parties ?? []).map((party, i) => (
                    <li key={i}>{partyText(party)}</li>
                  ))}
                </ul>
              </td>
              <td className="govuk-table__cell">
                <StateTag state={record.state} />
                {record.state === "ACTIVE" && !record.effective && (
                  <span className="govuk-body-s govuk-!-display-block">Not yet effective</span>
                )}
                {record.reconsentRequired && <span className="govuk-body-s govuk-!-display-block">Re-consent needed</span>}
              </td>
              <td className="govuk-table__cell app-nowrap">{day(record.givenOn ?? record.formReceivedOn)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
