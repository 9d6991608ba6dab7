import { Link, useParams, useSearchParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { unwrap } from "../../api/client";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";

/** Whether a change is material, shown first and plainly: consents under the older version need re-consent. */
export function MaterialFlag({ material, reasons, from }: { material: boolean; reasons: string[]; from: number | undefined }) {
  if (!material) {
    return (
      <div className="govuk-inset-text" data-testid="material-flag">
        <strong>Not a material change.</strong> Consents given under version {from} stay valid.
      </div>
    );
  }
  return (
    <div className="govuk-warning-text" data-testid="material-flag">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <div className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        Material change: consents given under version {from} will need re-consent.
        {reasons.length > 0 && (
          <ul className="govuk-list govuk-list--bullet govuk-!-margin-top-2">
            {reasons.map((r) => (
              <li key={r}>{r}</li>
            ))}
          </ul>
        )}
      </div>
    </div>
  );
}

/** A value of the diff in a line or a few: text as it is, anything else as JSON. */
export function shown(value: unknown): string {
  if (value === undefined || value === null) return "—";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 1);
}

/** The structured diff between two versions (`from` and `to` in the address), with the material flag. */
export function DiffPage() {
  const { slug = "" } = useParams();
  const [search] = useSearchParams();
  const from = Number(search.get("from") ?? "1");
  const to = Number(search.get("to") ?? "1");
  const api = useApi();
  const load = useLoad(
    async () => (await unwrap(api.GET("/api/notices/{slug}/diff", { params: { path: { slug }, query: { from, to } } }))).data,
    [slug, from, to],
  );
  return (
    <>
      <span className="govuk-caption-l">
        <Link className="govuk-link" to={`/notices/${slug}`}>
          Notice {slug}
        </Link>
      </span>
      <h1 className="govuk-heading-l">
        Changes from version {from} to version {to}
      </h1>
      <Loaded load={load} what="Comparing the versions">
        {(diff) => (
          <>
            <MaterialFlag material={diff.material ?? false} reasons={diff.reasons ?? []} from={diff.from} />
            {(diff.changes ?? []).length === 0 ? (
              <p className="govuk-body">The two versions have the same content.</p>
            ) : (
              <div className="app-table-wrapper">
                <table className="govuk-table">
                  <caption className="govuk-table__caption govuk-table__caption--m">{diff.changes?.length} change(s)</caption>
                  <thead className="govuk-table__head">
                    <tr className="govuk-table__row">
                      <th scope="col" className="govuk-table__header">Field</th>
                      <th scope="col" className="govuk-table__header">Change</th>
                      <th scope="col" className="govuk-table__header">Before</th>
                      <th scope="col" className="govuk-table__header">After</th>
                    </tr>
                  </thead>
                  <tbody className="govuk-table__body">
                    {(diff.changes ?? []).map((c, i) => (
                      <tr key={i} className="govuk-table__row">
                        <td className="govuk-table__cell">
                          {c.field}
                          {c.key ? ` (${c.key})` : ""}
                        </td>
                        <td className="govuk-table__cell">{c.kind?.toLowerCase()}</td>
                        <td className="govuk-table__cell app-code">{shown(c.before)}</td>
                        <td className="govuk-table__cell app-code">{shown(c.after)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </>
        )}
      </Loaded>
    </>
  );
}
