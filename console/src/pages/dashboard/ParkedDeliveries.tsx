import { useState } from "react";
import { idempotencyKey, unwrap, type ApiClient } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Loaded } from "../../components/Loaded";
import { ProblemSummary } from "../../components/ProblemSummary";
import type { components } from "../../api/schema";
import { dateTime, words } from "./format";

type Subscription = components["schemas"]["WebhookSubscription"];
type Delivery = components["schemas"]["WebhookDelivery"];
type PageOf<T> = { items?: T[]; totalPages?: number };

export type Service = "notices" | "consents" | "agreements";

/** Each service's subscription API, one typed path per service (the three share one contract). */
const SERVICES: Record<
  Service,
  {
    name: string;
    subscriptions: (api: ApiClient, page: number) => Promise<PageOf<Subscription>>;
    parked: (api: ApiClient, id: string, page: number) => Promise<PageOf<Delivery>>;
    redeliver: (api: ApiClient, id: string, deliveryId: string, etag: string, key: string) => Promise<Delivery>;
  }
> = {
  notices: {
    name: "Notice service",
    subscriptions: async (api, page) =>
      (await unwrap(api.GET("/api/notices/subscriptions", { params: { query: { page, size: 100 } } }))).data,
    parked: async (api, id, page) =>
      (
        await unwrap(
          api.GET("/api/notices/subscriptions/{id}/deliveries", {
            params: { path: { id }, query: { status: "PARKED", page, size: 100 } },
          }),
        )
      ).data,
    redeliver: async (api, id, deliveryId, etag, key) =>
      (
        await unwrap(
          api.POST("/api/notices/subscriptions/{id}/deliveries/{deliveryId}/redeliver", {
            params: { path: { id, deliveryId }, header: { "If-Match": etag, "Idempotency-Key": key } },
          }),
        )
      ).data,
  },
  consents: {
    name: "Consent service",
    subscriptions: async (api, page) =>
      (await unwrap(api.GET("/api/consents/subscriptions", { params: { query: { page, size: 100 } } }))).data,
    parked: async (api, id, page) =>
      (
        await unwrap(
          api.GET("/api/consents/subscriptions/{id}/deliveries", {
            params: { path: { id }, query: { status: "PARKED", page, size: 100 } },
          }),
        )
      ).data,
    redeliver: async (api, id, deliveryId, etag, key) =>
      (
        await unwrap(
          api.POST("/api/consents/subscriptions/{id}/deliveries/{deliveryId}/redeliver", {
            params: { path: { id, deliveryId }, header: { "If-Match": etag, "Idempotency-Key": key } },
          }),
        )
      ).data,
  },
  agreements: {
    name: "Sharing agreement service",
    subscriptions: async (api, page) =>
      (await unwrap(api.GET("/api/agreements/subscriptions", { params: { query: { page, size: 100 } } }))).data,
    parked: async (api, id, page) =>
      (
        await unwrap(
          api.GET("/api/agreements/subscriptions/{id}/deliveries", {
            params: { path: { id }, query: { status: "PARKED", page, size: 100 } },
          }),
        )
      ).data,
    redeliver: async (api, id, deliveryId, etag, key) =>
      (
        await unwrap(
          api.POST("/api/agreements/subscriptions/{id}/deliveries/{deliveryId}/redeliver", {
            params: { path: { id, deliveryId }, header: { "If-Match": etag, "Idempotency-Key": key } },
          }),
        )
      ).data,
  },
};

/** Every page of a paged read, up to `limit` pages. */
async function allPages<T>(read: (page: number) => Promise<PageOf<T>>, limit = 10): Promise<T[]> {
  const all: T[] = [];
  for (let page = 0; page < limit; page++) {
    const data = await read(page);
    all.push(...(data.items ?? []));
    if (page + 1 >= (data.totalPages ?? 0)) break;
  }
  return all;
}

export interface Parked {
  service: Service;
  subscription: Subscription;
  delivery: Delivery;
}

async function parkedIn(api: ApiClient, service: Service): Promise<Parked[]> {
  const calls = SERVICES[service];
  const subscriptions = (await allPages((page) => calls.subscriptions(api, page))).filter((s) => s.active && s.id);
  const perSubscription = await Promise.all(
    subscriptions.map(async (subscription) =>
      (await allPages((page) => calls.parked(api, subscription.id ?? "", page), 5)).map((delivery) => ({
        service,
        subscription,
        delivery,
      })),
    ),
  );
  return perSubscription.flat();
}

