import type { components } from "../../api/schema";

export type NoticeContent = components["schemas"]["NoticeContent"];
export type LocalisedText = components["schemas"]["LocalisedText"];
export type NoticeSection = components["schemas"]["NoticeSection"];

/** The first content of a new notice: one empty row where the content needs at least one. */
export function blankContent(): NoticeContent {
  return {
    defaultLocale: "en",
    locales: { en: blankLocale() },
    controllers: [{ name: "", role: "CONTROLLER" }],
    dpo: { description: "" },
    purposes: [{ code: "", description: "" }],
    dataCategories: [],
    sources: [{ description: "" }],
    lawfulBases: [{ appliesTo: "PERSONAL", basis: "", description: "" }],
    recipients: [],
    internationalTransfers: { occurs: false },
    retention: { description: "" },
    automatedDecisionMaking: { used: false, description: "No automated decisions are made." },
    rights: [],
  };
}

export function blankLocale(): LocalisedText {
  return { title: "", summary: "", sections: [{ id: "", heading: "", body: "" }], childSummary: [] };
}

/** A section's id when none was given: its heading in lower-case words joined by hyphens (the API's pattern). */
export function sectionId(heading: string, index: number): string {
  const words = heading
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return words || `section-${index + 1}`;
}

/**
 * The content as the API takes it: text left empty is left out (an optional value absent, a required one named as
 * missing by the API beside its field), empty list rows dropped, and sections given ids from their headings.
 */
export function forRequest(content: NoticeContent): NoticeContent {
  const pruned = prune(content) as NoticeContent;
  for (const text of Object.values(pruned.locales ?? {})) {
    text.sections = withIds(text.sections);
    if (text.childSummary) text.childSummary = withIds(text.childSummary);
  }
  return pruned;
}

function withIds(sections: NoticeSection[] | undefined): NoticeSection[] {
  const used = new Set<string>();
  return (sections ?? []).map((section, i) => {
    let id = section.id || sectionId(section.heading ?? "", i);
    while (used.has(id)) id = `${id}-${i + 1}`;
    used.add(id);
    return { ...section, id };
  });
}

function prune(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(prune).filter((item) => item !== undefined && !isEmptyRow(item));
  }
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const kept = prune(item);
      if (kept !== undefined) out[key] = kept;
    }
    return out;
  }
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : trimmed;
  }
  return value;
}

/** A list row whose every text was left empty (its enum choices alone do not make it a row). */
function isEmptyRow(item: unknown): boolean {
  if (typeof item !== "object" || item === null || Array.isArray(item)) return false;
  const values = Object.entries(item);
  const texts = values.filter(([, v]) => typeof v === "string" && !/^[A-Z_]+$/.test(v));
  return texts.length === 0 && values.every(([, v]) => typeof v === "string" || typeof v === "boolean");
}

/** A copy of a list with one item replaced. */
export function replaced<T>(list: readonly T[], index: number, item: T): T[] {
  return list.map((old, i) => (i === index ? item : old));
}

/** A copy of a list without one item. */
export function without<T>(list: readonly T[], index: number): T[] {
  return list.filter((_, i) => i !== index);
}

/** A copy of a list with a code added or taken away (checkboxes). */
export function toggled(list: readonly string[] | undefined, code: string, on: boolean): string[] {
  const rest = (list ?? []).filter((c) => c !== code);
  return on ? [...rest, code] : rest;
}
