import { useState } from "react";
import { Link } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { dateTime, words } from "./format";
import { newestFirst, oldestFirstPageFor } from "./paging";

const SIZE = 20;

/** The disclosure log, newest first (the API lists it oldest first: its pages are read from the end). */
export function RecentDisclosures() {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(async () => {
    const first = (await unwrap(api.GET("/api/disclosures", { params: { query: { page: 0, size: SIZE } } }))).data;
    const totalPages = first.totalPages ?? 0;
    const apiPage = oldestFirstPageFor(page, totalPages);
    const data =
      apiPage === undefined || apiPage === 0
        ? first
        : (await unwrap(api.GET("/api/disclosures", { params: { query: { page: apiPage, size: SIZE } } }))).data;
    return { items: apiPage === undefined ? [] : newestFirst(data.items), total: first.totalItems ?? 0, hasNext: (apiPage ?? 0) > 0 };
  }, [page]);
  return (
    <Loaded load={load} what="Reading the disclosure log">
      {({ items, total, hasNext }) =>
        items.length === 0 ? (
          <p className="govuk-body">Nothing has been disclosed yet.</p>
        ) : (
          <>
            <p className="govuk-body">{total} disclosures in all, newest first.</p>
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">Recent disclosures</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Disclosed</th>
                    <th scope="col" className="govuk-table__header">To</th>
                    <th scope="col" className="govuk-table__header">What and why</th>
                    <th scope="col" className="govuk-table__header">Under</th>
                    <th scope="col" className="govuk-table__header">Child</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {items.map((d) => (
                    <tr key={d.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        {dateTime(d.disclosedAt)}
                        <br />
                        <span className="govuk-body-s">by {d.recordedBy}</span>
                      </td>
                      <td className="govuk-table__cell">{d.recipient}</td>
                      <td className="govuk-table__cell">
                        {(d.categories ?? []).join(", ")} for {d.purpose}
                        {d.transferMethod ? ` (${words(d.transferMethod)})` : ""}
                      </td>
                      <td className="govuk-table__cell">
                        {d.agreementId ? (
                          <Link className="govuk-link" to={`/agreements/${d.agreementId}`}>
                            {d.agreementReference}
                          </Link>
                        ) : (
                          d.agreementReference
                        )}{" "}
                        v{d.agreementVersion}
                      </td>
                      <td className="govuk-table__cell">{d.subject ?? "(hidden from your role)"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} hasNext={hasNext} onPage={setPage} label="Disclosure pages" />
          </>
        )
      }
    </Loaded>
  );
}
