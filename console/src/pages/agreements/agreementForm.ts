import type { components } from "../../api/schema";

type Content = components["schemas"]["AgreementContent"];
type PartyRole = components["schemas"]["PartyRole"];
type CategoryKind = components["schemas"]["CategoryKind"];
type Frequency = components["schemas"]["TransferFrequency"];

/** What the draft form holds, as typed (kept as typed when the API refuses it). */
export interface AgreementFormValues {
  reference: string;
  title: string;
  summary: string;
  parties: string;
  purposes: string;
  dataCategories: string;
  dataSubjects: string;
  lawfulBases: string;
  methods: string;
  frequency: string;
  consentRequired: boolean;
  consentNotice: string;
  linkedNotices: string;
  retentionPeriod: string;
  destruction: string;
  reviewCycleMonths: string;
  startDate: string;
  endDate: string;
}

export const EMPTY_FORM: AgreementFormValues = {
  reference: "",
  title: "",
  summary: "",
  parties: "",
  purposes: "",
  dataCategories: "",
  dataSubjects: "",
  lawfulBases: "",
  methods: "",
  frequency: "ON_REQUEST",
  consentRequired: false,
  consentNotice: "",
  linkedNotices: "",
  retentionPeriod: "",
  destruction: "",
  reviewCycleMonths: "12",
  startDate: "",
  endDate: "",
};

export const PARTY_ROLES: readonly PartyRole[] = ["CONTROLLER", "JOINT_CONTROLLER", "PROCESSOR", "RECIPIENT"];
const KINDS: readonly CategoryKind[] = ["PERSONAL", "SPECIAL", "CRIMINAL"];
export const FREQUENCIES: readonly Frequency[] = [
  "CONTINUOUS",
  "ON_REQUEST",
  "DAILY",
  "WEEKLY",
  "MONTHLY",
  "QUARTERLY",
  "ANNUALLY",
  "ONE_OFF",
];

/** The form's field for each field of the request, so that a refused field's message shows beside what was typed. */
export function formFieldOf(apiField: string): keyof AgreementFormValues | undefined {
  const path = apiField.replace(/^[a-z]+\.request\./, "").replace(/\[\d+\]/g, "");
  const direct: Record<string, keyof AgreementFormValues> = {
    reference: "reference",
    "content.title": "title",
    "content.summary": "summary",
    "content.parties": "parties",
    "content.purposes": "purposes",
    "content.dataCategories": "dataCategories",
    "content.dataSubjects": "dataSubjects",
    "content.lawfulBases": "lawfulBases",
    "content.transfer.methods": "methods",
    "content.transfer.frequency": "frequency",
    "content.consent.notice": "consentNotice",
    "content.linkedNotices": "linkedNotices",
    "content.retention.period": "retentionPeriod",
    "content.retention.destruction": "destruction",
    "content.reviewCycleMonths": "reviewCycleMonths",
    "content.startDate": "startDate",
    "content.endDate": "endDate",
  };
  for (let p = path; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
    if (direct[p]) return direct[p];
  }
  return undefined;
}

const lines = (text: string) =>
  text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The request's content from the form, or the fields that cannot make one (checked here only for what the form's
 * own shape needs: the API validates every rule again and its answers are shown beside the same fields).
 */
