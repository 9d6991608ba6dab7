import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import type { components } from "../../api/schema";
import { words } from "./format";

type ConsentState = components["schemas"]["ConsentState"];
type AgreementState = components["schemas"]["AgreementState"];

const CONSENT_STATES: ConsentState[] = ["ACTIVE", "REFUSED", "WITHDRAWN", "EXPIRED", "SUPERSEDED", "INVALIDATED"];
const AGREEMENT_STATES: AgreementState[] = [
  "DRAFT",
  "PENDING_SIGNATURE",
  "ACTIVE",
  "SUSPENDED",
  "EXPIRED",
  "TERMINATED",
  "SUPERSEDED",
];

function CountTable({ caption, counts }: { caption: string; counts: [string, number][] }) {
  return (
    <table className="govuk-table">
      <caption className="govuk-table__caption govuk-table__caption--s">{caption}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header">
            State
          </th>
          <th scope="col" className="govuk-table__header govuk-table__header--numeric">
            Number
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {counts.map(([state, count]) => (
          <tr key={state} className="govuk-table__row">
            <th scope="row" className="govuk-table__header">
              {words(state)}
            </th>
            <td className="govuk-table__cell govuk-table__cell--numeric">{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Consent records by state: the listing's total for each state (one small read each). */
export function ConsentStates() {
  const api = useApi();
  const load = useLoad(
    () =>
      Promise.all(
        CONSENT_STATES.map(async (state): Promise<[string, number]> => {
          const { data } = await unwrap(api.GET("/api/consents", { params: { query: { state, size: 1 } } }));
          return [state, data.totalItems ?? 0];
        }),
      ),
    [],
  );
  return (
    <Loaded load={load} what="Counting consent records">
      {(counts) => <CountTable caption="Consent records by state" counts={counts} />}
    </Loaded>
  );
}

/** Agreements by state, as the listing counts them (partners would see only theirs; the dashboard is the DPO's). */
export function AgreementStates() {
  const api = useApi();
  const load = useLoad(
    () =>
      Promise.all(
        AGREEMENT_STATES.map(async (state): Promise<[string, number]> => {
          const { data } = await unwrap(api.GET("/api/agreements", { params: { query: { state, size: 1 } } }));
          return [state, data.totalItems ?? 0];
        }),
      ),
    [],
  );
  return (
    <Loaded load={load} what="Counting agreements">
      {(counts) => <CountTable caption="Agreements by state" counts={counts} />}
    </Loaded>
  );
}
