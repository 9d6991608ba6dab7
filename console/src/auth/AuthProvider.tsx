import { InMemoryWebStorage, UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { ConsoleConfig } from "../config";
import { AuthContext, type Auth } from "./AuthContext";
import { personFrom } from "./roles";

const CALLBACK = "callback";
const SIGNED_OUT = "signed-out";

/**
 * Sign-in with the authorization code flow and PKCE against the realm (oidc-client-ts). Tokens live in memory only
 * (never in local or session storage); only the flow's short-lived state (the PKCE verifier) uses session storage
 * across the redirect. The access token is renewed silently with the refresh token before it expires.
 */
export function AuthProvider({ config, children }: { config: ConsoleConfig; children: ReactNode }) {
  const base = `${window.location.origin}${import.meta.env.BASE_URL}`;
  const manager = useMemo(
    () =>
      new UserManager({
        authority: config.authority,
        client_id: config.clientId,
        redirect_uri: `${base}${CALLBACK}`,
        post_logout_redirect_uri: `${base}${SIGNED_OUT}`,
        response_type: "code",
        scope: "openid",
        userStore: new WebStorageStateStore({ store: new InMemoryWebStorage() }),
        automaticSilentRenew: true,
        monitorSession: false,
      }),
    [config, base],
  );
  const signedOutPage = window.location.pathname === `${import.meta.env.BASE_URL}${SIGNED_OUT}`;
  // undefined while signing in, null when signed out; the ref mirrors it for the API client's token reads
  const [user, setUserState] = useState<User | null | undefined>(signedOutPage ? null : undefined);
  const [failure, setFailure] = useState<string | undefined>(undefined);
  const userRef = useRef<User | null | undefined>(undefined);
  const setUser = useCallback((u: User | null) => {
    userRef.current = u;
    setUserState(u);
  }, []);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const loaded = (u: User) => setUser(u);
    const unloaded = () => setUser(null);
    manager.events.addUserLoaded(loaded);
    manager.events.addUserUnloaded(unloaded);
    manager.events.addSilentRenewError(unloaded);
    const path = window.location.pathname;
    if (path === `${import.meta.env.BASE_URL}${CALLBACK}`) {
      manager
        .signinRedirectCallback()
        .then((u) => {
          setUser(u);
          const state = u.state as { returnTo?: string } | undefined;
          const returnTo = state?.returnTo ?? import.meta.env.BASE_URL;
          window.history.replaceState(null, "", returnTo);
          window.dispatchEvent(new PopStateEvent("popstate"));
        })
        .catch((e: unknown) => {
          setFailure(e instanceof Error ? e.message : "the sign-in did not complete");
          setUser(null);
        });
    } else if (!signedOutPage) {
      // tokens live in memory: a new page load signs in again (Keycloak's session makes that a quick round trip)
      manager.getUser().then((u) => {
        if (u && !u.expired) {
          setUser(u);
        } else {
          manager
            .signinRedirect({ state: { returnTo: `${path}${window.location.search}` } })
            .catch((e: unknown) => {
              setFailure(e instanceof Error ? e.message : "the sign-in page could not be reached");
              setUser(null);
            });
        }
      });
    }
  }, [manager, setUser, signedOutPage]);

  const signIn = useCallback(
    async (returnTo?: string) => {
      const here = returnTo ?? `${window.location.pathname}${window.location.search}`;
      await manager.signinRedirect({ state: { returnTo: here } });
    },
    [manager],
  );
  const signOut = useCallback(async () => {
    const idToken = userRef.current?.id_token;
    await manager.removeUser();
    await manager.signoutRedirect(idToken ? { id_token_hint: idToken } : {});
  }, [manager]);

  const auth: Auth = useMemo(
    () => ({
      person: user ? personFrom(user.profile as Record<string, unknown>) : undefined,
      accessToken: () => userRef.current?.access_token,
      signIn,
      signOut,
    }),
    [user, signIn, signOut],
  );

  if (user === undefined) {
    return (
      <p className="govuk-body govuk-!-margin-6" role="status">
        Signing in…
      </p>
    );
  }
  if (user === null) {
    return <SignedOut failure={failure} onSignIn={() => void signIn(import.meta.env.BASE_URL)} />;
  }
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}

function SignedOut({ failure, onSignIn }: { failure: string | undefined; onSignIn: () => void }) {
  return (
    <div className="govuk-width-container">
      <main className="govuk-main-wrapper" id="main-content">
        <h1 className="govuk-heading-xl">Governance console</h1>
        {failure ? (
          <div className="govuk-error-summary" role="alert">
            <h2 className="govuk-error-summary__title">You are not signed in</h2>
            <div className="govuk-error-summary__body">
              <p className="govuk-body">The sign-in did not complete: {failure}</p>
            </div>
          </div>
        ) : (
          <p className="govuk-body">You have signed out.</p>
        )}
        <button type="button" className="govuk-button" onClick={onSignIn}>
          Sign in
        </button>
      </main>
    </div>
  );
}
