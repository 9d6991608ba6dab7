import { useState } from "react";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { Loading } from "../../components/Loading";
import { ProblemSummary } from "../../components/ProblemSummary";

/** The record as an HL7 FHIR R4 Consent (the same read with Accept: application/fhir+json), formatted, on request. */
export function FhirView({ consentId }: { consentId: string }) {
  const api = useApi();
  const [fhir, setFhir] = useState<{ state: "idle" } | { state: "loading" } | { state: "failed"; error: unknown } | { state: "loaded"; json: string }>(
    { state: "idle" },
  );
  const open = async () => {
    if (fhir.state !== "idle" && fhir.state !== "failed") return;
    setFhir({ state: "loading" });
    try {
      const { data } = await unwrap(
        api.GET("/api/consents/{id}", {
          params: { path: { id: consentId } },
          headers: { Accept: "application/fhir+json" },
          parseAs: "json",
        }),
      );
      setFhir({ state: "loaded", json: JSON.stringify(data, null, 2) });
    } catch (error) {
      setFhir({ state: "failed", error });
    }
  };
  return (
    <details className="govuk-details" onToggle={(e) => (e.currentTarget.open ? void open() : undefined)}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">FHIR view (HL7 FHIR R4 Consent)</span>
      </summary>
      <div className="govuk-details__text">
        {fhir.state === "loading" && <Loading what="Loading the FHIR Consent" />}
        {fhir.state === "failed" && <ProblemSummary error={fhir.error} />}
        {fhir.state === "loaded" && (
          <pre className="app-code app-fhir" data-testid="fhir-json" tabIndex={0} aria-label="FHIR Consent as JSON">
            {fhir.json}
          </pre>
        )}
      </div>
    </details>
  );
}
