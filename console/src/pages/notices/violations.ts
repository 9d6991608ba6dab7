import { ApiError } from "../../api/problem";
import type { components } from "../../api/schema";

type Checks = components["schemas"]["Checks"];

/** One broken rule or invalid value, named by its path in the content (`lawfulBases`, `locales.en.title`, …). */
export interface FieldProblem {
  field: string;
  message: string;
  rule?: string | undefined;
}

/** Where a problem is shown: the form's own field, or (none fits) the top of the form. */
export const WHOLE_FORM = "content";

/**
 * The problems of a publication check, or of a refused save or publish (422 rule violations, 400 invalid values).
 * A 422 carries each broken rule twice (`violations`, with its rule code, and `errors`): the violations are used.
 */
export function problemsOf(source: Checks | ApiError): FieldProblem[] {
  if (source instanceof ApiError) {
    const extra = source.problem as { violations?: components["schemas"]["RuleViolation"][] };
    if (extra.violations?.length) {
      return extra.violations.map((v) => ({ field: contentPath(v.field), message: v.message ?? "", rule: v.rule }));
    }
    return (source.problem.errors ?? []).map((e) => ({ field: contentPath(e.field), message: e.message ?? "" }));
  }
  return (source.violations ?? []).map((v) => ({ field: contentPath(v.field), message: v.message ?? "", rule: v.rule }));
}

/** `content.lawfulBases[0].basis` (or a request's own prefix before `content.`) → `lawfulBases[0].basis`. */
export function contentPath(field: string | undefined): string {
  if (!field) return WHOLE_FORM;
  const at = field.indexOf("content.");
  if (at >= 0 && (at === 0 || field[at - 1] === ".")) return field.slice(at + "content.".length);
  return field;
}

/**
 * The nearest field the form shows for a path: the path itself, else its parents (`lawfulBases[0].basis` →
 * `lawfulBases[0]` → `lawfulBases`), else the whole form. The item a message is about is kept in its words.
 */
export function formFieldOf(path: string, shown: ReadonlySet<string>): string {
  let current = path;
  for (;;) {
    if (shown.has(current)) return current;
    const cut = Math.max(current.lastIndexOf("."), current.lastIndexOf("["));
    if (cut <= 0) return WHOLE_FORM;
    current = current.slice(0, cut);
  }
}

/** Problems by the form field they are shown beside, each message once, in words (with the rule's code). */
export function errorsByField(problems: readonly FieldProblem[], shown: ReadonlySet<string>): Map<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of problems) {
    const field = formFieldOf(problem.field, shown);
    const item = /\[(\d+)\]/.exec(problem.field.slice(field === WHOLE_FORM ? 0 : field.length));
    const words = [
      item ? `Item ${Number(item[1]) + 1}: ` : "",
      field === WHOLE_FORM && problem.field !== WHOLE_FORM ? `${problem.field}: ` : "",
      problem.message,
      problem.rule ? ` (rule ${problem.rule})` : "",
    ].join("");
    const list = byField.get(field) ?? [];
    if (!list.includes(words)) list.push(words);
    byField.set(field, list);
  }
  return byField;
}
