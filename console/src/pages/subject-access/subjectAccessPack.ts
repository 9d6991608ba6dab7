import type { ApiClient } from "../../api/client";
import { unwrap } from "../../api/client";
import { plainWords } from "../../api/problem";
import type { components } from "../../api/schema";

type Schemas = components["schemas"];

/** Everything the three services hold about one child, as assembled for a subject access request. */
export interface SubjectAccessPack {
  /** What this file is, for whoever opens it later. */
  kind: "subject-access-pack";
  generatedAt: string;
  generatedBy: string | undefined;
  askedFor: string;
  subject: Schemas["Subject"] | { id: string };
  noticesShown: Schemas["NoticeVersion"][];
  consents: { record: Schemas["ConsentRecord"]; history: Schemas["HistoryEntry"][] }[];
  disclosures: Schemas["Disclosure"][];
  decisions: Schemas["SharingDecision"][];
  /** What could not be read, in plain words: the pack says so rather than look complete. */
  notRead: string[];
}

export const IDENTIFIER_SYSTEMS = [
  { value: "nhs-number", text: "NHS number" },
  { value: "upn", text: "Unique pupil number (UPN)" },
  { value: "case-management-id", text: "Case-management id" },
  { value: "ni-number", text: "National Insurance number" },
  { value: "subject-id", text: "The suite's internal subject id" },
] as const;

export type IdentifierSystem = (typeof IDENTIFIER_SYSTEMS)[number]["value"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** NHS numbers carry a modulus 11 check digit (NHS Data Dictionary). */
export function nhsNumberValid(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 9).reduce((total, d, i) => total + d * (10 - i), 0);
  const check = 11 - (sum % 11);
  if (check === 10) return false;
  return (check === 11 ? 0 : check) === digits[9];
}

/** The identifier as the API asks for it (system:value), or what is wrong with what was typed. */
export function identifierOf(system: IdentifierSystem, typed: string): { identifier: string } | { error: string } {
  const value = typed.replace(/\s+/g, "").trim();
  if (!value) return { error: "Enter the child's identifier" };
  switch (system) {
    case "nhs-number":
      return nhsNumberValid(value)
        ? { identifier: `nhs-number:${value}` }
        : { error: "An NHS number is 10 digits and its last digit checks the others: check it was typed correctly" };
    case "upn":
      return /^[A-Z]\d{11}[0-9A-Z]$/i.test(value)
        ? { identifier: `upn:${value.toUpperCase()}` }
        : { error: "A UPN is 13 characters: a check letter, 11 digits, then a digit or letter" };
    case "ni-number":
      return /^[A-Z]{2}\d{6}[A-D]$/i.test(value)
        ? { identifier: `ni-number:${value.toUpperCase()}` }
        : { error: "A National Insurance number is 2 letters, 6 digits and a letter from A to D" };
    case "subject-id":
      return UUID.test(value) ? { identifier: value.toLowerCase() } : { error: "An internal id looks like 3f1c…-…: 36 characters" };
    default:
      return value.length <= 80 ? { identifier: `${system}:${value}` } : { error: "An identifier is at most 80 characters" };
  }
}

/** Reads every page of a paged list (pages from 0, at most 100 items each). */
export async function allPages<T>(
  read: (page: number) => Promise<{ items?: T[]; totalPages?: number }>,
  limit = 50,
): Promise<T[]> {
  const items: T[] = [];
  for (let page = 0; page < limit; page++) {
    const result = await read(page);
    items.push(...(result.items ?? []));
    if (page + 1 >= (result.totalPages ?? 0)) break;
  }
  return items;
}

/** The notice versions the child's consents are pinned to: what they were shown, one each. */
export function noticeVersionsOf(consents: Schemas["ConsentRecord"][]): { slug: string; version: number }[] {
  const seen = new Map<string, { slug: string; version: number }>();
  for (const c of consents) {
    if (c.notice?.slug && c.notice.version !== undefined) {
      seen.set(`${c.notice.slug}:${c.notice.version}`, { slug: c.notice.slug, version: c.notice.version });
    }
  }
  return [...seen.values()].sort((a, b) => a.slug.localeCompare(b.slug) || a.version - b.version);
}

