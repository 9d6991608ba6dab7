import { createContext, useContext } from "react";
import type { ApiClient } from "./client";

export const ApiContext = createContext<ApiClient | undefined>(undefined);

export function useApi(): ApiClient {
  const api = useContext(ApiContext);
  if (api === undefined) throw new Error("useApi outside ApiContext");
  return api;
}
