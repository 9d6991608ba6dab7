// Spectral function: the limits OWASP API4:2023 asks for, applied to what a client sends (the operation's
// parameters and request body, $refs resolved), where they protect the services. See .spectral.yaml.
//
// options.check:
//   "string"            a string has maxLength, enum, const, a fixed-size format (date, date-time, uuid)
//                       or a pattern made only of bounded repetitions (Bean Validation matches @Pattern
//                       against the whole value, so e.g. [0-9a-f]{64} or [a-z0-9][a-z0-9.-]{0,79} bounds it)
//   "string-restricted" a string has a format, pattern, enum or const
//   "array"             an array has maxItems
//   "integer"           an integer has a format (int32 or int64) and a minimum

const FIXED_SIZE_FORMATS = new Set(['date', 'date-time', 'uuid', 'time']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

function types(schema) {
  if (Array.isArray(schema.type)) {
    return schema.type;
  }
  return schema.type === undefined ? [] : [schema.type];
}

// A pattern whose every repetition is bounded: no *, + or {n,} outside a character class.
function boundedPattern(pattern) {
  if (typeof pattern !== 'string' || !/\{\d+(,\d+)?\}/.test(pattern)) {
    return false;
  }
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') {
        inClass = false;
      }
      continue;
    }
    if (c === '[') {
      inClass = true;
    } else if (c === '*' || c === '+') {
      return false;
    } else if (c === '{' && /^\{\d+,\}/.test(pattern.slice(i))) {
      return false;
    }
  }
  return true;
}

function problemOf(schema, check) {
  const t = types(schema);
  const has = (k) => schema[k] !== undefined;
  if (check === 'string' && t.includes('string')) {
    if (!(has('maxLength') || has('enum') || has('const') || FIXED_SIZE_FORMATS.has(schema.format)
        || boundedPattern(schema.pattern))) {
      return 'string without maxLength, enum, const, a fixed-size format or a bounded pattern';
    }
  }
  if (check === 'string-restricted' && t.includes('string')) {
    if (!(has('format') || has('pattern') || has('enum') || has('const'))) {
      return 'string without format, pattern, enum or const';
    }
  }
  if (check === 'array' && t.includes('array') && !has('maxItems')) {
    return 'array without maxItems';
  }
  if (check === 'integer' && t.includes('integer')) {
    if (!has('format')) {
      return 'integer without format (int32 or int64)';
    }
    if (!(has('minimum') || has('exclusiveMinimum'))) {
      return 'integer without minimum';
    }
  }
  return null;
}

function walk(schema, path, where, check, seen, results) {
  if (schema === null || typeof schema !== 'object' || seen.has(schema)) {
    return;
  }
  seen.add(schema);
  if (schema.readOnly === true) {
    return; // never sent by a client
  }
  const problem = problemOf(schema, check);
  if (problem) {
    results.push({ message: `${where}: ${problem}`, path });
  }
  for (const [key, value] of Object.entries(schema.properties || {})) {
    walk(value, [...path, 'properties', key], `${where}.${key}`, check, seen, results);
  }
  if (schema.items) {
    walk(schema.items, [...path, 'items'], `${where}[]`, check, seen, results);
  }
  if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
    walk(schema.additionalProperties, [...path, 'additionalProperties'], `${where}{}`, check, seen, results);
  }
  for (const combinator of ['allOf', 'oneOf', 'anyOf']) {
    (schema[combinator] || []).forEach((sub, i) => walk(sub, [...path, combinator, i], where, check, seen, results));
  }
}

export default function inputLimits(pathItem, options, context) {
  const check = options && options.check;
  const results = [];
  if (pathItem === null || typeof pathItem !== 'object') {
    return results;
  }
  const base = context.path;
  (pathItem.parameters || []).forEach((p, i) => {
    if (p && p.schema) {
      walk(p.schema, [...base, 'parameters', i, 'schema'], `parameter ${p.name}`, check, new Set(), results);
    }
  });
  for (const method of METHODS) {
    const op = pathItem[method];
    if (!op || typeof op !== 'object') {
      continue;
    }
    (op.parameters || []).forEach((p, i) => {
      if (p && p.schema) {
        walk(p.schema, [...base, method, 'parameters', i, 'schema'], `${method.toUpperCase()} parameter ${p.name}`,
          check, new Set(), results);
      }
    });
    const content = (op.requestBody && op.requestBody.content) || {};
    for (const [mediaType, media] of Object.entries(content)) {
      if (media && media.schema) {
        walk(media.schema, [...base, method, 'requestBody', 'content', mediaType, 'schema'],
          `${method.toUpperCase()} body`, check, new Set(), results);
      }
    }
  }
  return results;
}