/** The file a downloaded pack is saved as. */
export function packFileName(pack: Pick<SubjectAccessPack, "askedFor" | "generatedAt">): string {
  const who = pack.askedFor.replace(/[^A-Za-z0-9-]+/g, "-");
  return `subject-access-${who}-${pack.generatedAt.slice(0, 10)}.json`;
}

/**
 * Assembles the pack from the three services: the subject and their consents with each one's history
 * (consent-service), the notice versions those consents pin (notice-service), and the disclosures about the child
 * with the decisions they were made under (sharing-agreement-service). A part that cannot be read is listed in
 * notRead, so the pack never looks complete when it is not.
 */
export async function assemblePack(
  api: ApiClient,
  askedFor: string,
  generatedBy: string | undefined,
  now: () => Date = () => new Date(),
): Promise<SubjectAccessPack> {
  const notRead: string[] = [];
  const subject: Schemas["Subject"] | { id: string } = UUID.test(askedFor)
    ? { id: askedFor }
    : (await unwrap(api.GET("/api/subjects", { params: { query: { identifier: askedFor } } }))).data;
  const id = subject.id ?? "";
  const records = await allPages(async (page) =>
    (await unwrap(api.GET("/api/subjects/{id}/consents", { params: { path: { id }, query: { page, size: 100 } } }))).data,
  );
  const consents = await Promise.all(
    records.map(async (record) => {
      try {
        const history = (await unwrap(api.GET("/api/consents/{id}/history", { params: { path: { id: record.id ?? "" } } })))
          .data;
        return { record, history };
      } catch (e) {
        notRead.push(`The history of consent ${record.id}: ${plainWords(e)}`);
        return { record, history: [] };
      }
    }),
  );
  const noticesShown: Schemas["NoticeVersion"][] = [];
  for (const { slug, version } of noticeVersionsOf(records)) {
    try {
      noticesShown.push(
        (await unwrap(api.GET("/api/notices/{slug}/versions/{number}", { params: { path: { slug, number: version } } })))
          .data,
      );
    } catch (e) {
      notRead.push(`Notice ${slug} version ${version}: ${plainWords(e)}`);
    }
  }
  const identifiers =
    "identifiers" in subject ? (subject.identifiers ?? []).map((i) => `${i.system}:${i.value}`) : [];
  if (identifiers.length === 0) {
    notRead.push("Disclosures and sharing decisions: they are found by the child's identifiers, which were not available.");
  }
  const disclosures = new Map<string, Schemas["Disclosure"]>();
  for (const identifier of identifiers) {
    try {
      const found = await allPages(async (page) =>
        (await unwrap(api.GET("/api/disclosures", { params: { query: { subject: identifier, page, size: 100 } } }))).data,
      );
      for (const d of found) disclosures.set(d.id ?? `${disclosures.size}`, d);
    } catch (e) {
      notRead.push(`Disclosures about ${identifier}: ${plainWords(e)}`);
    }
  }
  const sorted = [...disclosures.values()].sort((a, b) => (a.disclosedAt ?? "").localeCompare(b.disclosedAt ?? ""));
  const decisions: Schemas["SharingDecision"][] = [];
  for (const decisionId of new Set(sorted.map((d) => d.decisionId).filter((x): x is string => Boolean(x)))) {
    try {
      decisions.push((await unwrap(api.GET("/api/sharing-decisions/{id}", { params: { path: { id: decisionId } } }))).data);
    } catch (e) {
      notRead.push(`Sharing decision ${decisionId}: ${plainWords(e)}`);
    }
  }
  return {
    kind: "subject-access-pack",
    generatedAt: now().toISOString(),
    generatedBy,
    askedFor,
    subject,
    noticesShown,
    consents,
    disclosures: sorted,
    decisions,
    notRead,
  };
}
