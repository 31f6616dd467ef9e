// Tags per service: count, key and value lengths, characters, and the reserved `aws:` prefix.
// The limits differ per service and come from the generated facts.

import { AWS_FACTS } from '../facts/aws.generated';
import type { RuleDoc } from './ruleDoc';
import { compiled, showChar, type ValueProblem } from './problem';

export type TaggedService = 'stepFunctions' | 'imageBuilder' | 'mwaaServerless' | 'mwaa';

interface TagLimits {
  label: string;
  minCount?: number;
  maxCount?: number;
  key: { min?: number; max?: number; pattern?: string };
  value: { min?: number; max?: number; pattern?: string };
}

const F = AWS_FACTS;

export const TAG_LIMITS: Record<TaggedService, TagLimits> = {
  stepFunctions: { label: 'Step Functions', key: { ...F.sfn.tags.key, pattern: F.sfn.tags.characters.pattern }, value: { ...F.sfn.tags.value, pattern: F.sfn.tags.characters.pattern } },
  imageBuilder: { label: 'Image Builder', minCount: F.imagebuilder.tags.minCount, maxCount: F.imagebuilder.tags.maxCount, key: F.imagebuilder.tags.key, value: F.imagebuilder.tags.value },
  mwaaServerless: { label: 'MWAA Serverless', maxCount: F.mwaaServerless.tags.maxCount, key: F.mwaaServerless.tags.key, value: F.mwaaServerless.tags.value },
  mwaa: { label: 'MWAA', minCount: F.mwaa.tags.minCount, maxCount: F.mwaa.tags.maxCount, key: F.mwaa.tags.key, value: F.mwaa.tags.value },
};

function length(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function firstBadChar(value: string, pattern: string): [string, [number, number]] | undefined {
  // The patterns are `^[class]*$` (possibly with a lookahead); test character by character.
  const classMatch = /\[[^\]]*(?:\\\][^\]]*)*\]/.exec(pattern.replace(/^\^(\(\?![^)]*\))?(\(\?:)?\(?/, ''));
  if (!classMatch) return undefined;
  const re = compiled(`^${classMatch[0]}$`);
  let offset = 0;
  for (const ch of value) {
    if (!re.test(ch)) return [ch, [offset, offset + ch.length]];
    offset += ch.length;
  }
  return undefined;
}

/** Problems with a set of tags; `field` is the tag key, `on` says whether the key or the value is wrong. */
export function tagProblems(service: TaggedService, tags: Record<string, string>): ValueProblem[] {
  const limits = TAG_LIMITS[service];
  const out: ValueProblem[] = [];
  const keys = Object.keys(tags);
  if (limits.minCount !== undefined && keys.length < limits.minCount) {
    // The model's tag map has a minimum size: the service refuses `tags: {}` rather than ignoring it.
    out.push({ code: 'tags/empty', severity: 'error', message: `An empty tags mapping: ${limits.label} takes at least ${limits.minCount} tag when tags are given. Add a tag or remove tags.` });
  }
  if (limits.maxCount !== undefined && keys.length > limits.maxCount) {
    out.push({ code: 'tags/too-many', severity: 'error', message: `${keys.length} tags: ${limits.label} allows at most ${limits.maxCount}.` });
  }
  for (const key of keys) {
    const value = tags[key];
    const kl = length(key);
    if (/^aws:/i.test(key)) {
      out.push({ code: 'tags/reserved-prefix', severity: 'error', message: `Tag keys cannot start with 'aws:': that prefix is reserved for AWS.`, field: key, on: 'key', span: [0, 4] });
    } else if ((limits.key.min !== undefined && kl < limits.key.min) || (limits.key.max !== undefined && kl > limits.key.max)) {
      out.push({ code: 'tags/key-length', severity: 'error', message: `The tag key is ${kl} characters long: ${limits.label} tag keys have ${limits.key.min ?? 0}–${limits.key.max} characters.`, field: key, on: 'key' });
    } else if (limits.key.pattern && !compiled(limits.key.pattern).test(key)) {
      const bad = firstBadChar(key, limits.key.pattern);
      out.push({ code: 'tags/invalid-char', severity: 'error', message: `${limits.label} tag keys cannot contain ${bad ? showChar(bad[0]) : 'this character'}: use letters, digits, white space and _ . : / = + - @.`, field: key, on: 'key', span: bad?.[1] });
    }
    const vl = length(value);
    if ((limits.value.min !== undefined && vl < limits.value.min) || (limits.value.max !== undefined && vl > limits.value.max)) {
      out.push({ code: 'tags/value-length', severity: 'error', message: `The value of tag '${key}' is ${vl} characters long: ${limits.label} tag values have ${limits.value.min ?? 0}–${limits.value.max} characters.`, field: key, on: 'value' });
    } else if (limits.value.pattern && !compiled(limits.value.pattern).test(value)) {
      const bad = firstBadChar(value, limits.value.pattern);
      out.push({ code: 'tags/invalid-char', severity: 'error', message: `${limits.label} tag values cannot contain ${bad ? showChar(bad[0]) : 'this character'}: use letters, digits, white space and _ . : / = + - @.`, field: key, on: 'value', span: bad?.[1] });
    }
  }
  return out;
}

export const RULES: RuleDoc[] = [
  { code: 'tags/empty', severity: 'error', source: 'Model: Image Builder TagMap min 1', summary: 'An empty `tags` mapping where the service wants at least one tag (Image Builder).', example: 'imageBuilderWorkflows:\n  build: { tags: {}, … }' },
  { code: 'tags/too-many', severity: 'error', source: 'Model: the tag list/map max of each service', summary: 'More tags than the service allows (Image Builder and MWAA Serverless: 50).', example: 'tags: { t1: a, t2: b, …, t51: z }' },
  { code: 'tags/key-length', severity: 'error', source: 'Model: TagKey length of each service', summary: 'A tag key shorter or longer than the service allows (1–128).', example: 'tags: { "": x }' },
  { code: 'tags/value-length', severity: 'error', source: 'Model: TagValue length of each service', summary: 'A tag value longer than the service allows (256).', example: 'tags: { note: <300 characters> }' },
  { code: 'tags/invalid-char', severity: 'error', source: 'Model: TagKey/TagValue pattern of each service', summary: "A tag key or value with characters outside the service's set.", example: 'tags: { "team#1": orders }' },
  { code: 'tags/reserved-prefix', severity: 'error', source: 'Model: TagKey pattern ^(?!aws:)', summary: 'A tag key starting with the reserved `aws:` prefix.', example: 'tags: { "aws:owner": me }' },
];
