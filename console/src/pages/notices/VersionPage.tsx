import { useState } from "react";
import { Link, useLocation, useParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { idempotencyKey, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Field } from "../../components/Field";
import { Loaded } from "../../components/Loaded";
import { Loading } from "../../components/Loading";
import { ProblemSummary } from "../../components/ProblemSummary";
import { MaterialFlag } from "./DiffPage";
import { inForce, StateTag, when } from "./parts";

type Impact = components["schemas"]["ImpactView"];

/** One version: state, dates in force, history, the main content; the draft's impact; retiring the published one. */
export function VersionPage() {
  const { slug = "", number = "" } = useParams();
  const api = useApi();
  const { person } = useAuth();
  const location = useLocation();
  const published = (location.state as { published?: boolean } | null)?.published === true;
  const load = useLoad(async () => {
    const { data, response } = await unwrap(
      api.GET("/api/notices/{slug}/versions/{number}", { params: { path: { slug, number: Number(number) } } }),
    );
    return { version: data, etag: response.headers.get("ETag") ?? "" };
  }, [slug, number]);
  return (
    <Loaded load={load} what="Loading the version">
      {({ version, etag }) => {
        const content = version.content;
        return (
          <>
            <span className="govuk-caption-l">
              <Link className="govuk-link" to={`/notices/${slug}`}>
                Notice {slug}
              </Link>
            </span>
            <h1 className="govuk-heading-l">
              Version {version.number}: {version.title}
            </h1>
            {published && version.state === "PUBLISHED" && (
              <div className="govuk-panel govuk-panel--confirmation">
                <h2 className="govuk-panel__title">Published</h2>
                <div className="govuk-panel__body">Version {version.number} is now the notice in force.</div>
              </div>
            )}
            <dl className="govuk-summary-list">
              <Row name="State">
                <StateTag state={version.state} />
              </Row>
              <Row name="In force">{inForce(version.inForceFrom, version.inForceUntil)}</Row>
              <Row name="Effective from">{when(version.effectiveFrom)}</Row>
              <Row name="Published">{version.publishedAt ? `${when(version.publishedAt)} by ${version.publishedBy ?? "unknown"}` : "Not published"}</Row>
              {version.retiredAt && (
                <Row name="Retired">
                  {when(version.retiredAt)} by {version.retiredBy ?? "unknown"}: {version.retiredReason}
                </Row>
              )}
              {version.state !== "DRAFT" && version.publishedAt && (
                <Row name="Material change">
                  {version.materialChange ? `Yes: ${(version.materialReasons ?? []).join("; ")}` : "No"}
                </Row>
              )}
              <Row name="Content hash">
                <span className="app-code">{version.contentHash ?? "Set when published"}</span>
              </Row>
              <Row name="Last changed">{when(version.updatedAt ?? version.createdAt)}</Row>
            </dl>

            {version.state === "DRAFT" && may(person, "editNotices") && (
              <>
                <Link to="edit" className="govuk-button" role="button" draggable="false">
                  Edit, check and publish the draft
                </Link>
                <ImpactPreview slug={slug} number={version.number ?? Number(number)} />
              </>
            )}

            <h2 className="govuk-heading-m">Content</h2>
            <dl className="govuk-summary-list">
              <Row name="Summary">{content?.locales?.[content.defaultLocale ?? "en"]?.summary ?? "—"}</Row>
              <Row name="Languages">{Object.keys(content?.locales ?? {}).join(", ") || "—"}</Row>
              <Row name="Data categories">{(content?.dataCategories ?? []).join(", ") || "—"}</Row>
              <Row name="Purposes">{(content?.purposes ?? []).map((p) => p.code).join(", ") || "—"}</Row>
              <Row name="Lawful bases">
                <ul className="govuk-list">
                  {(content?.lawfulBases ?? []).map((b, i) => (
                    <li key={i}>
                      {b.appliesTo}: {b.basis} — {b.description}
                    </li>
                  ))}
                </ul>
              </Row>
              <Row name="Recipients">{(content?.recipients ?? []).map((r) => r.name).join(", ") || "—"}</Row>
            </dl>

            <h2 className="govuk-heading-m">History</h2>
            <ul className="govuk-list app-timeline">
              {(version.history ?? []).map((t, i) => (
                <li key={i} className="app-timeline__item">
                  <strong>{t.to}</strong> {t.from ? `from ${t.from}` : ""} — {when(t.at)} by {t.actor}
                  {t.reason ? `: ${t.reason}` : ""}
                </li>
              ))}
            </ul>

            {version.state === "PUBLISHED" && may(person, "retireNotices") && (
              <RetireForm slug={slug} number={version.number ?? Number(number)} etag={etag} onRetired={load.reload} />
            )}
          </>
        );
      }}
    </Loaded>
  );
}

function Row({ name, children }: { name: string; children: React.ReactNode }) {
  return (
    <div className="govuk-summary-list__row">
      <dt className="govuk-summary-list__key">{name}</dt>
      <dd className="govuk-summary-list__value">{children}</dd>
    </div>
  );
}

/** The dry run of publishing the draft: what changes, whether materially, and the consents and agreements affected. */
function ImpactPreview({ slug, number }: { slug: string; number: number }) {
  const api = useApi();
  const [state, setState] = useState<{ busy: boolean; impact?: Impact; error?: unknown }>({ busy: false });
  const preview = async () => {
    setState({ busy: true });
    try {
      const { data } = await unwrap(
        api.GET("/api/notices/{slug}/versions/{number}/impact", { params: { path: { slug, number } } }),
      );
      setState({ busy: false, impact: data });
    } catch (error) {
      setState({ busy: false, error });
    }
  };
  const impact = state.impact;
  return (
    <section aria-labelledby="impact-title">
      <h2 className="govuk-heading-m" id="impact-title">
        Impact of publishing
      </h2>
      <button type="button" className="govuk-button govuk-button--secondary" disabled={state.busy} onClick={() => void preview()}>
        {impact ? "Preview the impact again" : "Preview the impact"}
      </button>
      {state.busy && <Loading what="Asking the services what publishing would affect" />}
      {state.error !== undefined && <ProblemSummary error={state.error} />}
      {impact && (
        <div data-testid="impact">
          {impact.publishedVersion == null ? (
            <p className="govuk-body">No version is published yet: nobody has consented to this notice.</p>
          ) : (
            <MaterialFlag material={impact.material ?? false} reasons={impact.reasons ?? []} from={impact.publishedVersion} />
          )}
          {impact.consents && (
            <p className="govuk-body">
              <strong>{impact.consents.active ?? 0}</strong> active consent(s) are pinned to older versions
              {Object.keys(impact.consents.byVersion ?? {}).length > 0 &&
                ` (${Object.entries(impact.consents.byVersion ?? {})
                  .map(([v, n]) => `version ${v}: ${n}`)
                  .join(", ")})`}
              .
            </p>
          )}
          {impact.agreements && impact.agreements.length > 0 && (
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-table__caption--s">Agreements that link this notice</caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Agreement</th>
                    <th scope="col" className="govuk-table__header">State</th>
                    <th scope="col" className="govuk-table__header">Parties</th>
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {impact.agreements.map((a) => (
                    <tr key={a.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        {a.reference}: {a.title}
                      </td>
                      <td className="govuk-table__cell">{a.state}</td>
                      <td className="govuk-table__cell">{(a.parties ?? []).join(", ")}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {impact.agreements && impact.agreements.length === 0 && <p className="govuk-body">No agreement links this notice.</p>}
          {(impact.notes ?? []).map((note) => (
            <div key={note} className="govuk-inset-text">
              {note}
            </div>
          ))}
        </div>
      )}
    </section>
  );
}

function RetireForm({ slug, number, etag, onRetired }: { slug: string; number: number; etag: string; onRetired: () => void }) {
  const api = useApi();
  const [reason, setReason] = useState("");
  const [key, setKey] = useState(idempotencyKey);
  const [state, setState] = useState<{ busy: boolean; error?: unknown }>({ busy: false });
  // the reason's problems beside it, whatever prefix the API gives the field (`reason`, `…request.reason`)
  const reasonErrors =
    state.error instanceof ApiError
      ? (state.error.problem.errors ?? [])
          .filter((e) => e.field === "reason" || e.field?.endsWith(".reason"))
          .map((e) => e.message ?? "")
      : [];
  return (
    <form
      className="app-no-print"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        setState({ busy: true });
        unwrap(
          api.POST("/api/notices/{slug}/versions/{number}/retire", {
            params: { path: { slug, number }, header: { "If-Match": etag, "Idempotency-Key": key } },
            body: { reason: reason.trim() },
          }),
        ).then(
          () => {
            setKey(idempotencyKey());
            setState({ busy: false });
            onRetired();
          },
          (error: unknown) => {
            setKey(idempotencyKey());
            setState({ busy: false, error });
          },
        );
      }}
    >
      <h2 className="govuk-heading-m">Retire this version</h2>
      <p className="govuk-body">The notice then has no version in force until a new one is published.</p>
      {state.error !== undefined && <ProblemSummary error={state.error} />}
      <Field name="reason" label="Why it is retired" errors={reasonErrors}>
        {(p) => (
          <textarea
            className={`govuk-textarea${p.invalid ? " govuk-textarea--error" : ""}`}
            id={p.id}
            rows={2}
            aria-describedby={p["aria-describedby"]}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <button type="submit" className="govuk-button govuk-button--warning" disabled={state.busy}>
        {state.busy ? "Retiring…" : "Retire this version"}
      </button>
    </form>
  );
}
