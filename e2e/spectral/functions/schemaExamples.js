// Spectral function: every value of a schema's "examples" (OpenAPI 3.1 / JSON Schema) is valid against that
// schema. Spectral's own oas3-valid-schema-example checks "example" and "default" only. See .spectral.yaml.
import { schema as validate } from '@stoplight/spectral-functions';

export default function schemaExamples(target, options, context) {
  if (target === null || typeof target !== 'object' || !Array.isArray(target.examples)) {
    return [];
  }
  const { examples, ...rest } = target;
  const results = [];
  examples.forEach((example, i) => {
    const found = validate(example, { schema: rest, allErrors: true, dialect: 'auto' },
      { ...context, path: [...context.path, 'examples', i] });
    (found || []).forEach((r) => results.push({ message: r.message, path: r.path }));
  });
  return results;
}