export function toContent(
  values: AgreementFormValues,
): { content: Content; errors?: undefined } | { content?: undefined; errors: Partial<Record<keyof AgreementFormValues, string>> } {
  const errors: Partial<Record<keyof AgreementFormValues, string>> = {};
  if (!values.reference.trim()) errors.reference = "Enter the agreement's reference";
  else if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{1,79}$/.test(values.reference.trim()))
    errors.reference = "A reference is 2 to 80 letters, digits, dots, dashes, slashes or underscores";
  if (!values.title.trim()) errors.title = "Enter a title";
  const parties: Content["parties"] = [];
  for (const line of values.parties.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [organisation, role, extra] = line.split(/\s+/);
    const upper = (role ?? "").toUpperCase() as PartyRole;
    if (!organisation || !PARTY_ROLES.includes(upper) || extra) {
      errors.parties = `Write each party as an organisation id then its role (${PARTY_ROLES.join(", ")}): "${line}"`;
      break;
    }
    parties.push({ organisation, role: upper });
  }
  if (!errors.parties && parties.length < 2) errors.parties = "Name at least two parties, one a line";
  const lawfulBases: Content["lawfulBases"] = [];
  for (const line of values.lawfulBases.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const [kind, basis, ...rest] = line.split(/\s+/);
    const upper = (kind ?? "").toUpperCase() as CategoryKind;
    if (!basis || !KINDS.includes(upper)) {
      errors.lawfulBases = `Write each lawful basis as PERSONAL, SPECIAL or CRIMINAL then its code: "${line}"`;
      break;
    }
    lawfulBases.push({ appliesTo: upper, basis, ...(rest.length ? { description: rest.join(" ") } : {}) });
  }
  if (!errors.lawfulBases && lawfulBases.length === 0) errors.lawfulBases = "Enter at least one lawful basis";
  const linkedNotices: NonNullable<Content["linkedNotices"]> = [];
  for (const item of lines(values.linkedNotices)) {
    const match = /^([a-z0-9]+(?:-[a-z0-9]+)*)\s*(?:v|:|\s)\s*(\d+)$/.exec(item);
    if (!match) {
      errors.linkedNotices = `Write each notice as its slug and version, e.g. what-it-means-to-me:1: "${item}"`;
      break;
    }
    linkedNotices.push({ slug: match[1]!, version: Number(match[2]) });
  }
  if (lines(values.purposes).length === 0) errors.purposes = "Enter at least one purpose";
  if (lines(values.dataCategories).length === 0) errors.dataCategories = "Enter at least one data category";
  if (lines(values.dataSubjects).length === 0) errors.dataSubjects = "Enter who the data is about";
  if (lines(values.methods).length === 0) errors.methods = "Enter at least one transfer method";
  if (!FREQUENCIES.includes(values.frequency as Frequency)) errors.frequency = "Choose how often data passes";
  if (values.consentRequired && !values.consentNotice.trim())
    errors.consentNotice = "Enter the notice the consent is given under";
  if (!values.retentionPeriod.trim()) errors.retentionPeriod = "Enter how long the data is kept";
  if (!values.destruction.trim()) errors.destruction = "Enter how the data is destroyed";
  const months = Number(values.reviewCycleMonths);
  if (!/^\d+$/.test(values.reviewCycleMonths.trim()) || months < 1 || months > 60)
    errors.reviewCycleMonths = "Enter the months between reviews, from 1 to 60";
  if (!DATE.test(values.startDate)) errors.startDate = "Enter the start date as YYYY-MM-DD";
  if (values.endDate && !DATE.test(values.endDate)) errors.endDate = "Enter the end date as YYYY-MM-DD";
  else if (values.endDate && DATE.test(values.startDate) && values.endDate < values.startDate)
    errors.endDate = "The end date must be on or after the start date";
  if (Object.keys(errors).length > 0) return { errors };
  return {
    content: {
      title: values.title.trim(),
      ...(values.summary.trim() ? { summary: values.summary.trim() } : {}),
      parties,
      purposes: lines(values.purposes),
      dataCategories: lines(values.dataCategories),
      dataSubjects: values.dataSubjects
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean),
      lawfulBases,
      ...(linkedNotices.length ? { linkedNotices } : {}),
      consent: {
        required: values.consentRequired,
        ...(values.consentNotice.trim() ? { notice: values.consentNotice.trim() } : {}),
      },
      transfer: { methods: lines(values.methods), frequency: values.frequency as Frequency },
      retention: { period: values.retentionPeriod.trim(), destruction: values.destruction.trim() },
      reviewCycleMonths: months,
      startDate: values.startDate,
      ...(values.endDate ? { endDate: values.endDate } : {}),
    },
  };
}

/** The form's values for a draft's content, to change it (the inverse of toContent). */
export function formOf(reference: string, content: Content): AgreementFormValues {
  return {
    reference,
    title: content.title,
    summary: content.summary ?? "",
    parties: content.parties.map((p) => `${p.organisation} ${p.role}`).join("\n"),
    purposes: content.purposes.join("\n"),
    dataCategories: content.dataCategories.join("\n"),
    dataSubjects: content.dataSubjects.join("\n"),
    lawfulBases: content.lawfulBases
      .map((b) => [b.appliesTo, b.basis, b.description].filter(Boolean).join(" "))
      .join("\n"),
    methods: content.transfer.methods.join("\n"),
    frequency: content.transfer.frequency,
    consentRequired: content.consent.required,
    consentNotice: content.consent.notice ?? "",
    linkedNotices: (content.linkedNotices ?? []).map((n) => `${n.slug}:${n.version}`).join("\n"),
    retentionPeriod: content.retention.period,
    destruction: content.retention.destruction,
    reviewCycleMonths: String(content.reviewCycleMonths),
    startDate: content.startDate,
    endDate: content.endDate ?? "",
  };
}

/**
 * A draft's content keeps what the form does not show (security requirements, legal framework, access limit, the
 * transfer's description and forbidden methods, the statute of a lawful basis): the form's answers replace only
 * what it shows.
 */
export function mergeContent(previous: Content, edited: Content): Content {
  const statute = new Map(previous.lawfulBases.map((b) => [`${b.appliesTo} ${b.basis}`, b.statute]));
  const kept: Partial<Content> = {};
  if (previous.securityRequirements) kept.securityRequirements = previous.securityRequirements;
  if (previous.legalFramework) kept.legalFramework = previous.legalFramework;
  if (previous.accessLimit) kept.accessLimit = previous.accessLimit;
  return {
    ...kept,
    ...edited,
    lawfulBases: edited.lawfulBases.map((b) => {
      const s = statute.get(`${b.appliesTo} ${b.basis}`);
      return s ? { ...b, statute: s } : b;
    }),
    transfer: {
      ...(previous.transfer.description ? { description: previous.transfer.description } : {}),
      ...(previous.transfer.forbiddenMethods ? { forbiddenMethods: previous.transfer.forbiddenMethods } : {}),
      ...edited.transfer,
    },
    consent: {
      ...(previous.consent.description ? { description: previous.consent.description } : {}),
      ...edited.consent,
    },
  };
}
