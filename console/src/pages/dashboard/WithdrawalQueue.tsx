import { useState } from "react";
import { Link } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { date, dateTime } from "./format";

/** Late withdrawals referred to the DPO, oldest first (as the API queues them), each with a link to resolve it. */
export function WithdrawalQueue() {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () =>
      (
        await unwrap(
          api.GET("/api/consents/withdrawal-requests", { params: { query: { status: "REFERRED", page, size: 20 } } }),
        )
      ).data,
    [page],
  );
  return (
    <Loaded load={load} what="Reading the referred withdrawals">
      {(queue) =>
        (queue.items ?? []).length === 0 ? (
          <p className="govuk-body">No withdrawal is waiting for a decision.</p>
        ) : (
          <>
            <p className="govuk-body">{queue.totalItems} waiting, oldest first.</p>
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s govuk-visually-hidden">
                  Referred withdrawals
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Asked on</th>
                    <th scope="col" className="govuk-table__header">Window ended</th>
                    <th scope="col" className="govuk-table__header">Asked by and reason</th>
                    <th scope="col" className="govuk-table__header">Keyed</th>
                    <th scope="col" className="govuk-table__header">
                      <span className="govuk-visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {(queue.items ?? []).map((w) => (
                    <tr key={w.id} className="govuk-table__row">
                      <td className="govuk-table__cell app-nowrap">{date(w.requestedOn)}</td>
                      <td className="govuk-table__cell app-nowrap">{date(w.windowEndedOn)}</td>
                      <td className="govuk-table__cell">
                        {w.requestedBy}
                        {w.channel ? `, ${w.channel}` : ""}: {w.reason ?? "no reason given"}
                      </td>
                      <td className="govuk-table__cell">
                        {dateTime(w.receivedAt)} by {w.recordedBy}
                      </td>
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`withdrawal-requests/${w.id}`}>
                          Resolve<span className="govuk-visually-hidden"> the withdrawal asked on {date(w.requestedOn)}</span>
                        </Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} hasNext={page + 1 < (queue.totalPages ?? 0)} onPage={setPage} label="Referred withdrawals pages" />
          </>
        )
      }
    </Loaded>
  );
}
