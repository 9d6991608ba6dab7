const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTIFIER = /^([a-z][a-z0-9-]*):(\S.*)$/;

export interface Lookup {
  /** system:value, for sharing-agreement-service's log and for finding the subject */
  identifier: string;
  /** the subject's internal id, for consent-service's log */
  subjectId: string;
}

/** What is wrong with an access-log search, by field; both fields are optional but one is needed. */
export function lookupErrors(lookup: Lookup): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const identifier = lookup.identifier.trim();
  const subjectId = lookup.subjectId.trim();
  if (!identifier && !subjectId) {
    errors.identifier = ["Enter the child's identifier, or their subject id"];
    return errors;
  }
  if (identifier && !IDENTIFIER.test(identifier)) {
    errors.identifier = ["Enter the identifier as system:value, for example nhs-number:9434765919"];
  } else if (identifier.length > 100) {
    errors.identifier = ["The identifier must be 100 characters or fewer"];
  }
  if (subjectId && !UUID.test(subjectId)) {
    errors.subjectId = ["Enter the subject id as the suite shows it, for example 5d0c7e4a-2b1f-4c3d-8e9f-a0b1c2d3e4f5"];
  }
  return errors;
}
