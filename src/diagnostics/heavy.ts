// The diagnostics feature's heavy part: the validation engine with YAML, JSONata, the rules and the
// hover/completion model. Loaded on first use through `heavy` (never imported statically
// outside this folder's lazy handle), so activation does not load it.

export { runLintJob } from './lintJob';
export { allEntries, parseManifest } from '../core/manifest';
export { completionsAt, hoverAt } from '../core/hover';
export { formatOf, parseDocument } from '../core/parse/document';
export { parseTemplate } from '../core/cfn/parse';
export { definitionUris } from '../core/cfn';
