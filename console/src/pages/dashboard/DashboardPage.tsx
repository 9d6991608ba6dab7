import type { ReactNode } from "react";
import { useLocation } from "react-router";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { ConsentSummary } from "./ConsentSummary";
import { GapReport } from "./GapReport";
import { ParkedDeliveries } from "./ParkedDeliveries";
import { RecentDisclosures } from "./RecentDisclosures";
import type { Resolved } from "./ResolveWithdrawalPage";
import { ReviewTimeline } from "./ReviewTimeline";
import { AgreementStates, ConsentStates } from "./StateCounts";
import { WithdrawalQueue } from "./WithdrawalQueue";

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="govuk-!-margin-bottom-8" aria-labelledby={id}>
      <h2 className="govuk-heading-m" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}

/**
 * The DPO's overview: consents and agreements by state, the referred withdrawals to decide, reviews and access
 * windows falling due, the gap report, parked webhook deliveries and the latest disclosures. The auditor sees the
 * same figures read-only; the queue and the deliveries are the DPO's alone (the API refuses them to others).
 */
export function DashboardPage() {
  const { person } = useAuth();
  const location = useLocation();
  const resolved = (location.state as Partial<Resolved> | null)?.resolved;
  return (
    <>
      <h1 className="govuk-heading-l">Dashboard</h1>
      {resolved && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby="resolved-title" data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="resolved-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" data-testid="resolved">
              Withdrawal {resolved.decision === "ACCEPT" ? "accepted: the consent is withdrawn" : "declined: the consent stands"}.
            </p>
          </div>
        </div>
      )}
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-half">
          <ConsentStates />
        </div>
        <div className="govuk-grid-column-one-half">
          <AgreementStates />
        </div>
      </div>
      <Section id="by-notice" title="Consents by notice and re-consent flags">
        <ConsentSummary />
      </Section>
      {may(person, "resolveWithdrawals") && (
        <Section id="withdrawals" title="Referred withdrawals">
          <WithdrawalQueue />
        </Section>
      )}
      <Section id="timeline" title="Reviews and access windows falling due">
        <ReviewTimeline />
      </Section>
      <Section id="gaps" title="Gap report">
        <GapReport />
      </Section>
      {may(person, "webhooks") && (
        <Section id="deliveries" title="Parked webhook deliveries">
          <ParkedDeliveries />
        </Section>
      )}
      <Section id="disclosures" title="Recent disclosures">
        <RecentDisclosures />
      </Section>
    </>
  );
}
