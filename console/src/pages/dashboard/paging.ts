/**
 * A list the API pages oldest first, shown newest first: view page `view` (from 0) is the API's page
 * `totalPages - 1 - view`, its items reversed. Returns which API page to ask for, or undefined past the end.
 */
export function oldestFirstPageFor(view: number, totalPages: number): number | undefined {
  const apiPage = totalPages - 1 - view;
  return apiPage >= 0 ? apiPage : undefined;
}

export function newestFirst<T>(items: readonly T[] | undefined): T[] {
  return [...(items ?? [])].reverse();
}
