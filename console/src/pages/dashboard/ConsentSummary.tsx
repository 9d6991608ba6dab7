import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { dateTime } from "./format";

/** Consents by notice version and the records a material notice change flagged for re-consent (counts only). */
export function ConsentSummary() {
  const api = useApi();
  const load = useLoad(async () => (await unwrap(api.GET("/api/consents/summary"))).data, []);
  return (
    <Loaded load={load} what="Reading the consent summary">
      {(summary) => (
        <>
          <p className="govuk-body">
            {summary.total ?? 0} consent records; <strong>{summary.reconsentRequired ?? 0}</strong> active records
            flagged for re-consent after a material change of their notice. Counted {dateTime(summary.asOf)}.
          </p>
          {(summary.byNotice ?? []).length === 0 ? (
            <p className="govuk-body">No consent has been recorded yet.</p>
          ) : (
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Consent records by notice</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Notice</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Records</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Active</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Withdrawn</th>
                    <th scope="col" className="govuk-table__header govuk-table__header--numeric">Re-consent</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {(summary.byNotice ?? []).map((n) => (
                    <tr key={`${n.slug ?? ""}-${n.version ?? ""}`} className="govuk-table__row">
                      <th scope="row" className="govuk-table__header">
                        {n.slug} v{n.version}
                      </th>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{n.total ?? 0}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{n.byState?.ACTIVE ?? 0}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">{n.byState?.WITHDRAWN ?? 0}</td>
                      <td className="govuk-table__cell govuk-table__cell--numeric">
                        {n.reconsentRequired ? (
                          <strong className="govuk-tag govuk-tag--yellow">{n.reconsentRequired}</strong>
                        ) : (
                          0
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </Loaded>
  );
}
