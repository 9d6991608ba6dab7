import { useCallback, useEffect, useState } from "react";

export type Load<T> =
  | { state: "loading"; reload: () => void }
  | { state: "failed"; error: unknown; reload: () => void }
  | { state: "loaded"; data: T; reload: () => void; refreshing: boolean };

type Outcome<T> = { state: "failed"; error: unknown } | { state: "loaded"; data: T };

/**
 * Runs a read when the page opens or its inputs change (they must be JSON-serialisable); `reload` runs it again
 * (after an action). While a new read runs, the last data stays on the page with `refreshing` set.
 */
export function useLoad<T>(read: () => Promise<T>, inputs: readonly unknown[]): Load<T> {
  const [round, setRound] = useState(0);
  const key = JSON.stringify([inputs, round]);
  const [done, setDone] = useState<{ key: string; outcome: Outcome<T> } | undefined>(undefined);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let current = true;
    read().then(
      (data) => current && setDone({ key, outcome: { state: "loaded", data } }),
      (error: unknown) => current && setDone({ key, outcome: { state: "failed", error } }),
    );
    return () => {
      current = false;
    };
    // the key stands for the inputs and the round
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (done === undefined || (done.key !== key && done.outcome.state === "failed")) {
    return { state: "loading", reload };
  }
  if (done.outcome.state === "failed") {
    return { state: "failed", error: done.outcome.error, reload };
  }
  return { state: "loaded", data: done.outcome.data, reload, refreshing: done.key !== key };
}
