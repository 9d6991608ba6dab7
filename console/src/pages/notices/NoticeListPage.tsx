import { useState } from "react";
import { Link } from "react-router";
import { useApi } from "../../api/ApiContext";
import { unwrap } from "../../api/client";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";

const PAGE_SIZE = 20;

/** Every notice, a page at a time, with its published, draft and latest version numbers. */
export function NoticeListPage() {
  const api = useApi();
  const { person } = useAuth();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () => (await unwrap(api.GET("/api/notices", { params: { query: { page, size: PAGE_SIZE } } }))).data,
    [page],
  );
  return (
    <>
      <h1 className="govuk-heading-l">Notices</h1>
      {may(person, "editNotices") && (
        <Link to="new" className="govuk-button" role="button" draggable="false">
          Create a notice
        </Link>
      )}
      <Loaded load={load} what="Loading notices">
        {(result) => (
          <>
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">
                  {result.totalItems ?? 0} notice{result.totalItems === 1 ? "" : "s"}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Notice</th>
                    <th scope="col" className="govuk-table__header">Published version</th>
                    <th scope="col" className="govuk-table__header">Draft</th>
                    <th scope="col" className="govuk-table__header">Latest</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {(result.items ?? []).map((notice) => (
                    <tr key={notice.slug} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={notice.slug ?? ""}>
                          {notice.title || notice.slug}
                        </Link>
                        <br />
                        <span className="govuk-body-s app-secondary">{notice.slug}</span>
                      </td>
                      <td className="govuk-table__cell">{notice.currentVersion ?? "None"}</td>
                      <td className="govuk-table__cell">{notice.draftVersion ?? "None"}</td>
                      <td className="govuk-table__cell">{notice.latestVersion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} hasNext={page + 1 < (result.totalPages ?? 0)} onPage={setPage} label="Pages of notices" />
          </>
        )}
      </Loaded>
    </>
  );
}
