import { useState } from "react";
import { Link, useParams } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { ConsentTable } from "./ConsentTable";
import { day } from "./format";
import { systemLabel } from "./identifiers";

/** A child's record: who they are (identifiers, date of birth) and their consents with parties and state. */
export function ChildPage() {
  const { subjectId = "" } = useParams();
  const api = useApi();
  const { person } = useAuth();
  const [page, setPage] = useState(0);
  // an auditor reads the consents but not the child's identifiers
  const readsSubject = may(person, "findChild");
  const subject = useLoad(
    async () =>
      readsSubject ? (await unwrap(api.GET("/api/subjects/{id}", { params: { path: { id: subjectId } } }))).data : undefined,
    [subjectId, readsSubject],
  );
  const consents = useLoad(
    async () =>
      (
        await unwrap(
          api.GET("/api/subjects/{id}/consents", { params: { path: { id: subjectId }, query: { page, size: 20 } } }),
        )
      ).data,
    [subjectId, page],
  );
  return (
    <>
      <div className="app-no-print">
        <Link to="/children" className="govuk-back-link">
          Find another child
        </Link>
      </div>
      <h1 className="govuk-heading-l">Child's record</h1>
      <Loaded load={subject} what="Loading the child">
        {(data) =>
          data && (
            <dl className="govuk-summary-list">
              {(data.identifiers ?? []).map((identifier) => (
                <div className="govuk-summary-list__row" key={`${identifier.system}:${identifier.value}`}>
                  <dt className="govuk-summary-list__key">{systemLabel(identifier.system)}</dt>
                  <dd className="govuk-summary-list__value" data-testid={`identifier-${identifier.system}`}>
                    {identifier.value}
                  </dd>
                </div>
              ))}
              <div className="govuk-summary-list__row">
                <dt className="govuk-summary-list__key">Date of birth</dt>
                <dd className="govuk-summary-list__value">{day(data.dateOfBirth)}</dd>
              </div>
            </dl>
          )
        }
      </Loaded>
      {may(person, "recordConsent") && (
        <Link to={`/children/subjects/${subjectId}/record`} role="button" draggable="false" className="govuk-button" data-module="govuk-button">
          Record a consent
        </Link>
      )}
      <Loaded load={consents} what="Loading the consents">
        {(data) => (
          <>
            <ConsentTable records={data.items ?? []} caption="Consents" />
            <Pager page={page} hasNext={page + 1 < (data.totalPages ?? 0)} onPage={setPage} label="Consents pages" />
          </>
        )}
      </Loaded>
    </>
  );
}
