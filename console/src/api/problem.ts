import type { components } from "./schema";

export type Problem = components["schemas"]["Problem"];

/** An API call that answered an RFC 9457 problem (or failed without one); shown by ProblemSummary. */
export class ApiError extends Error {
  readonly problem: Problem;
  readonly requestId: string | undefined;

  constructor(problem: Problem, requestId: string | undefined) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status ?? "error"}`);
    this.name = "ApiError";
    this.problem = problem;
    this.requestId = problem.requestId ?? requestId;
  }

  get status(): number | undefined {
    return this.problem.status;
  }

  /** The invalid fields (validation problems) and broken rules (a refused publication), by field. */
  fieldMessages(): Map<string, string[]> {
    const byField = new Map<string, string[]>();
    const add = (field: string | undefined, message: string | undefined) => {
      if (!field || !message) return;
      const messages = byField.get(field) ?? [];
      // a refused publication names each broken rule in both `errors` and `violations`: shown once
      if (!messages.some((m) => m === message || m.startsWith(message) || message.startsWith(m))) {
        byField.set(field, [...messages, message]);
      }
    };
    for (const e of this.problem.errors ?? []) add(e.field, e.message);
    const violations = (this.problem as { violations?: { field?: string; message?: string; rule?: string }[] })
      .violations;
    for (const v of violations ?? []) add(v.field, v.rule ? `${v.message ?? ""} (${v.rule})`.trim() : v.message);
    return byField;
  }
}

/** Plain words for a problem a person can act on; the detail is the service's own, the title a fallback. */
export function plainWords(error: unknown): string {
  if (error instanceof ApiError) {
    switch (error.status) {
      case 401:
        return "Your sign-in has ended. Sign in again to carry on.";
      case 403:
        return "Your role does not allow this.";
      case 404:
        return error.problem.detail ?? "Not found: it does not exist, or it is not yours to see.";
      case 412:
        return "Someone else changed this since you opened it. Reload the page to see the latest version, then try again.";
      case 428:
        return "This change needs the version you are changing. Reload the page and try again.";
      case 429:
        return "Too many requests. Wait a moment and try again.";
      case 502:
      case 503:
      case 504:
        return "A service of the suite is not answering. Try again in a moment.";
      default:
        return error.problem.detail ?? error.problem.title ?? "Something went wrong.";
    }
  }
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}

export async function toApiError(response: Response, body: unknown): Promise<ApiError> {
  const requestId = response.headers.get("X-Request-Id") ?? undefined;
  if (body && typeof body === "object" && ("status" in body || "title" in body)) {
    return new ApiError(body as Problem, requestId);
  }
  return new ApiError({ status: response.status, title: response.statusText || `HTTP ${response.status}` }, requestId);
}
