import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { useApi } from "../../api/ApiContext";
import { idempotencyKey, unwrap } from "../../api/client";
import { useAuth } from "../../auth/AuthContext";
import { ProblemSummary } from "../../components/ProblemSummary";
import { availableActions, type Agreement, type AgreementAction } from "./agreementActions";

const ACTION_TEXT: Record<AgreementAction, { button: string; explain: string; done: string; text?: string }> = {
  submit: {
    button: "Put up for signature",
    explain: "Every rule is checked again and the content's SHA-256 is fixed; each party then signs this version.",
    done: "The draft is up for signature.",
  },
  sign: {
    button: "Sign for your organisation",
    explain: "Your signature is for the content below, as you see it now.",
    done: "Your organisation has signed.",
  },
  activate: {
    button: "Bring into force",
    explain: "The rules are checked again before the version comes into force.",
    done: "The agreement is in force.",
  },
  review: {
    button: "Record a review",
    explain: "The next review falls due one review cycle from today.",
    done: "The review is recorded.",
    text: "What the review found",
  },
  suspend: {
    button: "Suspend",
    explain: "While it is suspended, every sharing decision under it is a DENY.",
    done: "The agreement is suspended.",
    text: "Why it is suspended",
  },
  terminate: {
    button: "Terminate",
    explain: "Ends the agreement for good, with any variation under way. Its versions stay readable.",
    done: "The agreement is terminated.",
    text: "Why it is terminated",
  },
  vary: {
    button: "Start a variation",
    explain: "A new draft version, a copy of the latest. Every party signs it again; the version in force stays in force until then.",
    done: "A variation is being drafted.",
    text: "Why it is varied (optional)",
  },
};

/**
 * The lifecycle actions this person may take now, each confirmed in a small form. Every change names the agreement
 * as last read (If-Match with its ETag) and carries an Idempotency-Key kept across the retries of one attempt.
 */
export function AgreementActionsPanel({
  agreement,
  open,
  etag,
  onChanged,
}: {
  agreement: Agreement;
  open: Agreement | undefined;
  etag: string | undefined;
  onChanged: (message: string) => void;
}) {
  const api = useApi();
  const { person } = useAuth();
  const actions = availableActions(agreement, open, person);
  const [active, setActive] = useState<{ action: AgreementAction; key: string } | undefined>();
  const [text, setText] = useState("");
  const [error, setError] = useState<unknown>();
  const [textError, setTextError] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (actions.length === 0 || agreement.id === undefined) return null;
  const id = agreement.id;
  const signing = open ?? agreement;

  const start = (action: AgreementAction) => {
    setActive({ action, key: idempotencyKey() });
    setText("");
    setError(undefined);
    setTextError(undefined);
  };

  const run = async (action: AgreementAction, key: string) => {
    const header = { "If-Match": etag ?? "", "Idempotency-Key": key };
    const path = { id };
    switch (action) {
      case "submit":
        return unwrap(api.POST("/api/agreements/{id}/submit", { params: { path, header } }));
      case "sign":
        return unwrap(
          api.POST("/api/agreements/{id}/signatures", {
            params: { path, header },
            body: {
              version: signing.version ?? agreement.openVersion ?? 1,
              ...(signing.contentHash ? { contentHash: signing.contentHash } : {}),
            },
          }),
        );
      case "activate": {
        const version = agreement.state === "SUSPENDED" ? undefined : agreement.openVersion;
        return unwrap(
          api.POST("/api/agreements/{id}/activate", {
            params: { path, header, ...(version ? { query: { version } } : {}) },
          }),
        );
      }
      case "review":
        return unwrap(api.POST("/api/agreements/{id}/reviews", { params: { path, header }, body: { note: text.trim() } }));
      case "suspend":
        return unwrap(api.POST("/api/agreements/{id}/suspend", { params: { path, header }, body: { reason: text.trim() } }));
      case "terminate":
        return unwrap(api.POST("/api/agreements/{id}/terminate", { params: { path, header }, body: { reason: text.trim() } }));
      case "vary":
        return unwrap(
          api.POST("/api/agreements/{id}/variations", {
            params: { path, header: { "Idempotency-Key": key } },
            body: text.trim() ? { reason: text.trim() } : {},
          }),
        );
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!active) return;
    const words = ACTION_TEXT[active.action];
    if (words.text && active.action !== "vary" && !text.trim()) {
      setTextError(`Enter ${words.text.toLowerCase()}`);
      return;
    }
    setTextError(undefined);
    setBusy(true);
    setError(undefined);
    try {
      await run(active.action, active.key);
      setActive(undefined);
      onChanged(words.done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="app-no-print govuk-!-margin-bottom-6" aria-labelledby="actions-heading">
      <h2 className="govuk-heading-m" id="actions-heading">
        What you can do
      </h2>
      {!active ? (
        <div className="govuk-button-group">
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              className={`govuk-button${action === "terminate" || action === "suspend" ? " govuk-button--warning" : action === "sign" || action === "submit" || action === "activate" ? "" : " govuk-button--secondary"}`}
              data-module="govuk-button"
              onClick={() => start(action)}
            >
              {ACTION_TEXT[action].button}
            </button>
          ))}
          {actions.includes("submit") && (
            <Link className="govuk-link" to={`/agreements/${id}/versions/${agreement.openVersion ?? agreement.version}/edit`}>
              Change the draft
            </Link>
          )}
        </div>
      ) : (
        <form onSubmit={(e) => void confirm(e)} noValidate>
          {error !== undefined && <ProblemSummary error={error} />}
          <fieldset className="govuk-fieldset">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{ACTION_TEXT[active.action].button}</legend>
            <p className="govuk-body">{ACTION_TEXT[active.action].explain}</p>
            {active.action === "sign" && (
              <p className="govuk-body">
                Version {signing.version ?? agreement.openVersion} for {person?.organisation}. Content SHA-256:{" "}
                <code className="app-code">{signing.contentHash ?? "not fixed yet"}</code>
              </p>
            )}
            {ACTION_TEXT[active.action].text && (
              <div className={`govuk-form-group${textError ? " govuk-form-group--error" : ""}`}>
                <label className="govuk-label" htmlFor="action-text">
                  {ACTION_TEXT[active.action].text}
                </label>
                {textError && (
                  <p id="action-text-error" className="govuk-error-message">
                    <span className="govuk-visually-hidden">Error:</span> {textError}
                  </p>
                )}
                <textarea
                  className={`govuk-textarea${textError ? " govuk-textarea--error" : ""}`}
                  id="action-text"
                  rows={3}
                  value={text}
                  {...(textError ? { "aria-describedby": "action-text-error" } : {})}
                  onChange={(e) => setText(e.target.value)}
                />
              </div>
            )}
          </fieldset>
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button" disabled={busy} aria-disabled={busy}>
              {busy ? "Sending…" : `Confirm: ${ACTION_TEXT[active.action].button.toLowerCase()}`}
            </button>
            <button type="button" className="govuk-link app-link-button" onClick={() => setActive(undefined)}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
