import { useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { idempotencyKey, unwrap } from "../../api/client";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { ProblemSummary } from "../../components/ProblemSummary";
import { inForce, StateTag, when } from "./parts";

const PAGE_SIZE = 20;

/** One notice: its versions (paged) with state and dates in force, a new draft, and a comparison of two versions. */
export function NoticePage() {
  const { slug = "" } = useParams();
  const api = useApi();
  const navigate = useNavigate();
  const { person } = useAuth();
  const [page, setPage] = useState(0);
  const [starting, setStarting] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  const key = useRef(idempotencyKey());
  const load = useLoad(async () => {
    const [notice, versions] = await Promise.all([
      unwrap(api.GET("/api/notices/{slug}", { params: { path: { slug } } })),
      unwrap(api.GET("/api/notices/{slug}/versions", { params: { path: { slug }, query: { page, size: PAGE_SIZE } } })),
    ]);
    return { notice: notice.data, versions: versions.data };
  }, [slug, page]);

  const startVersion = async () => {
    setStarting({ busy: true });
    try {
      const { data } = await unwrap(
        api.POST("/api/notices/{slug}/versions", {
          params: { path: { slug }, header: { "Idempotency-Key": key.current } },
          body: {},
        }),
      );
      key.current = idempotencyKey();
      void navigate(`versions/${data.number}/edit`);
    } catch (error) {
      key.current = idempotencyKey();
      setStarting({ busy: false, error });
    }
  };

  return (
    <Loaded load={load} what="Loading the notice">
      {({ notice, versions }) => {
        const all = notice.versions ?? [];
        const latest = all[all.length - 1];
        const draft = all.find((v) => v.state === "DRAFT");
        return (
          <>
            <span className="govuk-caption-l">Notice {slug}</span>
            <h1 className="govuk-heading-l">{latest?.title || slug}</h1>
            <p className="govuk-body">
              Created {when(notice.createdAt)} by {notice.createdBy ?? "unknown"}.{" "}
              <a className="govuk-link" href={`/public/notices/${encodeURIComponent(slug)}`}>
                Public page<span className="govuk-visually-hidden"> of this notice</span>
              </a>
            </p>
            {starting.error !== undefined && <ProblemSummary error={starting.error} />}
            {may(person, "editNotices") &&
              (draft ? (
                <Link to={`versions/${draft.number}/edit`} className="govuk-button" role="button" draggable="false">
                  Edit draft version {draft.number}
                </Link>
              ) : (
                <button type="button" className="govuk-button" disabled={starting.busy} aria-disabled={starting.busy} onClick={() => void startVersion()}>
                  {starting.busy ? "Starting a new version…" : "Start a new version"}
                </button>
              ))}
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--m">Versions</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Version</th>
                    <th scope="col" className="govuk-table__header">State</th>
                    <th scope="col" className="govuk-table__header">In force</th>
                    <th scope="col" className="govuk-table__header">Published</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {(versions.items ?? []).map((v) => (
                    <tr key={v.number} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        <Link className="govuk-link" to={`versions/${v.number}`}>
                          Version {v.number}
                        </Link>
                        <br />
                        <span className="govuk-body-s">{v.title}</span>
                      </td>
                      <td className="govuk-table__cell">
                        <StateTag state={v.state} />
                      </td>
                      <td className="govuk-table__cell">{inForce(v.inForceFrom, v.inForceUntil)}</td>
                      <td className="govuk-table__cell">
                        {v.publishedAt ? `${when(v.publishedAt)}${v.publishedBy ? ` by ${v.publishedBy}` : ""}` : "—"}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={page} hasNext={page + 1 < (versions.totalPages ?? 0)} onPage={setPage} label="Pages of versions" />
            {all.length > 1 && <CompareForm numbers={all.map((v) => v.number ?? 0)} />}
          </>
        );
      }}
    </Loaded>
  );
}

function CompareForm({ numbers }: { numbers: number[] }) {
  const navigate = useNavigate();
  const [from, setFrom] = useState(numbers[numbers.length - 2] ?? 1);
  const [to, setTo] = useState(numbers[numbers.length - 1] ?? 1);
  return (
    <form
      className="app-no-print"
      onSubmit={(e) => {
        e.preventDefault();
        void navigate(`diff?from=${from}&to=${to}`);
      }}
    >
      <h2 className="govuk-heading-m">Compare two versions</h2>
      <div className="govuk-form-group app-inline-group">
        <label className="govuk-label" htmlFor="compare-from">
          From version
        </label>
        <select className="govuk-select" id="compare-from" value={from} onChange={(e) => setFrom(Number(e.target.value))}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="govuk-form-group app-inline-group">
        <label className="govuk-label" htmlFor="compare-to">
          To version
        </label>
        <select className="govuk-select" id="compare-to" value={to} onChange={(e) => setTo(Number(e.target.value))}>
          {numbers.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <button type="submit" className="govuk-button govuk-button--secondary">
        Compare
      </button>
    </form>
  );
}
