import { useMemo, useRef, useState } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { useApi } from "../../api/ApiContext";
import { idempotencyKey, unwrap } from "../../api/client";
import { ApiError } from "../../api/problem";
import { useLoad } from "../../api/useLoad";
import { useAuth } from "../../auth/AuthContext";
import { may } from "../../auth/roles";
import { Field } from "../../components/Field";
import { Loaded } from "../../components/Loaded";
import { ProblemSummary } from "../../components/ProblemSummary";
import { blankContent, forRequest, type NoticeContent } from "./content";
import { NoticeForm, shownFields, type Vocabulary } from "./NoticeForm";
import { ErrorSummary } from "./parts";
import { errorsByField, problemsOf, type FieldProblem } from "./violations";

type Outcome =
  | { kind: "none" }
  | { kind: "refused"; title: string; problems: FieldProblem[]; error?: unknown }
  | { kind: "failed"; error: unknown }
  | { kind: "done"; text: string };

/** A problem with fields to show beside them (rules broken, values invalid), or one to show on its own. */
function outcomeOf(error: unknown, title: string): Outcome {
  if (error instanceof ApiError && (error.status === 400 || error.status === 422)) {
    const problems = problemsOf(error);
    if (problems.length > 0) return { kind: "refused", title, problems, error };
  }
  return { kind: "failed", error };
}

/** A new notice: its slug and the content of version 1, created as a draft. */
export function NewNoticePage() {
  const api = useApi();
  const load = useLoad(async () => (await unwrap(api.GET("/public/vocabulary"))).data, []);
  return (
    <Loaded load={load} what="Loading the vocabulary">
      {(vocabulary) => <DraftEditor vocabulary={vocabulary} initial={blankContent()} />}
    </Loaded>
  );
}

/** A draft version's content, saved with If-Match; checked against the publication rules; published by the DPO. */
export function EditDraftPage() {
  const { slug = "", number = "" } = useParams();
  const api = useApi();
  const load = useLoad(async () => {
    const path = { slug, number: Number(number) };
    const [version, vocabulary] = await Promise.all([
      unwrap(api.GET("/api/notices/{slug}/versions/{number}", { params: { path } })),
      unwrap(api.GET("/public/vocabulary")),
    ]);
    return { version: version.data, etag: version.response.headers.get("ETag") ?? "", vocabulary: vocabulary.data };
  }, [slug, number]);
  return (
    <Loaded load={load} what="Loading the draft">
      {({ version, etag, vocabulary }) =>
        version.state !== "DRAFT" ? (
          <>
            <h1 className="govuk-heading-l">Version {version.number} is not a draft</h1>
            <p className="govuk-body">
              A {version.state?.toLowerCase()} version cannot be changed.{" "}
              <Link className="govuk-link" to={`/notices/${slug}`}>
                Back to the notice
              </Link>
            </p>
          </>
        ) : (
          <DraftEditor
            vocabulary={vocabulary}
            initial={version.content ?? blankContent()}
            draft={{ slug, number: version.number ?? Number(number), etag }}
          />
        )
      }
    </Loaded>
  );
}

