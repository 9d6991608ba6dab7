// The smoke program of ApiContractE2eTest. It is copied next to the TypeScript client that the test generates
// from the gateway's merged OpenAPI document (openapi-generator, typescript-fetch), compiled with it by tsc
// (strict) and run with node against the running suite. It prints one JSON line with what it saw; the test
// asserts on it.
//
// Environment: GATEWAY_URL (e.g. http://localhost:8080), ACCESS_TOKEN (a bearer token from the suite's
// Keycloak), NHS_NUMBER, NOTICE and PURPOSE (a consent that ./run's demo data records).
import { Configuration, ConsentsApi, NoticesApi, ProblemFromJSON, ResponseError } from './index';

// Node's own globals, declared here so that the program needs no @types/node.
declare const process: { env: Record<string, string | undefined>; exitCode?: number };

function env(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set`);
  }
  return value;
}

interface NotFound {
  status: number;
  contentType: string | null;
  code?: string;
}

async function main(): Promise<void> {
  const config = new Configuration({ basePath: env('GATEWAY_URL'), accessToken: env('ACCESS_TOKEN') });
  const notices = new NoticesApi(config);
  const consents = new ConsentsApi(config);

  // (a) list the notices, every page
  const slugs: string[] = [];
  let totalNotices = 0;
  for (let page = 0, pages = 1; page < pages; page++) {
    const answer = await notices.listNotices({ page, size: 100 });
    totalNotices = answer.totalItems ?? 0;
    pages = answer.totalPages ?? 0;
    for (const notice of answer.items ?? []) {
      if (notice.slug !== undefined) {
        slugs.push(notice.slug);
      }
    }
  }

  // (b) the consent check for a demo subject
  const check = await consents.checkConsent({
    subject: `nhs-number:${env('NHS_NUMBER')}`,
    notice: env('NOTICE'),
    purpose: env('PURPOSE'),
  });

  // (c) a documented error: the client surfaces the RFC 9457 problem as a ResponseError
  let notFound: NotFound | null = null;
  try {
    await notices.getNotice({ slug: `no-such-notice-${Date.now()}` });
  } catch (e) {
    if (!(e instanceof ResponseError)) {
      throw e;
    }
    const problem = ProblemFromJSON(await e.response.json());
    notFound = { status: e.response.status, contentType: e.response.headers.get('content-type'), code: problem.code };
  }

  console.log(JSON.stringify({
    notices: slugs,
    totalNotices,
    consented: check.consented,
    recordId: check.recordId,
    noticeVersion: check.noticeVersion?.version,
    checkedAt: check.at?.toISOString(),
    notFound,
  }));
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? (e.stack ?? e.message) : String(e));
  process.exitCode = 1;
});
