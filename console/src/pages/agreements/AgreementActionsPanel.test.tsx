import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import createClient from "openapi-fetch";
import { describe, expect, it, vi } from "vitest";
import { ApiContext } from "../../api/ApiContext";
import type { paths } from "../../api/schema";
import { AuthContext } from "../../auth/AuthContext";
import type { Person, Role } from "../../auth/roles";
import { AgreementActionsPanel } from "./AgreementActionsPanel";
import type { Agreement } from "./agreementActions";

const active: Agreement = {
  id: "f94e19f8-73fe-483e-abd0-74451821cf81",
  state: "ACTIVE",
  version: 1,
  versionState: "ACTIVE",
  parties: [{ organisation: "luton-council", role: "CONTROLLER", signed: true }],
  versions: [{ number: 1, state: "ACTIVE" }],
};

function renderPanel(roles: Role[], answer: (request: Request) => Response) {
  const requests: Request[] = [];
  const fetch = async (request: Request) => {
    requests.push(request.clone());
    return answer(request);
  };
  const person: Person = { name: "Dana", organisation: "luton-council", roles: new Set(roles) };
  const onChanged = vi.fn();
  render(
    <AuthContext.Provider value={{ person, accessToken: () => "t", signIn: async () => {}, signOut: async () => {} }}>
      <ApiContext.Provider value={createClient<paths>({ baseUrl: "http://suite.test/", fetch })}>
        <AgreementActionsPanel agreement={active} open={undefined} etag={'"3"'} onChanged={onChanged} />
      </ApiContext.Provider>
    </AuthContext.Provider>,
  );
  return { requests, onChanged };
}

describe("AgreementActionsPanel", () => {
  it("shows an auditor nothing to do", () => {
    renderPanel(["auditor"], () => Response.json({}));
    expect(screen.queryByRole("heading", { name: "What you can do" })).toBeNull();
    expect(screen.queryByRole("button")).toBeNull();
  });

  it("suspends with the reason, the agreement's ETag and one Idempotency-Key across a retry", async () => {
    let calls = 0;
    const { requests, onChanged } = renderPanel(["dpo"], () =>
      ++calls === 1
        ? Response.json({ status: 503, title: "Service Unavailable", requestId: "r-1" }, { status: 503 })
        : Response.json({ ...active, state: "SUSPENDED" }),
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Suspend" }));
    await user.click(screen.getByRole("button", { name: /Confirm: suspend/ }));
    expect(screen.getByText("Enter why it is suspended", { exact: false })).toBeTruthy();
    expect(requests).toHaveLength(0);

    await user.type(screen.getByLabelText("Why it is suspended"), "The school reported a breach");
    await user.click(screen.getByRole("button", { name: /Confirm: suspend/ }));
    expect(await screen.findByText(/A service of the suite is not answering/)).toBeTruthy();
    expect(screen.getByText("r-1")).toBeTruthy();
    // what was typed is kept; the retry is the same attempt
    expect((screen.getByLabelText("Why it is suspended") as HTMLTextAreaElement).value).toBe("The school reported a breach");
    await user.click(screen.getByRole("button", { name: /Confirm: suspend/ }));
    await vi.waitFor(() => expect(onChanged).toHaveBeenCalledWith("The agreement is suspended."));

    expect(requests).toHaveLength(2);
    for (const request of requests) {
      expect(new URL(request.url).pathname).toBe(`/api/agreements/${active.id}/suspend`);
      expect(request.headers.get("If-Match")).toBe('"3"');
      expect(await request.json()).toEqual({ reason: "The school reported a breach" });
    }
    const keys = requests.map((r) => r.headers.get("Idempotency-Key"));
    expect(keys[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(keys[1]).toBe(keys[0]);
  });
});
