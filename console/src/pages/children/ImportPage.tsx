import { useEffect, useRef, useState, type FormEvent } from "react";
import { Link, useParams } from "react-router";
import { unwrap } from "../../api/client";
import { useApi } from "../../api/ApiContext";
import type { components } from "../../api/schema";
import { useLoad } from "../../api/useLoad";
import { Loaded } from "../../components/Loaded";
import { Pager } from "../../components/Pager";
import { ProblemSummary } from "../../components/ProblemSummary";
import { moment } from "./format";

type ConsentImport = components["schemas"]["ConsentImport"];

/** How often the page asks how far a running import got (its counts move every 5000 lines). */
const POLL_MS = 1000;

/** Counts the non-blank lines of NDJSON arriving in chunks (a line may span chunks), for the progress bar's end. */
export async function countLinesIn(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<number> {
  let lines = 0;
  let blank = true;
  for await (const chunk of chunks) {
    for (const byte of chunk) {
      if (byte === 10) {
        if (!blank) lines++;
        blank = true;
      } else if (byte !== 13 && byte !== 32 && byte !== 9) {
        blank = false;
      }
    }
  }
  return blank ? lines : lines + 1;
}

async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

/** A share as a whole percentage, 0 to 100. */
export function percent(done: number, total: number | undefined): number {
  if (!total) return 0;
  return Math.min(100, Math.floor((done * 100) / total));
}

function Progress({ job, total }: { job: ConsentImport | undefined; total: number | undefined }) {
  const read = job?.linesRead ?? 0;
  const share = percent(read, total);
  const text = !job
    ? "Uploading the file…"
    : total
      ? `${read} of ${total} lines read (${share}%)`
      : `${read} lines read so far`;
  return (
    <div className="govuk-!-margin-bottom-6" role="status" aria-live="polite">
      <label className="govuk-label" htmlFor="import-progress">
        {text}
      </label>
      {/* without a known end (or before the first count) the bar shows work under way, not a share */}
      {job && total ? (
        <progress id="import-progress" className="app-progress" max={total} value={Math.min(read, total)}>
          {share}%
        </progress>
      ) : (
        <progress id="import-progress" className="app-progress" />
      )}
    </div>
  );
}

function Counts({ job }: { job: ConsentImport }) {
  const rows: [string, string | number][] = [
    ["State", job.state],
    ["Lines read", job.linesRead],
    ["Accepted", job.accepted],
    ["Recorded now", job.created],
    ["Already recorded (replayed)", job.replayed],
    ["Refused", job.rejected],
    ["Started", moment(job.startedAt)],
    ["Finished", job.finishedAt ? moment(job.finishedAt) : "—"],
  ];
  return (
    <dl className="govuk-summary-list" data-testid="import-counts">
      {rows.map(([key, value]) => (
        <div className="govuk-summary-list__row" key={key}>
          <dt className="govuk-summary-list__key">{key}</dt>
          <dd className="govuk-summary-list__value">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The refused lines, each with the problem POST /api/consents would have given. */
export function ImportErrors({ job }: { job: ConsentImport }) {
  const errors = job.errors ?? [];
  if (errors.length === 0) return null;
  return (
    <div className="app-table-wrapper">
      <table className="govuk-table">
        <caption className="govuk-table__caption govuk-table__caption--m">
          Refused lines{job.rejected > errors.length ? ` (the first ${errors.length} of ${job.rejected})` : ""}
        </caption>
        <thead className="govuk-table__head">
          <tr className="govuk-table__row">
            <th scope="col" className="govuk-table__header">Line</th>
            <th scope="col" className="govuk-table__header">Problem</th>
          </tr>
        </thead>
        <tbody className="govuk-table__body">
          {errors.map((e) => (
            <tr className="govuk-table__row" key={e.line}>
              <td className="govuk-table__cell">{e.line}</td>
              <td className="govuk-table__cell">
                {e.problem.detail ?? e.problem.title}
                {(e.problem.errors ?? []).map((f) => (
                  <span key={`${f.field}:${f.message}`} className="govuk-body-s govuk-!-display-block">
                    {f.field}: {f.message}
                  </span>
                ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Bulk import of consent forms (NDJSON, one RecordConsentRequest a line), with the job's progress while it runs. */
export function ImportPage() {
  const api = useApi();
  const [file, setFile] = useState<File | undefined>(undefined);
  const [fileError, setFileError] = useState<string | undefined>(undefined);
  const [total, setTotal] = useState<number | undefined>(undefined);
  const [running, setRunning] = useState<ConsentImport | undefined>(undefined);
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<ConsentImport | undefined>(undefined);
  const [problem, setProblem] = useState<unknown>(undefined);
  const [page, setPage] = useState(0);
  const key = useRef<string | undefined>(undefined);
  const imports = useLoad(
    async () => (await unwrap(api.GET("/api/consents/imports", { params: { query: { page, size: 10 } } }))).data,
    [page],
  );

  // while the file uploads, the running import (found by its Idempotency-Key) shows how far it got
  useEffect(() => {
    if (!uploading) return;
    let stop = false;
    const poll = async () => {
      try {
        const { data } = await unwrap(
          api.GET("/api/consents/imports", { params: { query: { state: "RUNNING", size: 100 } } }),
        );
        const mine = (data.items ?? []).find((job) => job.idempotencyKey === key.current);
        if (!stop && mine) setRunning(mine);
      } catch {
        // progress is a courtesy: the upload's own answer says how it ended
      }
    };
    const timer = setInterval(() => void poll(), POLL_MS);
    void poll();
    return () => {
      stop = true;
      clearInterval(timer);
    };
  }, [uploading, api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(undefined);
    setResult(undefined);
    setRunning(undefined);
    if (!file) {
      setFileError("Select an NDJSON file of consent forms");
      return;
    }
    setFileError(undefined);
    key.current ??= `console-import-${crypto.randomUUID()}`;
    setUploading(true);
    try {
      setTotal(await countLinesIn(chunksOf(file)));
      const { data } = await unwrap(
        api.POST("/api/consents/imports", {
          params: { header: { "Idempotency-Key": key.current } },
          // the file itself is the body, streamed as it is; the client's types describe one line of it
          body: file as never,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { "Content-Type": "application/x-ndjson" },
        }),
      );
      setResult(data);
      imports.reload();
    } catch (e) {
      setProblem(e);
    } finally {
      setUploading(false);
    }
  };

  return (
    <>
      <Link to="/children" className="govuk-back-link">
        Back
      </Link>
      {fileError && (
        <div className="govuk-error-summary" role="alert">
          <h2 className="govuk-error-summary__title">There is a problem</h2>
          <div className="govuk-error-summary__body">
            <ul className="govuk-list govuk-error-summary__list">
              <li>
                <a href="#field-file">{fileError}</a>
              </li>
            </ul>
          </div>
        </div>
      )}
      {problem !== undefined && <ProblemSummary error={problem} title="The import did not finish" />}
      <h1 className="govuk-heading-l">Import consent forms</h1>
      <p className="govuk-body">
        One consent form a line, as JSON (NDJSON): each line is checked and recorded as a single form would be, and a
        refused line does not stop the others. Sending the same file again records nothing twice.
      </p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <div className={`govuk-form-group${fileError ? " govuk-form-group--error" : ""}`}>
          <label className="govuk-label govuk-label--s" htmlFor="field-file">
            Upload a file
          </label>
          <div id="field-file-hint" className="govuk-hint">
            An .ndjson file, at most 1 GiB
          </div>
          {fileError && (
            <p id="field-file-error" className="govuk-error-message">
              <span className="govuk-visually-hidden">Error:</span> {fileError}
            </p>
          )}
          <input
            className={`govuk-file-upload${fileError ? " govuk-file-upload--error" : ""}`}
            id="field-file"
            name="file"
            type="file"
            accept=".ndjson,.jsonl,application/x-ndjson"
            aria-describedby={`field-file-hint${fileError ? " field-file-error" : ""}`}
            onChange={(e) => {
              setFile(e.target.files?.[0]);
              key.current = undefined; // a new file is a new import
            }}
          />
        </div>
        <button type="submit" className="govuk-button" data-module="govuk-button" disabled={uploading}>
          {uploading ? "Importing…" : "Import the file"}
        </button>
      </form>
      {uploading && <Progress job={running} total={total} />}
      {result && (
        <>
          <div className={`govuk-notification-banner${result.rejected === 0 ? " govuk-notification-banner--success" : ""}`} role="alert" aria-labelledby="import-title" data-testid="import-result">
            <div className="govuk-notification-banner__header">
              <h2 className="govuk-notification-banner__title" id="import-title">
                {result.state === "COMPLETED" ? "Import finished" : "Import stopped"}
              </h2>
            </div>
            <div className="govuk-notification-banner__content">
              <p className="govuk-notification-banner__heading">
                {result.accepted} accepted, {result.rejected} refused
                {result.failure ? `: ${result.failure}` : ""}
              </p>
            </div>
          </div>
          <Counts job={result} />
          <ImportErrors job={result} />
        </>
      )}
      <h2 className="govuk-heading-m">Recent imports</h2>
      <Loaded load={imports} what="Loading the imports">
        {(data) =>
          (data.items ?? []).length === 0 ? (
            <p className="govuk-body">No imports yet.</p>
          ) : (
            <>
              <ul className="govuk-list">
                {(data.items ?? []).map((job) => (
                  <li key={job.id}>
                    <Link className="govuk-link" to={`/children/imports/${job.id}`}>
                      {moment(job.startedAt)}
                    </Link>{" "}
                    by {job.createdBy}: {job.state.toLowerCase()}, {job.accepted} accepted, {job.rejected} refused
                  </li>
                ))}
              </ul>
              <Pager page={page} hasNext={page + 1 < (data.totalPages ?? 0)} onPage={setPage} label="Imports pages" />
            </>
          )
        }
      </Loaded>
    </>
  );
}

/** One import, read again every second while it runs. */
export function ImportJobPage() {
  const { importId = "" } = useParams();
  const api = useApi();
  const job = useLoad(
    async () => (await unwrap(api.GET("/api/consents/imports/{id}", { params: { path: { id: importId } } }))).data,
    [importId],
  );
  const runningNow = job.state === "loaded" && job.data.state === "RUNNING";
  const { reload } = job;
  useEffect(() => {
    if (!runningNow) return;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [runningNow, reload]);
  return (
    <>
      <Link to="/children/imports" className="govuk-back-link">
        Back to the imports
      </Link>
      <h1 className="govuk-heading-l">Consent import</h1>
      <Loaded load={job} what="Loading the import">
        {(data) => (
          <>
            {data.state === "RUNNING" && <Progress job={data} total={undefined} />}
            {data.failure && <p className="govuk-body">Stopped: {data.failure}</p>}
            <Counts job={data} />
            <ImportErrors job={data} />
          </>
        )}
      </Loaded>
    </>
  );
}
