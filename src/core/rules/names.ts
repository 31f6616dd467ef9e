// Resource names per service, and Image Builder semantic versions. Every limit comes from the
// generated facts; the exported validate* functions are what the deploy wizard's input boxes use.

import { AWS_FACTS } from '../facts/aws.generated';
import type { RuleDoc } from './ruleDoc';
import { compiled, firstError, showChar, type ValueProblem } from './problem';

const F = AWS_FACTS;

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Offsets (UTF-16) of every character of `value` that `charClass` (or one of `codePoints`' ranges) matches. */
function matchingChars(value: string, charClass: string, codePoints: readonly (readonly number[])[] = []): { chars: string[]; first?: [number, number] } {
  const re = compiled(charClass.replace(/^\^|\$$/g, ''));
  const chars: string[] = [];
  let first: [number, number] | undefined;
  let offset = 0;
  for (const ch of value) {
    const cp = ch.codePointAt(0) as number;
    if (re.test(ch) || codePoints.some(([a, b]) => cp >= a && cp <= b)) {
      if (!chars.includes(ch)) chars.push(ch);
      first ??= [offset, offset + ch.length];
    }
    offset += ch.length;
  }
  return { chars, first };
}

function lengthProblem(code: string, what: string, value: string, min: number, max: number): ValueProblem | undefined {
  const n = codePointLength(value);
  if (n === 0) return { code, severity: 'error', message: `The ${what} is empty: it needs ${min}–${max} characters.` };
  if (n < min) return { code, severity: 'error', message: `The ${what} is ${n} characters long; the minimum is ${min}.` };
  if (n > max) return { code, severity: 'error', message: `The ${what} is ${n} characters long; the maximum is ${max}.`, span: [max, value.length] };
  return undefined;
}

function sfnNameProblems(value: string, what: 'state machine' | 'activity', facts: typeof F.sfn.stateMachineName, loggingEnabled: boolean): ValueProblem[] {
  const out: ValueProblem[] = [];
  const length = lengthProblem('sfn/name-length', `${what} name`, value, facts.min, facts.max);
  if (length) out.push(length);
  const bad = matchingChars(value, facts.forbiddenPattern, facts.forbiddenCodePoints);
  if (bad.first) {
    const forbidden = (c: string) => matchingChars(c, facts.forbiddenPattern, facts.forbiddenCodePoints).first !== undefined;
    const fixed = [...value].map((c) => (forbidden(c) ? '-' : c)).join('');
    out.push({
      code: 'sfn/name-invalid-char',
      severity: 'error',
      message: `A ${what} name cannot contain ${bad.chars.map(showChar).join(', ')}. Step Functions names must not contain white space, brackets, wildcards, ${facts.forbiddenCharacters.replace(/[<>{}[\]?*]/g, '').split('').join(' ')} or control characters.`,
      span: bad.first,
      fixes: fixed.length > 0 ? [{ kind: 'replace', title: `Rename to '${fixed}'`, value: fixed }] : undefined,
    });
  } else if (loggingEnabled && value.length > 0 && !compiled(facts.loggingSafePattern).test(value)) {
    const outside = matchingChars(value, `[^${facts.loggingSafePattern.slice(2, -3)}]`);
    out.push({
      code: 'sfn/name-not-logging-safe',
      severity: 'warning',
      message: `Logging to CloudWatch Logs is on, and the name contains ${outside.chars.map(showChar).join(', ')}: with logging, names should only contain ${facts.loggingSafeDescription}.`,
      span: outside.first,
    });
  }
  return out;
}

export function stateMachineNameProblems(name: string, options: { loggingEnabled?: boolean } = {}): ValueProblem[] {
  return sfnNameProblems(name, 'state machine', F.sfn.stateMachineName, options.loggingEnabled ?? false);
}

export function activityNameProblems(name: string): ValueProblem[] {
  return sfnNameProblems(name, 'activity', F.sfn.activityName, false);
}

export function imageBuilderWorkflowNameProblems(name: string): ValueProblem[] {
  if (compiled(F.imagebuilder.workflowName.pattern).test(name)) return [];
  const n = codePointLength(name);
  let why = 'use 3–128 letters, digits, hyphens and underscores (spaces only inside)';
  if (n < 3) why = `it is ${n} character${n === 1 ? '' : 's'} long and needs at least 3`;
  else if (n > 128) why = `it is ${n} characters long and the maximum is 128`;
  else if (/^ | $/.test(name)) why = 'it cannot start or end with a space';
  else {
    const bad = matchingChars(name, '[^-_A-Za-z0-9 ]');
    if (bad.first) return [{ code: 'imagebuilder/workflow-name-invalid', severity: 'error', message: `An Image Builder workflow name cannot contain ${bad.chars.map(showChar).join(', ')}: use letters, digits, hyphens, underscores and inner spaces.`, span: bad.first }];
  }
  return [{ code: 'imagebuilder/workflow-name-invalid', severity: 'error', message: `'${name}' is not a valid Image Builder workflow name: ${why}.` }];
}

export function mwaaServerlessWorkflowNameProblems(name: string): ValueProblem[] {
  const f = F.mwaaServerless.workflowName;
  const length = lengthProblem('mwaa-serverless/name-invalid', 'MWAA Serverless workflow name', name, f.min, f.max);
  if (length) return [length];
  if (compiled(f.pattern).test(name)) return [];
  if (!/^[a-zA-Z0-9]/.test(name)) return [{ code: 'mwaa-serverless/name-invalid', severity: 'error', message: 'An MWAA Serverless workflow name must start with a letter or digit.', span: [0, 1] }];
  const bad = matchingChars(name, '[^a-zA-Z0-9.\\-_]');
  return [{ code: 'mwaa-serverless/name-invalid', severity: 'error', message: `An MWAA Serverless workflow name cannot contain ${bad.chars.map(showChar).join(', ')}: use letters, digits, '.', '-' and '_'.`, span: bad.first }];
}

export function mwaaEnvironmentNameProblems(name: string): ValueProblem[] {
  const f = F.mwaa.environmentName;
  const length = lengthProblem('mwaa/environment-name-invalid', 'MWAA environment name', name, f.min, f.max);
  if (length) return [length];
  if (compiled(f.pattern).test(name)) return [];
  if (!/^[a-zA-Z]/.test(name)) return [{ code: 'mwaa/environment-name-invalid', severity: 'error', message: 'An MWAA environment name must start with a letter.', span: [0, 1] }];
  const bad = matchingChars(name, '[^0-9a-zA-Z\\-_]');
  return [{ code: 'mwaa/environment-name-invalid', severity: 'error', message: `An MWAA environment name cannot contain ${bad.chars.map(showChar).join(', ')}: use letters, digits, '-' and '_'.`, span: bad.first }];
}

/** Image Builder `semanticVersion`: major.minor.patch, each part at most 2^30−1; no build number. */
export function imageBuilderVersionProblems(version: string): ValueProblem[] {
  const f = F.imagebuilder.semanticVersion;
  if (compiled(f.pattern).test(version)) {
    const out: ValueProblem[] = [];
    let offset = 0;
    for (const part of version.split('.')) {
      if (Number(part) > f.nodeMax) {
        out.push({ code: 'imagebuilder/version-part-too-large', severity: 'error', message: `Each part of the version is at most ${f.nodeMax}; ${part} is larger.`, span: [offset, offset + part.length] });
      }
      offset += part.length + 1;
    }
    return out;
  }
  const prefixed = /^([vV+]+)(\d+\.\d+\.\d+)$/.exec(version);
  if (prefixed) {
    return [{
      code: 'imagebuilder/version-prefix',
      severity: 'error',
      message: `Image Builder versions are plain numbers: write ${prefixed[2]}, without the leading '${prefixed[1]}'.`,
      span: [0, prefixed[1].length],
      fixes: [{ kind: 'replace', title: `Change to ${prefixed[2]}`, value: prefixed[2], preferred: true }],
    }];
  }
  const withBuild = /^(\d+\.\d+\.\d+)\/\d+$/.exec(version);
  if (withBuild) {
    return [{
      code: 'imagebuilder/version-invalid',
      severity: 'error',
      message: `Leave out the build number: Image Builder assigns it. Write ${withBuild[1]}.`,
      span: [withBuild[1].length, version.length],
      fixes: [{ kind: 'replace', title: `Change to ${withBuild[1]}`, value: withBuild[1], preferred: true }],
    }];
  }
  return [{ code: 'imagebuilder/version-invalid', severity: 'error', message: `'${version}' is not a semantic version: use three numbers, major.minor.patch (such as 1.0.0).` }];
}

export function validateStateMachineName(name: string, options: { loggingEnabled?: boolean } = {}): string | undefined {
  return firstError(stateMachineNameProblems(name, options));
}
export function validateActivityName(name: string): string | undefined {
  return firstError(activityNameProblems(name));
}
export function validateImageBuilderWorkflowName(name: string): string | undefined {
  return firstError(imageBuilderWorkflowNameProblems(name));
}
export function validateMwaaServerlessWorkflowName(name: string): string | undefined {
  return firstError(mwaaServerlessWorkflowNameProblems(name));
}
export function validateMwaaEnvironmentName(name: string): string | undefined {
  return firstError(mwaaEnvironmentNameProblems(name));
}
export function validateImageBuilderVersion(version: string): string | undefined {
  return firstError(imageBuilderVersionProblems(version));
}

const VERSION_IN = /(\d+)\.(\d+)\.(\d+)(?:\/(?:\d+|x))?$/;

/**
 * The next patch version after the newest of `existing` (plain versions, build versions such as
 * 1.4.0/2, or workflow ARNs ending in one); 1.0.0 when there is none. No part passes the service's
 * 2^30−1: at the limit the next part up is bumped and the ones after it restart at 0; undefined
 * when even the major part is at the limit.
 */
export function nextPatchVersion(existing: readonly string[]): string | undefined {
  const max = F.imagebuilder.semanticVersion.nodeMax;
  let best: [number, number, number] | undefined;
  for (const v of existing) {
    const m = VERSION_IN.exec(v.trim());
    if (!m) continue;
    const parts: [number, number, number] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!best || parts[0] > best[0] || (parts[0] === best[0] && (parts[1] > best[1] || (parts[1] === best[1] && parts[2] > best[2])))) best = parts;
  }
  if (!best) return '1.0.0';
  const [major, minor, patch] = best;
  if (patch < max) return `${major}.${minor}.${patch + 1}`;
  if (minor < max) return `${major}.${minor + 1}.0`;
  return major < max ? `${major + 1}.0.0` : undefined;
}

