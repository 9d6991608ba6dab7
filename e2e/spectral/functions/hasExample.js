// Spectral function: a media type object shows an example, either its own (example or examples) or its
// schema's top-level one (example or a non-empty examples), $refs resolved. See .spectral.yaml.

function nonEmpty(value) {
  if (value === undefined || value === null) {
    return false;
  }
  if (Array.isArray(value)) {
    return value.length > 0;
  }
  if (typeof value === 'object') {
    return Object.keys(value).length > 0;
  }
  return true;
}

export default function hasExample(media) {
  if (media === null || typeof media !== 'object') {
    return [];
  }
  const schema = media.schema || {};
  if (nonEmpty(media.example) || nonEmpty(media.examples) || nonEmpty(schema.example) || nonEmpty(schema.examples)) {
    return [];
  }
  return [{ message: 'no example: add one to the media type (@ExampleObject) or to its schema (@Schema(examples = ...))' }];
}
