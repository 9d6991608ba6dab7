import type { ReactNode } from "react";
import { useAuth } from "../auth/AuthContext";
import { may, type Area } from "../auth/roles";

/** A page of an area the person's roles do not reach says so instead of offering what the API would refuse. */
export function RequireArea({ area, children }: { area: Area; children: ReactNode }) {
  const { person } = useAuth();
  if (!may(person, area)) {
    return (
      <>
        <h1 className="govuk-heading-l">You cannot use this page</h1>
        <p className="govuk-body">Your role does not give you access to this part of the console.</p>
      </>
    );
  }
  return <>{children}</>;
}
