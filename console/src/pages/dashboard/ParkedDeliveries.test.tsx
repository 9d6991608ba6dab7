import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiContext } from "../../api/ApiContext";
import { createApi } from "../../api/client";
import { AuthContext } from "../../auth/AuthContext";
import type { Role } from "../../auth/roles";
import { ParkedDeliveries } from "./ParkedDeliveries";

const SUBSCRIPTION = { id: "sub-1", active: true, targetUrl: "http://localhost:8080/api/no-such-receiver" };
const PARKED = {
  id: "del-1",
  subscriptionId: "sub-1",
  status: "PARKED",
  attempts: 12,
  etag: '"13"',
  eventType: "org.consentgov.notice.published",
  subject: "a-notice",
  lastError: "HTTP 404",
};

function json(body: unknown, status = 200) {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
}

function deliveries(role: Role, redelivered: Request[]) {
  let parked = true;
  vi.stubGlobal(
    "fetch",
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      if (request.method === "POST") {
        redelivered.push(request);
        parked = false;
        return json({ ...PARKED, status: "PENDING", attempts: 0, etag: '"14"' }, 202);
      }
      if (path === "/api/notices/subscriptions") return json({ items: [SUBSCRIPTION], totalPages: 1 });
      if (path.endsWith("/subscriptions")) return json({ items: [], totalPages: 0 });
      return json({ items: parked ? [PARKED] : [], totalPages: parked ? 1 : 0 });
    }),
  );
  render(
    <AuthContext.Provider
      value={{
        person: { name: role, organisation: undefined, roles: new Set([role]) },
        accessToken: () => "token",
        signIn: async () => {},
        signOut: async () => {},
      }}
    >
      <ApiContext.Provider value={createApi(() => "token", "http://localhost/")}>
        <ParkedDeliveries />
      </ApiContext.Provider>
    </AuthContext.Provider>,
  );
}

describe("parked webhook deliveries", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("redelivers with the delivery's etag in If-Match and says what became of it", async () => {
    const redelivered: Request[] = [];
    deliveries("dpo", redelivered);
    const row = (await screen.findByText(SUBSCRIPTION.targetUrl)).closest("tr") as HTMLElement;
    expect(within(row).getByText("Parked")).toBeTruthy();
    await userEvent.click(within(row).getByRole("button", { name: /Redeliver/ }));
    expect(await screen.findByTestId("redelivered")).toHaveProperty(
      "textContent",
      `The org.consentgov.notice.published delivery to ${SUBSCRIPTION.targetUrl} is queued again: now Pending.`,
    );
    expect(redelivered).toHaveLength(1);
    expect(new URL(redelivered[0]!.url).pathname).toBe("/api/notices/subscriptions/sub-1/deliveries/del-1/redeliver");
    expect(redelivered[0]?.headers.get("If-Match")).toBe('"13"');
    expect(redelivered[0]?.headers.get("Idempotency-Key")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByText("No parked deliveries.")).toHaveLength(3));
  });

  it("offers no Redeliver button to a role that may not", async () => {
    deliveries("auditor", []);
    await screen.findByText(SUBSCRIPTION.targetUrl);
    expect(screen.queryByRole("button", { name: /Redeliver/ })).toBeNull();
  });
});
