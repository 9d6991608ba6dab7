/** The realm's roles (DESIGN.md, roles), as the token's `groups` claim carries them. */
export type Role = "dpo" | "notice-editor" | "caseworker" | "researcher" | "partner" | "auditor" | "integration";

export const ROLE_NAMES: Record<Role, string> = {
  dpo: "Data protection officer",
  "notice-editor": "Notice editor",
  caseworker: "Caseworker",
  researcher: "Researcher",
  partner: "Partner organisation",
  auditor: "Auditor",
  integration: "Integration",
};

/** Who signed in: name, organisation and roles, read from the ID token's claims (the API checks them again). */
export interface Person {
  name: string;
  organisation: string | undefined;
  roles: ReadonlySet<Role>;
}

export function hasAny(person: Person | undefined, ...roles: Role[]): boolean {
  return person !== undefined && roles.some((role) => person.roles.has(role));
}

/** What each area of the console needs; a role not listed does not see the area's links or pages. */
export const AREAS = {
  dashboard: ["dpo", "auditor"],
  notices: ["dpo", "notice-editor", "auditor"],
  editNotices: ["dpo", "notice-editor"],
  publishNotices: ["dpo", "notice-editor"],
  retireNotices: ["dpo"],
  children: ["caseworker", "dpo", "auditor"],
  recordConsent: ["caseworker", "dpo"],
  findChild: ["caseworker", "dpo"],
  verifyHistory: ["caseworker", "dpo", "auditor"],
  importConsents: ["dpo"],
  agreements: ["dpo", "partner", "researcher", "auditor"],
  manageAgreements: ["dpo"],
  subjectAccess: ["dpo", "auditor"],
  accessLog: ["dpo", "auditor"],
  webhooks: ["dpo"],
  resolveWithdrawals: ["dpo"],
} as const satisfies Record<string, readonly Role[]>;

export type Area = keyof typeof AREAS;

export function may(person: Person | undefined, area: Area): boolean {
  return hasAny(person, ...AREAS[area]);
}

export function personFrom(claims: Record<string, unknown>): Person {
  const groups = Array.isArray(claims.groups) ? claims.groups.filter((g): g is string => typeof g === "string") : [];
  const known = new Set<string>(Object.keys(ROLE_NAMES));
  const name =
    (typeof claims.name === "string" && claims.name) ||
    (typeof claims.preferred_username === "string" && claims.preferred_username) ||
    "signed in";
  return {
    name,
    organisation: typeof claims.org === "string" ? claims.org : undefined,
    roles: new Set(groups.filter((g) => known.has(g)) as Role[]),
  };
}
