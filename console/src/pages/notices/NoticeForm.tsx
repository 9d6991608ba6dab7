import { useState, type ReactNode } from "react";
import type { components } from "../../api/schema";
import { Field } from "../../components/Field";
import { blankLocale, replaced, toggled, without, type LocalisedText, type NoticeContent, type NoticeSection } from "./content";

export type Vocabulary = components["schemas"]["Vocabulary"];
type DataKind = components["schemas"]["DataKind"];

const KINDS: { kind: DataKind; text: string }[] = [
  { kind: "PERSONAL", text: "Personal data (Article 6)" },
  { kind: "SPECIAL", text: "Special category data (Article 9)" },
  { kind: "CRIMINAL", text: "Criminal offence data (Article 10)" },
];

/** The form fields that problems can be shown beside (violations.ts finds the nearest one for a path). */
export function shownFields(content: NoticeContent, withSlug: boolean): Set<string> {
  const fields = [
    "defaultLocale",
    "locales",
    "dataCategories",
    "purposes",
    "lawfulBases",
    "controllers",
    "recipients",
    "sources",
    "rights",
    "retention",
    "dpo",
    "internationalTransfers",
    "automatedDecisionMaking",
  ];
  for (const lang of Object.keys(content.locales ?? {})) {
    fields.push(`locales.${lang}`, `locales.${lang}.title`, `locales.${lang}.summary`);
    fields.push(`locales.${lang}.sections`, `locales.${lang}.childSummary`);
  }
  if (withSlug) fields.push("slug");
  return new Set(fields);
}

