// Every rule code the engine can emit, with its documentation (contract 5). README's rule table
// (scripts/generate-rule-docs.mjs) and hovers read this; a unit test checks every code the tests
// see is here.

import { RULES as LINT_RULES } from '../lint';
import { RULES as ASL_RULES } from '../asl/rules';
import { RULES as IMAGE_BUILDER_DOCUMENT_RULES } from '../imagebuilder/rules';
import { RULES as DAG_RULES } from '../dag/rules';
import { RULES as MANIFEST_RULES } from './manifest';
import { RULES as NAME_RULES } from './names';
import { RULES as ARN_RULES } from './arns';
import { RULES as TAG_RULES } from './tags';
import { RULES as KMS_RULES } from './kms';
import { RULES as PARSE_RULES } from './parse';
import { RULES as TEMPLATE_RULES } from '../cfn/rules';
import type { RuleDoc } from './ruleDoc';

export interface RuleGroup {
  title: string;
  rules: RuleDoc[];
}

export const RULE_GROUPS: RuleGroup[] = [
  { title: 'Parsing (every file)', rules: PARSE_RULES },
  { title: 'aws-workflows.yaml', rules: [...MANIFEST_RULES, ...NAME_RULES, ...ARN_RULES, ...TAG_RULES] },
  { title: 'KMS (everywhere it appears)', rules: KMS_RULES },
  { title: 'State machines (Amazon States Language)', rules: ASL_RULES },
  { title: 'Image Builder workflow documents', rules: IMAGE_BUILDER_DOCUMENT_RULES },
  { title: 'MWAA Serverless workflows (DAG YAML)', rules: DAG_RULES },
  { title: 'CloudFormation and SAM templates', rules: TEMPLATE_RULES },
  { title: 'Linting', rules: LINT_RULES },
];

/** Every documented rule, each code once (the first group that documents it wins). */
export const RULE_CATALOG: RuleDoc[] = (() => {
  const seen = new Set<string>();
  const out: RuleDoc[] = [];
  for (const g of RULE_GROUPS) for (const r of g.rules) if (!seen.has(r.code)) { seen.add(r.code); out.push(r); }
  return out;
})();

const byCode = new Map(RULE_CATALOG.map((r) => [r.code, r]));

export function ruleDoc(code: string): RuleDoc | undefined {
  return byCode.get(code);
}

/** Codes documented by more than one module (a test keeps this empty). */
export function duplicateRuleCodes(): string[] {
  const counts = new Map<string, number>();
  for (const g of RULE_GROUPS) for (const r of g.rules) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([c]) => c);
}