function ServiceDeliveries({ service }: { service: Service }) {
  const api = useApi();
  const { person } = useAuth();
  const [outcome, setOutcome] = useState<{ ok: string } | { error: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState<string | undefined>(undefined);
  // one key per delivery and version: a retry of the same click replays the first answer
  const [keys] = useState(() => new Map<string, string>());
  const load = useLoad(() => parkedIn(api, service), [service]);

  async function redeliver(parked: Parked) {
    const { subscription, delivery } = parked;
    const keyFor = `${delivery.id ?? ""}@${delivery.etag ?? ""}`;
    const key = keys.get(keyFor) ?? idempotencyKey();
    keys.set(keyFor, key);
    setBusy(delivery.id);
    setOutcome(undefined);
    try {
      const queued = await SERVICES[service].redeliver(
        api,
        subscription.id ?? "",
        delivery.id ?? "",
        delivery.etag ?? "",
        key,
      );
      setOutcome({
        ok: `The ${delivery.eventType ?? "event"} delivery to ${subscription.targetUrl ?? "the receiver"} is queued again: now ${words(queued.status)}.`,
      });
      load.reload();
    } catch (error) {
      setOutcome({ error });
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <>
      <h3 className="govuk-heading-s">{SERVICES[service].name}</h3>
      {outcome && "ok" in outcome && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="alert" aria-labelledby={`redelivered-${service}`} data-module="govuk-notification-banner">
          <div className="govuk-notification-banner__header">
            <h4 className="govuk-notification-banner__title" id={`redelivered-${service}`}>
              Success
            </h4>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading" data-testid="redelivered">
              {outcome.ok}
            </p>
          </div>
        </div>
      )}
      {outcome && "error" in outcome && <ProblemSummary error={outcome.error} title="The delivery was not queued again" />}
      <Loaded load={load} what={`Reading the ${SERVICES[service].name.toLowerCase()}'s parked deliveries`}>
        {(parked) =>
          parked.length === 0 ? (
            <p className="govuk-body">No parked deliveries.</p>
          ) : (
            <div className="app-table-wrapper">
              <table className="govuk-table">
                <caption className="govuk-table__caption govuk-visually-hidden">
                  Parked deliveries of the {SERVICES[service].name.toLowerCase()}
                </caption>
                <thead className="govuk-table__head">
                  <tr className="govuk-table__row">
                    <th scope="col" className="govuk-table__header">Event</th>
                    <th scope="col" className="govuk-table__header">Receiver</th>
                    <th scope="col" className="govuk-table__header">Last attempt</th>
                    <th scope="col" className="govuk-table__header">Status</th>
                    {may(person, "webhooks") && (
                      <th scope="col" className="govuk-table__header">
                        <span className="govuk-visually-hidden">Action</span>
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody className="govuk-table__body">
                  {parked.map((p) => (
                    <tr key={p.delivery.id} className="govuk-table__row">
                      <td className="govuk-table__cell">
                        {p.delivery.eventType}
                        <br />
                        <span className="govuk-body-s">{p.delivery.subject}</span>
                      </td>
                      <td className="govuk-table__cell app-code">
                        {p.subscription.targetUrl}
                        {p.subscription.description ? (
                          <>
                            <br />
                            <span className="govuk-body-s">{p.subscription.description}</span>
                          </>
                        ) : null}
                      </td>
                      <td className="govuk-table__cell">
                        {dateTime(p.delivery.lastAttemptAt)}: {p.delivery.lastError ?? `HTTP ${p.delivery.lastStatus ?? "?"}`} (
                        {p.delivery.attempts} attempts)
                      </td>
                      <td className="govuk-table__cell">
                        <strong className="govuk-tag govuk-tag--red">{words(p.delivery.status)}</strong>
                      </td>
                      {may(person, "webhooks") && (
                        <td className="govuk-table__cell">
                          <button
                            type="button"
                            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                            data-module="govuk-button"
                            disabled={busy !== undefined}
                            aria-disabled={busy !== undefined}
                            onClick={() => void redeliver(p)}
                          >
                            {busy === p.delivery.id ? "Redelivering…" : "Redeliver"}
                            <span className="govuk-visually-hidden"> the {p.delivery.eventType} delivery to {p.subscription.targetUrl}</span>
                          </button>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
    </>
  );
}

/** Webhook deliveries the dispatcher gave up on, across the three services' active subscriptions. */
export function ParkedDeliveries() {
  return (
    <>
      {(["notices", "consents", "agreements"] as const).map((service) => (
        <ServiceDeliveries key={service} service={service} />
      ))}
    </>
  );
}