/** The structured fields of a notice's content, as GOV.UK form controls; every change goes up through onChange. */
export function NoticeForm({
  content,
  onChange,
  errors,
  vocabulary,
}: {
  content: NoticeContent;
  onChange: (content: NoticeContent) => void;
  errors: Map<string, string[]>;
  vocabulary: Vocabulary;
}) {
  const set = <K extends keyof NoticeContent>(key: K, value: NoticeContent[K]) => onChange({ ...content, [key]: value });
  const locales = content.locales ?? {};
  const defaultLocale = content.defaultLocale ?? "en";
  const translations = Object.keys(locales).filter((lang) => lang !== defaultLocale);
  const setLocale = (lang: string, text: LocalisedText) => set("locales", { ...locales, [lang]: text });

  return (
    <>
      <h2 className="govuk-heading-m">The notice's text</h2>
      <Field name="defaultLocale" label="Language of the authoritative text" hint="A language code, for example en" errors={errors.get("defaultLocale")}>
        {(p) => (
          <input
            className={`govuk-input govuk-input--width-5${p.invalid ? " govuk-input--error" : ""}`}
            id={p.id}
            aria-describedby={p["aria-describedby"]}
            value={defaultLocale}
            onChange={(e) => {
              const lang = e.target.value;
              const { [defaultLocale]: text, ...rest } = locales;
              onChange({ ...content, defaultLocale: lang, locales: { ...rest, [lang]: text ?? blankLocale() } });
            }}
          />
        )}
      </Field>
      <ErrorsAt name="locales" errors={errors} />
      <LocaleFields lang={defaultLocale} text={locales[defaultLocale] ?? blankLocale()} onChange={(t) => setLocale(defaultLocale, t)} errors={errors} />

      <h2 className="govuk-heading-m">Translations</h2>
      {translations.length === 0 && <p className="govuk-body">No translations yet.</p>}
      {translations.map((lang) => (
        <div key={lang} className="app-notice-translation">
          <h3 className="govuk-heading-s">Translation: {lang}</h3>
          <LocaleFields lang={lang} text={locales[lang] ?? blankLocale()} onChange={(t) => setLocale(lang, t)} errors={errors} />
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() => {
              set("locales", Object.fromEntries(Object.entries(locales).filter(([l]) => l !== lang)));
            }}
          >
            Remove the {lang} translation
          </button>
        </div>
      ))}
      <AddTranslation existing={Object.keys(locales)} onAdd={(lang) => setLocale(lang, blankLocale())} />

      <h2 className="govuk-heading-m">What data, why, and on what basis</h2>
      <Group name="dataCategories" legend="Data categories" hint="Special category data needs an Article 9 condition; criminal offence data an Article 10 one." errors={errors}>
        <div className="govuk-checkboxes govuk-checkboxes--small app-notice-checkboxes" data-module="govuk-checkboxes">
          {(vocabulary.dataCategories ?? [])
            .filter((c) => !c.deprecated || content.dataCategories?.includes(c.code ?? ""))
            .map((c) => (
              <Checkbox
                key={c.code}
                id={`dataCategories-${c.code}`}
                label={`${c.label ?? c.code}${c.special ? " (special category)" : ""}${c.criminal ? " (criminal offence data)" : ""}`}
                checked={content.dataCategories?.includes(c.code ?? "") ?? false}
                onChange={(on) => set("dataCategories", toggled(content.dataCategories, c.code ?? "", on))}
              />
            ))}
        </div>
      </Group>

      <Group name="purposes" legend="Purposes" errors={errors}>
        {(content.purposes ?? []).map((purpose, i) => (
          <Row key={i} what="purpose" index={i} onRemove={() => set("purposes", without(content.purposes ?? [], i))}>
            <Select
              id={`purposes-${i}-code`}
              label="Purpose"
              value={purpose.code ?? ""}
              options={(vocabulary.purposes ?? []).map((t) => [t.code ?? "", t.label ?? t.code ?? ""])}
              onChange={(code) => set("purposes", replaced(content.purposes ?? [], i, { ...purpose, code }))}
            />
            <TextArea
              id={`purposes-${i}-description`}
              label="In the notice's words"
              value={purpose.description ?? ""}
              onChange={(description) => set("purposes", replaced(content.purposes ?? [], i, { ...purpose, description }))}
            />
          </Row>
        ))}
        <AddRow what="purpose" onAdd={() => set("purposes", [...(content.purposes ?? []), { code: "", description: "" }])} />
      </Group>

      <Group name="lawfulBases" legend="Lawful bases" hint="One row per kind of data: an Article 6 basis for personal data, an Article 9 condition for special category data, an Article 10 or Schedule 1 condition for criminal offence data." errors={errors}>
        {(content.lawfulBases ?? []).map((use, i) => {
          const bases = (vocabulary.lawfulBases ?? []).filter(
            (b) => (!b.deprecated || b.code === use.basis) && (!b.conditionFor || b.conditionFor.includes(use.appliesTo)),
          );
          const update = (changed: Partial<typeof use>) =>
            set("lawfulBases", replaced(content.lawfulBases ?? [], i, { ...use, ...changed }));
          return (
            <Row key={i} what="lawful basis" index={i} onRemove={() => set("lawfulBases", without(content.lawfulBases ?? [], i))}>
              <Select
                id={`lawfulBases-${i}-appliesTo`}
                label="For"
                value={use.appliesTo}
                options={KINDS.map((k) => [k.kind, k.text])}
                onChange={(appliesTo) => update({ appliesTo: appliesTo as DataKind })}
                noEmpty
              />
              <Select
                id={`lawfulBases-${i}-basis`}
                label="Basis or condition"
                value={use.basis ?? ""}
                options={bases.map((b) => [b.code ?? "", `${b.reference ?? ""} – ${b.label ?? b.code ?? ""}`])}
                onChange={(basis) => update({ basis })}
              />
              <TextArea id={`lawfulBases-${i}-description`} label="In the notice's words" value={use.description ?? ""} onChange={(description) => update({ description })} />
              <TextInput id={`lawfulBases-${i}-statute`} label="Statute relied on (optional)" value={use.statute ?? ""} onChange={(statute) => update({ statute })} />
            </Row>
          );
        })}
        <AddRow what="lawful basis" onAdd={() => set("lawfulBases", [...(content.lawfulBases ?? []), { appliesTo: "SPECIAL", basis: "", description: "" }])} />
      </Group>

      <Group name="rights" legend="Rights the notice explains" errors={errors}>
        <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
          {(vocabulary.rights ?? []).map((r) => (
            <Checkbox
              key={r.code}
              id={`rights-${r.code}`}
              label={r.label ?? r.code ?? ""}
              checked={content.rights?.includes(r.code ?? "") ?? false}
              onChange={(on) => set("rights", toggled(content.rights, r.code ?? "", on))}
            />
          ))}
        </div>
      </Group>

      <h2 className="govuk-heading-m">Who</h2>
      <Group name="controllers" legend="Controllers" errors={errors}>
        {(content.controllers ?? []).map((controller, i) => {
          const update = (changed: Partial<typeof controller>) =>
            set("controllers", replaced(content.controllers ?? [], i, { ...controller, ...changed }));
          return (
            <Row key={i} what="controller" index={i} onRemove={() => set("controllers", without(content.controllers ?? [], i))}>
              <TextInput id={`controllers-${i}-name`} label="Name" value={controller.name ?? ""} onChange={(name) => update({ name })} />
              <TextInput id={`controllers-${i}-organisationId`} label="Organisation id (optional)" value={controller.organisationId ?? ""} onChange={(organisationId) => update({ organisationId })} />
              <Select
                id={`controllers-${i}-role`}
                label="Role"
                value={controller.role}
                options={[["CONTROLLER", "Controller"], ["JOINT_CONTROLLER", "Joint controller"]]}
                onChange={(role) => update({ role: role as typeof controller.role })}
                noEmpty
              />
            </Row>
          );
        })}
        <AddRow what="controller" onAdd={() => set("controllers", [...(content.controllers ?? []), { name: "", role: "CONTROLLER" }])} />
      </Group>

      <Group name="recipients" legend="Recipients" errors={errors}>
        {(content.recipients ?? []).length === 0 && <p className="govuk-body">No recipients.</p>}
        {(content.recipients ?? []).map((recipient, i) => {
          const update = (changed: Partial<typeof recipient>) =>
            set("recipients", replaced(content.recipients ?? [], i, { ...recipient, ...changed }));
          return (
            <Row key={i} what="recipient" index={i} onRemove={() => set("recipients", without(content.recipients ?? [], i))}>
              <TextInput id={`recipients-${i}-name`} label="Name" value={recipient.name ?? ""} onChange={(name) => update({ name })} />
              <Select
                id={`recipients-${i}-organisationType`}
                label="Type of organisation"
                value={recipient.organisationType ?? ""}
                options={(vocabulary.organisationTypes ?? []).map((t) => [t.code ?? "", t.label ?? t.code ?? ""])}
                onChange={(organisationType) => update({ organisationType })}
              />
              <Select
                id={`recipients-${i}-role`}
                label="Role"
                value={recipient.role}
                options={[["RECIPIENT", "Recipient"], ["PROCESSOR", "Processor"], ["CONTROLLER", "Controller"], ["JOINT_CONTROLLER", "Joint controller"]]}
                onChange={(role) => update({ role: role as typeof recipient.role })}
                noEmpty
              />
            </Row>
          );
        })}
        <AddRow what="recipient" onAdd={() => set("recipients", [...(content.recipients ?? []), { name: "", organisationType: "", role: "RECIPIENT" }])} />
      </Group>

      <Group name="sources" legend="Where the data comes from" errors={errors}>
        {(content.sources ?? []).map((source, i) => (
          <Row key={i} what="source" index={i} onRemove={() => set("sources", without(content.sources ?? [], i))}>
            <TextInput id={`sources-${i}-description`} label="Source" value={source.description ?? ""} onChange={(description) => set("sources", replaced(content.sources ?? [], i, { description }))} />
          </Row>
        ))}
        <AddRow what="source" onAdd={() => set("sources", [...(content.sources ?? []), { description: "" }])} />
      </Group>

      <h2 className="govuk-heading-m">Keeping, contact and transfers</h2>
      <Group name="retention" legend="Retention" errors={errors}>
        <TextArea id="retention-description" label="How long the data is kept" value={content.retention?.description ?? ""} onChange={(description) => set("retention", { ...content.retention, description })} />
        <TextInput id="retention-period" label="Period (optional)" value={content.retention?.period ?? ""} onChange={(period) => set("retention", { description: content.retention?.description ?? "", period })} />
      </Group>
      <Group name="dpo" legend="Data protection officer" errors={errors}>
        <TextArea id="dpo-description" label="How to reach them" value={content.dpo?.description ?? ""} onChange={(description) => set("dpo", { ...content.dpo, description })} />
        <TextInput id="dpo-email" label="Email (optional)" value={content.dpo?.email ?? ""} onChange={(email) => set("dpo", { ...content.dpo, email })} />
      </Group>
      <Group name="internationalTransfers" legend="Transfers outside the UK" errors={errors}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <Checkbox id="internationalTransfers-occurs" label="Data is transferred outside the UK" checked={content.internationalTransfers?.occurs ?? false} onChange={(occurs) => set("internationalTransfers", { ...content.internationalTransfers, occurs })} />
        </div>
        <TextArea id="internationalTransfers-safeguards" label="Safeguards (optional)" value={content.internationalTransfers?.safeguards ?? ""} onChange={(safeguards) => set("internationalTransfers", { ...content.internationalTransfers, occurs: content.internationalTransfers?.occurs ?? false, safeguards })} />
      </Group>
      <Group name="automatedDecisionMaking" legend="Automated decision making" errors={errors}>
        <div className="govuk-checkboxes govuk-checkboxes--small">
          <Checkbox id="automatedDecisionMaking-used" label="Automated decisions or profiling are used" checked={content.automatedDecisionMaking?.used ?? false} onChange={(used) => set("automatedDecisionMaking", { ...content.automatedDecisionMaking, description: content.automatedDecisionMaking?.description ?? "", used })} />
        </div>
        <TextArea id="automatedDecisionMaking-description" label="Description" value={content.automatedDecisionMaking?.description ?? ""} onChange={(description) => set("automatedDecisionMaking", { ...content.automatedDecisionMaking, used: content.automatedDecisionMaking?.used ?? false, description })} />
      </Group>
      <KeptAsTheyAre content={content} />
    </>
  );
}

