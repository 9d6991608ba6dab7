import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import type { components } from "../../api/schema";
import { dateTime, words } from "./format";

// the operation answers JSON or CSV by Accept; the console asks for JSON
type Report = components["schemas"]["GapReport"];

/** Recipients the published notices name without an ACTIVE agreement that covers them. */
export function GapReport() {
  const api = useApi();
  const load = useLoad(
    async () =>
      (await unwrap(api.GET("/api/agreements/gap-report", { headers: { Accept: "application/json" } }))).data as Report,
    [],
  );
  return (
    <Loaded load={load} what="Reading the gap report">
      {(report) => (
        <>
          <p className="govuk-body">
            {report.recipientsChecked ?? 0} recipients checked in {report.notices?.length ?? 0} published notices;{" "}
            {report.covered ?? 0} covered, {report.gaps?.length ?? 0} not. Generated {dateTime(report.generatedAt)}.
          </p>
          {report.gaps && report.gaps.length > 0 ? (
            <details className="govuk-details">
              <summary className="govuk-details__summary">
                <span className="govuk-details__summary-text">Show the {report.gaps.length} recipients not covered</span>
              </summary>
              <div className="govuk-details__text app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Gaps</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Recipient</th>
                    <th scope="col" className="govuk-table__header">Notice</th>
                    <th scope="col" className="govuk-table__header">Why</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {report.gaps.map((gap, i) => (
                    <tr key={`${gap.notice ?? ""}-${gap.recipient ?? ""}-${i}`} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        {gap.recipient}
                        {gap.organisationId ? ` (${gap.organisationId})` : ""}
                      </td>
                      <td className="govuk-table__cell">
                        {gap.notice} v{gap.noticeVersion}
                      </td>
                      <td className="govuk-table__cell">
                        <strong className="govuk-tag govuk-tag--orange">{words(gap.status)}</strong>
                        {gap.detail ? (
                          <>
                            <br />
                            <span className="govuk-body-s">{gap.detail}</span>
                          </>
                        ) : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              </div>
            </details>
          ) : (
            <p className="govuk-body">Every recipient is covered by an active agreement.</p>
          )}
        </>
      )}
    </Loaded>
  );
}
