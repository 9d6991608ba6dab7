import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ChainVerification, ConsentHistory, eventText, linksHold } from "./ConsentHistory";

const ZERO = "0".repeat(64);
const A = "a".repeat(64);
const B = "b".repeat(64);

describe("a consent's history", () => {
  it("shows each entry oldest first with its event in words, who, the state change and the reason", () => {
    render(
      <ConsentHistory
        entries={[
          { seq: 1, event: "recorded", to: "ACTIVE", actor: "caseworker", at: "2026-03-03T14:05:00Z", hash: A, prevHash: ZERO },
          {
            seq: 2,
            event: "withdrawn",
            from: "ACTIVE",
            to: "WITHDRAWN",
            actor: "caseworker",
            at: "2026-03-10T09:00:00Z",
            reason: "changed their mind",
            hash: B,
            prevHash: A,
          },
        ]}
      />,
    );
    const items = screen.getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]?.textContent).toContain("1. Recorded");
    expect(items[0]?.textContent).toContain("3 March 2026 at 14:05 by caseworker — now ACTIVE");
    expect(items[1]?.textContent).toContain("2. Withdrawn");
    expect(items[1]?.textContent).toContain("ACTIVE to WITHDRAWN");
    expect(items[1]?.textContent).toContain("Reason: changed their mind");
    expect(items[1]?.textContent).toContain(`after ${A.slice(0, 12)}`);
  });

  it("names the service's events in words and any other code as sent", () => {
    expect(eventText("withdrawal-referred-to-dpo")).toBe("Late withdrawal referred to the DPO");
    expect(eventText("RECORDED")).toBe("Recorded");
    expect(eventText("something-new")).toBe("Something new");
  });

  it("sees whether each entry names the hash before it", () => {
    expect(linksHold([{ hash: A, prevHash: ZERO }, { hash: B, prevHash: A }])).toBe(true);
    expect(linksHold([{ hash: A, prevHash: ZERO }, { hash: B, prevHash: B }])).toBe(false);
  });

  it("shows a verified chain plainly and a broken one as an alert with the service's findings", () => {
    const { unmount } = render(<ChainVerification verification={{ valid: true, entries: 3, problems: [] }} />);
    expect(screen.getByTestId("chain-verification").textContent).toContain("Chain verified");
    expect(screen.getByTestId("chain-verification").textContent).toContain("All 3 history entries");
    unmount();
    render(<ChainVerification verification={{ valid: false, entries: 3, problems: ["entry 2: hash does not match"] }} />);
    expect(screen.getByRole("alert").textContent).toContain("Chain broken");
    expect(screen.getByRole("alert").textContent).toContain("entry 2: hash does not match");
  });
});
