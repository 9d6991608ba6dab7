import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, toApiError } from "./problem";
import type { paths } from "./schema";

export type ApiClient = ReturnType<typeof createClient<paths>>;

/**
 * The suite's API through the gateway, typed from the gateway's merged OpenAPI document (openapi/suite.json, generated
 * into schema.d.ts at build time). Every call carries the signed-in person's access token.
 */
export function createApi(accessToken: () => string | undefined, baseUrl = "/"): ApiClient {
  const client = createClient<paths>({ baseUrl });
  const auth: Middleware = {
    onRequest({ request }) {
      const token = accessToken();
      if (token) request.headers.set("Authorization", `Bearer ${token}`);
      if (!request.headers.has("Accept")) request.headers.set("Accept", "application/json");
      return request;
    },
  };
  client.use(auth);
  return client;
}

/** The answer's data, or an ApiError carrying its problem and request id. */
export async function unwrap<T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<{ data: T; response: Response }> {
  const { data, error, response } = await call;
  if (!response.ok || error !== undefined) {
    throw await toApiError(response, error);
  }
  return { data: data as T, response };
}

/** A new Idempotency-Key for one user action (kept across its retries by the caller). */
export function idempotencyKey(): string {
  return crypto.randomUUID();
}

export { ApiError };