/** The parts of the content this form does not edit: kept unchanged, and said so. */
function KeptAsTheyAre({ content }: { content: NoticeContent }) {
  const names: [keyof NoticeContent, string][] = [
    ["consent", "consent terms"],
    ["accessTerms", "access terms"],
    ["legalFramework", "legal framework"],
    ["securityMeasures", "security measures"],
    ["transferMethods", "transfer methods"],
    ["dataSubjects", "data subjects"],
    ["sharingReasons", "sharing reasons"],
  ];
  const kept = names.filter(([key]) => content[key] !== undefined).map(([, text]) => text);
  if (kept.length === 0) return null;
  return (
    <div className="govuk-inset-text">
      Kept as they are from the previous version: {kept.join(", ")}. Change them through the API.
    </div>
  );
}

function LocaleFields({
  lang,
  text,
  onChange,
  errors,
}: {
  lang: string;
  text: LocalisedText;
  onChange: (text: LocalisedText) => void;
  errors: Map<string, string[]>;
}) {
  const at = `locales.${lang}`;
  return (
    <>
      <ErrorsAt name={at} errors={errors} />
      <Field name={`${at}.title`} label={`Title (${lang})`} errors={errors.get(`${at}.title`)}>
        {(p) => (
          <input
            className={`govuk-input${p.invalid ? " govuk-input--error" : ""}`}
            id={p.id}
            aria-describedby={p["aria-describedby"]}
            value={text.title ?? ""}
            onChange={(e) => onChange({ ...text, title: e.target.value })}
          />
        )}
      </Field>
      <Field name={`${at}.summary`} label={`Summary (${lang})`} errors={errors.get(`${at}.summary`)}>
        {(p) => (
          <textarea
            className={`govuk-textarea${p.invalid ? " govuk-textarea--error" : ""}`}
            id={p.id}
            rows={2}
            aria-describedby={p["aria-describedby"]}
            value={text.summary ?? ""}
            onChange={(e) => onChange({ ...text, summary: e.target.value })}
          />
        )}
      </Field>
      <Sections name={`${at}.sections`} legend={`Sections (${lang})`} sections={text.sections ?? []} onChange={(sections) => onChange({ ...text, sections })} errors={errors} />
      <Sections
        name={`${at}.childSummary`}
        legend={`Child-friendly summary (${lang})`}
        hint="The summary a child reads first, in plain words."
        sections={text.childSummary ?? []}
        onChange={(childSummary) => onChange({ ...text, childSummary })}
        errors={errors}
      />
    </>
  );
}

