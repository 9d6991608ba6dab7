import type { ReactNode } from "react";
import type { Load } from "../api/useLoad";
import { Loading } from "./Loading";
import { ProblemSummary } from "./ProblemSummary";

/** Progress while loading, the problem when the read failed, the page when it is there. */
export function Loaded<T>({ load, children, what }: { load: Load<T>; children: (data: T) => ReactNode; what?: string }) {
  if (load.state === "loading") return <Loading what={what} />;
  if (load.state === "failed") return <ProblemSummary error={load.error} />;
  return <>{children(load.data)}</>;
}
