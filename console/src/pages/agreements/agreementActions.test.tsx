import { describe, expect, it } from "vitest";
import type { Person, Role } from "../../auth/roles";
import { availableActions, type Agreement } from "./agreementActions";

const person = (organisation: string, ...roles: Role[]): Person => ({ name: "someone", organisation, roles: new Set(roles) });
const dpo = person("luton-council", "dpo");
const school = person("luton-schools", "partner");
const auditor = person("luton-council", "auditor");

const parties = (signed: boolean[]) =>
  ["luton-council", "luton-schools"].map((organisation, i) => ({ organisation, role: "CONTROLLER" as const, signed: signed[i] }));

const agreement = (over: Partial<Agreement>): Agreement => ({
  id: "f94e19f8-73fe-483e-abd0-74451821cf81",
  state: "ACTIVE",
  version: 1,
  versionState: "ACTIVE",
  parties: parties([true, true]),
  versions: [{ number: 1, state: "ACTIVE" }],
  ...over,
});

describe("availableActions", () => {
  it("offers the DPO the lifecycle of an active agreement", () => {
    expect(availableActions(agreement({}), undefined, dpo)).toEqual(["review", "suspend", "vary", "terminate"]);
  });

  it("offers nothing to an auditor, nor to a partner that has signed", () => {
    expect(availableActions(agreement({}), undefined, auditor)).toEqual([]);
    expect(availableActions(agreement({}), undefined, school)).toEqual([]);
  });

  it("offers the DPO to put a draft up for signature, and no variation while one is open", () => {
    const draft = agreement({
      state: "DRAFT",
      versionState: "DRAFT",
      openVersion: 1,
      parties: parties([false, false]),
      versions: [{ number: 1, state: "DRAFT" }],
    });
    expect(availableActions(draft, undefined, dpo)).toEqual(["submit", "terminate"]);
    expect(availableActions(draft, undefined, school)).toEqual([]);
  });

  it("offers a signature to a party that has not signed the version up for signature, and only to it", () => {
    const pending = agreement({
      state: "PENDING_SIGNATURE",
      versionState: "PENDING_SIGNATURE",
      openVersion: 1,
      parties: parties([true, false]),
      versions: [{ number: 1, state: "PENDING_SIGNATURE" }],
    });
    expect(availableActions(pending, undefined, school)).toEqual(["sign"]);
    expect(availableActions(pending, undefined, dpo)).toEqual(["terminate"]);
    expect(availableActions(pending, undefined, person("bedfordshire-police", "partner"))).toEqual([]);
  });

  it("reads a variation's signatures from the open version, not from the version in force", () => {
    const active = agreement({ openVersion: 2, versions: [{ number: 1, state: "ACTIVE" }, { number: 2, state: "PENDING_SIGNATURE" }] });
    const open = agreement({ version: 2, versionState: "PENDING_SIGNATURE", parties: parties([false, true]) });
    expect(availableActions(active, open, dpo)).toEqual(["sign", "review", "suspend", "terminate"]);
    expect(availableActions(active, open, school)).toEqual([]);
  });

  it("offers to bring back a suspended agreement, and a fully signed version", () => {
    expect(availableActions(agreement({ state: "SUSPENDED" }), undefined, dpo)).toEqual(["activate", "vary", "terminate"]);
    const signed = agreement({
      state: "PENDING_SIGNATURE",
      openVersion: 1,
      versions: [{ number: 1, state: "PENDING_SIGNATURE" }],
    });
    expect(availableActions(signed, undefined, dpo)).toContain("activate");
  });

  it("offers nothing on an agreement that has ended", () => {
    expect(availableActions(agreement({ state: "TERMINATED" }), undefined, dpo)).toEqual([]);
    expect(availableActions(agreement({ state: "EXPIRED" }), undefined, dpo)).toEqual([]);
  });
});