function Sections({
  name,
  legend,
  hint,
  sections,
  onChange,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  sections: NoticeSection[];
  onChange: (sections: NoticeSection[]) => void;
  errors: Map<string, string[]>;
}) {
  const prefix = name.replace(/\./g, "-");
  return (
    <Group name={name} legend={legend} hint={hint} errors={errors}>
      {sections.map((section, i) => (
        <Row key={i} what="section" index={i} onRemove={() => onChange(without(sections, i))}>
          <TextInput id={`${prefix}-${i}-heading`} label="Heading" value={section.heading ?? ""} onChange={(heading) => onChange(replaced(sections, i, { ...section, heading }))} />
          <TextArea id={`${prefix}-${i}-body`} label="Text" value={section.body ?? ""} onChange={(body) => onChange(replaced(sections, i, { ...section, body }))} rows={4} />
        </Row>
      ))}
      <AddRow what="section" onAdd={() => onChange([...sections, { id: "", heading: "", body: "" }])} />
    </Group>
  );
}

function AddTranslation({ existing, onAdd }: { existing: string[]; onAdd: (lang: string) => void }) {
  const [lang, setLang] = useState("");
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor="new-translation">
        Add a translation: language code
      </label>
      <div className="govuk-hint" id="new-translation-hint">
        For example cy for Welsh
      </div>
      <input
        className="govuk-input govuk-input--width-5"
        id="new-translation"
        aria-describedby="new-translation-hint"
        value={lang}
        onChange={(e) => setLang(e.target.value)}
      />
      <button
        type="button"
        className="govuk-button govuk-button--secondary govuk-!-margin-left-2 govuk-!-margin-bottom-0"
        onClick={() => {
          const code = lang.trim();
          if (code && !existing.includes(code)) {
            onAdd(code);
            setLang("");
          }
        }}
      >
        Add translation
      </button>
    </div>
  );
}

