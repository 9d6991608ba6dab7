import { useEffect, useRef, useState } from "react";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { ProblemSummary } from "../../components/ProblemSummary";

/** The header and claims of a compact JWS, read (not verified: the JWKS verifies it offline). */
export function jwsParts(jws: string): { header: Record<string, unknown>; payload: Record<string, unknown> } | undefined {
  const [header, payload, signature] = jws.trim().split(".");
  if (!header || !payload || signature === undefined) return undefined;
  const decode = (part: string) => {
    const base64 = part.replaceAll("-", "+").replaceAll("_", "/").padEnd(Math.ceil(part.length / 4) * 4, "=");
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
  };
  try {
    return { header: decode(header), payload: decode(payload) };
  } catch {
    return undefined;
  }
}

/**
 * The signed receipt as a file: fetched with the person's token (a plain link would lose it), handed to the browser
 * as a Blob link, which it saves; the link stays on the page to save it again.
 */
export function ReceiptDownload({ consentId }: { consentId: string }) {
  const api = useApi();
  const [state, setState] = useState<{ url: string; kid: unknown } | undefined>(undefined);
  const [fetching, setFetching] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const link = useRef<HTMLAnchorElement>(null);
  const fileName = `consent-receipt-${consentId}.jws`;

  useEffect(() => {
    if (state) link.current?.click();
    return () => {
      if (state) URL.revokeObjectURL(state.url);
    };
  }, [state]);

  const fetchReceipt = async () => {
    setError(undefined);
    setFetching(true);
    try {
      const { data } = await unwrap(
        api.GET("/api/consents/{id}/receipt", {
          params: { path: { id: consentId } },
          headers: { Accept: "application/jose" },
          parseAs: "text",
        }),
      );
      const url = URL.createObjectURL(new Blob([data], { type: "application/jose" }));
      setState({ url, kid: jwsParts(data)?.header.kid });
    } catch (e) {
      setError(e);
    } finally {
      setFetching(false);
    }
  };

  return (
    <div className="govuk-!-margin-bottom-6">
      {error !== undefined && <ProblemSummary error={error} title="The receipt could not be fetched" />}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={() => void fetchReceipt()} disabled={fetching}>
        {fetching ? "Fetching the receipt…" : "Download the signed receipt"}
      </button>
      {state && (
        <p className="govuk-body-s" role="status">
          Receipt ready:{" "}
          <a ref={link} className="govuk-link" href={state.url} download={fileName}>
            {fileName}
          </a>
          {typeof state.kid === "string" ? ` (signed with key ${state.kid}; verify it with /api/consents/receipts/jwks.json)` : ""}
        </p>
      )}
    </div>
  );
}
