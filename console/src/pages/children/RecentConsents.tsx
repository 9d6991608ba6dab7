import { useState } from "react";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { ConsentTable } from "./ConsentTable";

/** The newest consent records, paged (for readers who cannot search by identifier). */
export function RecentConsents() {
  const api = useApi();
  const [page, setPage] = useState(0);
  const load = useLoad(
    async () => (await unwrap(api.GET("/api/consents", { params: { query: { page, size: 20 } } }))).data,
    [page],
  );
  return (
    <Loaded load={load} what="Loading consent records">
      {(data) => (
        <>
          <ConsentTable records={data.items ?? []} caption="Consent records" />
          <Pager page={page} hasNext={page + 1 < (data.totalPages ?? 0)} onPage={setPage} label="Consent records pages" />
        </>
      )}
    </Loaded>
  );
}