function DraftEditor({
  vocabulary,
  initial,
  draft,
}: {
  vocabulary: Vocabulary;
  initial: NoticeContent;
  draft?: { slug: string; number: number; etag: string };
}) {
  const api = useApi();
  const navigate = useNavigate();
  const { person } = useAuth();
  const [content, setContent] = useState(initial);
  const [slug, setSlug] = useState("");
  const [etag, setEtag] = useState(draft?.etag ?? "");
  const [busy, setBusy] = useState<string | undefined>(undefined);
  const [outcome, setOutcome] = useState<Outcome>({ kind: "none" });
  const createKey = useRef(idempotencyKey());
  const errors = useMemo(
    () => (outcome.kind === "refused" ? errorsByField(outcome.problems, shownFields(content, !draft)) : new Map<string, string[]>()),
    [outcome, content, draft],
  );

  const run = async (what: string, action: () => Promise<void>) => {
    setBusy(what);
    try {
      await action();
    } finally {
      setBusy(undefined);
    }
  };

  /** Saves the content; the new ETag, or undefined when the save was refused (shown). */
  const save = async (): Promise<string | undefined> => {
    if (!draft) return undefined;
    try {
      const { response } = await unwrap(
        api.PUT("/api/notices/{slug}/versions/{number}", {
          params: { path: { slug: draft.slug, number: draft.number }, header: { "If-Match": etag } },
          body: { content: forRequest(content) },
        }),
      );
      const next = response.headers.get("ETag") ?? etag;
      setEtag(next);
      return next;
    } catch (error) {
      setOutcome(outcomeOf(error, "The draft was not saved"));
      return undefined;
    }
  };

  const create = () =>
    run("Creating the draft", async () => {
      try {
        const { data } = await unwrap(
          api.POST("/api/notices", {
            params: { header: { "Idempotency-Key": createKey.current } },
            body: { slug: slug.trim(), content: forRequest(content) },
          }),
        );
        createKey.current = idempotencyKey();
        void navigate(`/notices/${data.slug}/versions/${data.number}/edit`, { replace: true });
      } catch (error) {
        createKey.current = idempotencyKey();
        setOutcome(outcomeOf(error, "The notice was not created"));
      }
    });

  const saveOnly = () =>
    run("Saving", async () => {
      if (await save()) setOutcome({ kind: "done", text: "Draft saved." });
    });

  const check = () =>
    run("Checking", async () => {
      if (!draft || !(await save())) return;
      try {
        const { data } = await unwrap(
          api.GET("/api/notices/{slug}/versions/{number}/checks", {
            params: { path: { slug: draft.slug, number: draft.number } },
          }),
        );
        setOutcome(
          data.publishable
            ? { kind: "done", text: "Draft saved. It breaks no publication rule: it can be published." }
            : { kind: "refused", title: "Publishing would be refused", problems: problemsOf(data) },
        );
      } catch (error) {
        setOutcome({ kind: "failed", error });
      }
    });

  const publish = () =>
    run("Publishing", async () => {
      if (!draft) return;
      const saved = await save();
      if (!saved) return;
      try {
        await unwrap(
          api.POST("/api/notices/{slug}/versions/{number}/publish", {
            params: {
              path: { slug: draft.slug, number: draft.number },
              header: { "If-Match": saved, "Idempotency-Key": idempotencyKey() },
            },
            body: {},
          }),
        );
        void navigate(`/notices/${draft.slug}/versions/${draft.number}`, { state: { published: true } });
      } catch (error) {
        setOutcome(outcomeOf(error, "Publishing was refused"));
      }
    });

  return (
    <>
      {draft ? (
        <>
          <span className="govuk-caption-l">
            Notice {draft.slug}, version {draft.number}
          </span>
          <h1 className="govuk-heading-l">Edit the draft</h1>
        </>
      ) : (
        <h1 className="govuk-heading-l">Create a notice</h1>
      )}
      {outcome.kind === "refused" && <ErrorSummary title={outcome.title} error={outcome.error} errors={errors} />}
      {outcome.kind === "failed" && <ProblemSummary error={outcome.error} />}
      {outcome.kind === "done" && (
        <div className="govuk-notification-banner govuk-notification-banner--success" role="status" aria-labelledby="draft-outcome-title">
          <div className="govuk-notification-banner__header">
            <h2 className="govuk-notification-banner__title" id="draft-outcome-title">
              Success
            </h2>
          </div>
          <div className="govuk-notification-banner__content">
            <p className="govuk-notification-banner__heading">{outcome.text}</p>
          </div>
        </div>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void (draft ? saveOnly() : create());
        }}
      >
        {!draft && (
          <Field name="slug" label="Slug" hint="Lower-case words joined by hyphens; it names the notice for ever, for example school-admissions" errors={errors.get("slug")}>
            {(p) => (
              <input
                className={`govuk-input govuk-!-width-two-thirds${p.invalid ? " govuk-input--error" : ""}`}
                id={p.id}
                aria-describedby={p["aria-describedby"]}
                value={slug}
                spellCheck={false}
                onChange={(e) => setSlug(e.target.value)}
              />
            )}
          </Field>
        )}
        {errors.get("content")?.length ? (
          <p id="field-content" className="govuk-error-message" tabIndex={-1}>
            <span className="govuk-visually-hidden">Error:</span> {errors.get("content")?.join("; ")}
          </p>
        ) : null}
        <NoticeForm content={content} onChange={setContent} errors={errors} vocabulary={vocabulary} />
        {busy && (
          <p className="govuk-body" role="status" aria-live="polite">
            {busy}…
          </p>
        )}
        <div className="govuk-button-group">
          <button type="submit" className="govuk-button" disabled={busy !== undefined} aria-disabled={busy !== undefined}>
            {draft ? "Save draft" : "Create draft"}
          </button>
          {draft && (
            <button type="button" className="govuk-button govuk-button--secondary" disabled={busy !== undefined} onClick={() => void check()}>
              Save and check for publication
            </button>
          )}
          {draft && may(person, "publishNotices") && (
            <button type="button" className="govuk-button govuk-button--warning" disabled={busy !== undefined} onClick={() => void publish()}>
              Save and publish
            </button>
          )}
          {draft && (
            <Link className="govuk-link" to={`/notices/${draft.slug}/versions/${draft.number}`}>
              Back to the version
            </Link>
          )}
        </div>
        {draft && !may(person, "publishNotices") && (
          <p className="govuk-body">A data protection officer publishes a draft once it breaks no rule.</p>
        )}
      </form>
    </>
  );
}