export const RULES: RuleDoc[] = [
  { code: 'sfn/name-length', severity: 'error', source: 'Model: stepfunctions.json Name length (1–80)', summary: `A state machine or activity name outside ${F.sfn.stateMachineName.min}–${F.sfn.stateMachineName.max} characters.`, example: 'stateMachines:\n  "": { ... }' },
  { code: 'sfn/name-invalid-char', severity: 'error', source: 'Model: stepfunctions.json Name documentation (characters a name must not contain)', summary: 'A Step Functions name with white space, brackets, wildcards, special or control characters.', example: 'stateMachines:\n  order pipeline: { ... }' },
  { code: 'sfn/name-not-logging-safe', severity: 'warning', summary: `Logging is on and the name has characters outside ${F.sfn.stateMachineName.loggingSafeDescription}.`, example: 'stateMachines:\n  orders.v2: { logging: { level: ALL, ... } }' },
  { code: 'imagebuilder/workflow-name-invalid', severity: 'error', source: 'Model: imagebuilder.json ResourceName pattern', summary: "An Image Builder workflow name that does not match the service's pattern (3–128 characters).", example: 'imageBuilderWorkflows:\n  hb: { ... }' },
  { code: 'imagebuilder/version-invalid', severity: 'error', source: 'Model: imagebuilder.json VersionNumber pattern', summary: '`version` that is not major.minor.patch (a build number is assigned by the service).', example: 'version: 1.4' },
  { code: 'imagebuilder/version-prefix', severity: 'error', source: 'Model: imagebuilder.json VersionNumber pattern', summary: '`version` with a leading `v` or `+`; the quick fix removes it.', example: 'version: v1.4.0' },
  { code: 'imagebuilder/version-part-too-large', severity: 'error', source: 'Model: imagebuilder.json semantic version documentation (each node up to 2^30-1)', summary: `A version part above ${F.imagebuilder.semanticVersion.nodeMax} (2^30−1).`, example: 'version: 1.0.2000000000' },
  { code: 'mwaa-serverless/name-invalid', severity: 'error', source: 'Model: mwaa-serverless.json workflow Name pattern and length', summary: `An MWAA Serverless workflow name outside ${F.mwaaServerless.workflowName.min}–${F.mwaaServerless.workflowName.max} characters or not matching the service's pattern.`, example: 'airflowWorkflows:\n  -nightly: { ... }' },
  { code: 'mwaa/environment-name-invalid', severity: 'error', source: 'Model: mwaa.json EnvironmentName pattern', summary: "An MWAA environment name that does not match the service's pattern.", example: 'airflowEnvironments: [1-analytics]' },
];
