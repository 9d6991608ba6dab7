import { render, screen, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it } from "vitest";
import { TimelineList } from "./ReviewTimeline";
import { fromDeadlines, londonToday, timeline, when } from "./timeline";

const agreement = (id: string, state: string, nextReviewOn?: string, endDate?: string) =>
  ({ id, reference: `ISA-${id}`, title: `Agreement ${id}`, state, nextReviewOn, endDate }) as Parameters<
    typeof timeline
  >[0][number];

describe("the review and access-window timeline", () => {
  const today = "2026-12-03";
  const agreements = [
    agreement("a", "ACTIVE", "2026-12-13", "2027-06-01"),
    agreement("b", "ACTIVE", "2026-11-30", "2027-02-20"),
    agreement("c", "SUSPENDED", undefined, "2027-01-25"),
    agreement("d", "TERMINATED", "2026-12-05", "2026-12-06"),
    agreement("e", "DRAFT", "2026-12-04"),
  ];

  it("keeps what falls due within the horizon, overdue first, and ignores agreements no longer in force", () => {
    const in30 = timeline(agreements, today, 30);
    expect(in30.map((e) => `${e.agreementId}:${e.kind}:${e.inDays}`)).toEqual(["b:review:-3", "a:review:10"]);
    expect(in30[0]?.overdue).toBe(true);
    expect(in30[1]?.overdue).toBe(false);
  });

  it("widens with the horizon", () => {
    expect(timeline(agreements, today, 60).map((e) => e.agreementId + e.kind)).toEqual(["breview", "areview", "cend"]);
    expect(timeline(agreements, today, 90).map((e) => e.agreementId + e.kind)).toEqual([
      "breview",
      "areview",
      "cend",
      "bend",
    ]);
  });

  it("takes the summary's deadlines as they come, overdue reviews first", () => {
    const entries = fromDeadlines([
      { id: "x", reference: "ISA-X", title: "X", state: "ACTIVE", kind: "ACCESS_WINDOW_ENDS", date: "2026-12-20", daysFromNow: 17 },
      { id: "y", reference: "ISA-Y", title: "Y", state: "ACTIVE", kind: "REVIEW_DUE", date: "2026-11-28", daysFromNow: -5 },
      { id: "z", reference: "ISA-Z", title: "Z", state: "SUSPENDED", kind: "EXPIRES", date: "2027-01-10", daysFromNow: 38 },
    ]);
    expect(entries.map((e) => `${e.agreementId}:${e.kind}:${e.overdue}`)).toEqual([
      "y:review:true",
      "x:window:false",
      "z:end:false",
    ]);
  });

  it("says when in words", () => {
    expect(when({ inDays: 0 })).toBe("today");
    expect(when({ inDays: 1 })).toBe("tomorrow");
    expect(when({ inDays: 12 })).toBe("in 12 days");
    expect(when({ inDays: -1 })).toBe("1 day overdue");
    expect(when({ inDays: -4 })).toBe("4 days overdue");
  });

  it("counts days as London does", () => {
    expect(londonToday(new Date("2026-07-01T23:30:00Z"))).toBe("2026-07-02");
    expect(londonToday(new Date("2026-12-03T23:30:00Z"))).toBe("2026-12-03");
  });

  it("renders overdue entries distinctly, with a link to the agreement", () => {
    render(
      <MemoryRouter>
        <TimelineList entries={timeline(agreements, today, 30)} />
      </MemoryRouter>,
    );
    const items = within(screen.getByRole("list", { name: /soonest first/ })).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]?.className).toContain("app-timeline__item--overdue");
    expect(within(items[0]!).getByText("Overdue")).toBeTruthy();
    expect(items[1]?.className).not.toContain("overdue");
    expect(within(items[1]!).getByRole("link", { name: "ISA-a" }).getAttribute("href")).toBe("/agreements/a");
  });

  it("says so when nothing falls due", () => {
    render(
      <MemoryRouter>
        <TimelineList entries={[]} />
      </MemoryRouter>,
    );
    expect(screen.getByText(/No reviews or access windows/)).toBeTruthy();
  });
});