/** A GOV.UK fieldset for a list or group, with its errors; its id `field-<name>` is what the error summary links to. */
function Group({
  name,
  legend,
  hint,
  errors,
  children,
}: {
  name: string;
  legend: string;
  hint?: string | undefined;
  errors: Map<string, string[]>;
  children: ReactNode;
}) {
  const messages = errors.get(name);
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : "", messages?.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return (
    <div className={`govuk-form-group${messages?.length ? " govuk-form-group--error" : ""}`}>
      <fieldset className="govuk-fieldset" id={id} tabIndex={-1} {...(described ? { "aria-describedby": described } : {})}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {messages?.length ? (
          <p id={`${id}-error`} className="govuk-error-message" data-testid={`error-${name}`}>
            {messages.map((m) => (
              <span key={m} className="app-block">
                <span className="govuk-visually-hidden">Error:</span> {m}
              </span>
            ))}
          </p>
        ) : null}
        {children}
      </fieldset>
    </div>
  );
}

/** Errors about a whole part (a language's text) that no single field shows. */
function ErrorsAt({ name, errors }: { name: string; errors: Map<string, string[]> }) {
  const messages = errors.get(name);
  if (!messages?.length) return null;
  return (
    <p id={`field-${name}`} className="govuk-error-message" tabIndex={-1}>
      <span className="govuk-visually-hidden">Error:</span> {messages.join("; ")}
    </p>
  );
}

function Row({ what, index, onRemove, children }: { what: string; index: number; onRemove: () => void; children: ReactNode }) {
  return (
    <div className="app-notice-row">
      {children}
      <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-2" onClick={onRemove}>
        Remove {what} {index + 1}
      </button>
    </div>
  );
}

function AddRow({ what, onAdd }: { what: string; onAdd: () => void }) {
  return (
    <button type="button" className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" onClick={onAdd}>
      Add a {what}
    </button>
  );
}

function TextInput({ id, label, value, onChange }: { id: string; label: string; value: string; onChange: (v: string) => void }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <input className="govuk-input" id={id} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function TextArea({ id, label, value, onChange, rows = 2 }: { id: string; label: string; value: string; onChange: (v: string) => void; rows?: number }) {
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <textarea className="govuk-textarea" id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

function Select({
  id,
  label,
  value,
  options,
  onChange,
  noEmpty,
}: {
  id: string;
  label: string;
  value: string;
  options: [string, string][];
  onChange: (v: string) => void;
  noEmpty?: boolean;
}) {
  const known = options.some(([code]) => code === value);
  return (
    <div className="govuk-form-group">
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      <select className="govuk-select app-select" id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {!noEmpty && <option value="">Choose</option>}
        {!known && value && <option value={value}>{value}</option>}
        {options.map(([code, text]) => (
          <option key={code} value={code}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function Checkbox({ id, label, checked, onChange }: { id: string; label: string; checked: boolean; onChange: (on: boolean) => void }) {
  return (
    <div className="govuk-checkboxes__item">
      <input className="govuk-checkboxes__input" id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
        {label}
      </label>
    </div>
  );
}
