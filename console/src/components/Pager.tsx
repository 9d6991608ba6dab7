/** GOV.UK pagination for a paged list (page numbers from 0, as the API counts them). */
export function Pager({
  page,
  hasNext,
  onPage,
  label = "Pages",
}: {
  page: number;
  hasNext: boolean;
  onPage: (page: number) => void;
  label?: string;
}) {
  if (page === 0 && !hasNext) return null;
  return (
    <nav className="govuk-pagination govuk-pagination--block" aria-label={label}>
      {page > 0 && (
        <div className="govuk-pagination__prev">
          <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => onPage(page - 1)}>
            <span className="govuk-pagination__link-title">Previous page</span>
          </button>
        </div>
      )}
      {hasNext && (
        <div className="govuk-pagination__next">
          <button type="button" className="govuk-link govuk-pagination__link app-link-button" onClick={() => onPage(page + 1)}>
            <span className="govuk-pagination__link-title">Next page</span>
          </button>
        </div>
      )}
    </nav>
  );
}
