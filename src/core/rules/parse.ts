// Rule documentation for the parser's codes (src/core/parse), shared by every file kind.

import type { RuleDoc } from './ruleDoc';

export const RULES: RuleDoc[] = [
  { code: 'parse/syntax', severity: 'error', source: 'JSON (RFC 8259) and YAML 1.2 grammars', summary: 'The JSON or YAML does not parse; the other checks still run on what did.', example: '{ "StartAt": "A", }' },
  { code: 'parse/duplicate-key', severity: 'warning', summary: 'A key given twice in one object (only the last takes effect); aws-workflows.yaml reports it as an error with its own codes.', example: '{ "Type": "Pass", "Type": "Task" }' },
  { code: 'parse/comment', severity: 'error', source: 'JSON (RFC 8259): no comments', summary: 'A comment in a JSON file.', example: '{ // the first state\n  "StartAt": "A" }' },
  { code: 'parse/empty', severity: 'error', source: 'Model: a definition has at least 1 character', summary: 'The file is empty.', example: '(an empty file)' },
  { code: 'parse/too-complex', severity: 'error', source: 'Parsing budgets of this extension (size, depth, alias expansion), so a hostile file cannot hang or crash the checker', summary: 'A document beyond a parsing budget: larger than the size cap (10 MB), nested more than 400 levels, or with more than 10,000 aliases or aliases that expand past 200,000 nodes ("billion laughs"). Reported once, where the budget ran out; nothing else is checked.', example: 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n# … nine levels' },
  { code: 'parse/yaml-warning', severity: 'warning', summary: 'Something the YAML parser accepts but warns about (such as an unresolved tag).', example: 'Seconds: !Ref Timeout' },
];
