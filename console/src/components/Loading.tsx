/** Shown while a page waits on the API. */
export function Loading({ what = "Loading" }: { what?: string }) {
  return (
    <p className="govuk-body" role="status" aria-live="polite">
      {what}…
    </p>
  );
}
