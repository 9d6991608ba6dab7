import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MemoryRouter, Route, Routes } from "react-router";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiContext } from "../../api/ApiContext";
import { createApi } from "../../api/client";
import { ResolveWithdrawalPage } from "./ResolveWithdrawalPage";

const ID = "6e5d4c3b-2a19-4f8e-8d7c-6b5a49382716";
const REFERRED = {
  id: ID,
  status: "REFERRED",
  requestedOn: "2026-03-24",
  windowEndedOn: "2026-03-17",
  requestedBy: "child",
  channel: "told their caseworker",
  reason: "changed their mind",
  receivedAt: "2026-03-25T10:00:00Z",
  recordedBy: "caseworker",
  recordId: "0b9f5c2e-6f7a-4c8e-9a51-3d2f0f1e7a10",
};

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": type, ...headers } });
}

function page(fetch: (request: Request) => Promise<Response>) {
  vi.stubGlobal("fetch", vi.fn(fetch));
  render(
    <ApiContext.Provider value={createApi(() => "token", "http://localhost/")}>
      <MemoryRouter initialEntries={[`/dashboard/withdrawal-requests/${ID}`]}>
        <Routes>
          <Route path="/dashboard/withdrawal-requests/:id" element={<ResolveWithdrawalPage />} />
          <Route path="/dashboard" element={<p>the dashboard</p>} />
        </Routes>
      </MemoryRouter>
    </ApiContext.Provider>,
  );
}

describe("resolving a referred withdrawal", () => {
  afterEach(() => vi.unstubAllGlobals());

  it("refuses a decision without a reason beside the field, sending nothing", async () => {
    const sent: string[] = [];
    page(async (request) => {
      sent.push(`${request.method} ${new URL(request.url).pathname}`);
      return json(REFERRED, 200, { ETag: '"0"' });
    });
    await screen.findByText("changed their mind");
    await userEvent.click(screen.getByLabelText("Decline: the consent stays as it is"));
    await userEvent.click(screen.getByRole("button", { name: "Resolve withdrawal" }));
    expect(screen.getByText(/Enter the reason for the decision/, { selector: "#field-note-error" })).toBeTruthy();
    expect((screen.getByLabelText("Decline: the consent stays as it is") as HTMLInputElement).checked).toBe(true);
    expect(sent).toEqual([`GET /api/consents/withdrawal-requests/${ID}`]);
  });

  it("sends the request's ETag and one Idempotency-Key, and keeps what was typed when the API refuses", async () => {
    const posts: Request[] = [];
    page(async (request) => {
      if (request.method === "GET") return json(REFERRED, 200, { ETag: '"0"' });
      posts.push(request);
      return json({ status: 412, title: "Precondition Failed", requestId: "req-1" }, 412);
    });
    await screen.findByText("changed their mind");
    await userEvent.click(screen.getByLabelText("Accept: withdraw the consent now"));
    await userEvent.type(screen.getByLabelText("Reason for the decision"), "Not told about the window");
    await userEvent.click(screen.getByRole("button", { name: "Resolve withdrawal" }));
    await screen.findByText(/Someone else changed this/);
    expect(screen.getByTestId("request-id").textContent).toBe("req-1");
    expect((screen.getByLabelText("Reason for the decision") as HTMLTextAreaElement).value).toBe("Not told about the window");
    await userEvent.click(screen.getByRole("button", { name: "Resolve withdrawal" }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[0]?.headers.get("If-Match")).toBe('"0"');
    const key = posts[0]?.headers.get("Idempotency-Key");
    expect(key).toMatch(/^[0-9a-f-]{36}$/);
    expect(posts[1]?.headers.get("Idempotency-Key")).toBe(key);
    expect(await posts[0]?.json()).toEqual({ decision: "ACCEPT", note: "Not told about the window" });
  });

  it("goes back to the dashboard once resolved", async () => {
    page(async (request) =>
      request.method === "GET" ? json(REFERRED, 200, { ETag: '"0"' }) : json({ ...REFERRED, status: "ACCEPTED" }),
    );
    await screen.findByText("changed their mind");
    await userEvent.click(screen.getByLabelText("Accept: withdraw the consent now"));
    await userEvent.type(screen.getByLabelText("Reason for the decision"), "As asked");
    await userEvent.click(screen.getByRole("button", { name: "Resolve withdrawal" }));
    await screen.findByText("the dashboard");
  });
});
