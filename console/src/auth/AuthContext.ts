import { createContext, useContext } from "react";
import type { Person } from "./roles";

export interface Auth {
  person: Person | undefined;
  /** The current access token, renewed silently before it expires; undefined when signed out. */
  accessToken: () => string | undefined;
  signIn: (returnTo?: string) => Promise<void>;
  signOut: () => Promise<void>;
}

export const AuthContext = createContext<Auth | undefined>(undefined);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (auth === undefined) {
    throw new Error("useAuth outside AuthProvider");
  }
  return auth;
}
