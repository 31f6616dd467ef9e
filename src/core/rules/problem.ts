// What a value-level validator returns: a problem with a stable code, and fixes described as
// changes to fields, not text. The manifest checker turns them into findings with ranges and
// TextEdits; the deploy wizard shows the message under its input box.

import type { Severity } from '../findings';

export type ValueFix = { title: string; preferred?: boolean } & (
  | { kind: 'replace'; /** Dotted path relative to the checked object; the checked value itself when absent. */ field?: string; value: string }
  | { kind: 'remove'; field: string }
  | { kind: 'append'; field?: string; text: string }
);

export interface ValueProblem {
  code: string;
  severity: Exclude<Severity, 'hint'>;
  message: string;
  /** The field the problem is about, relative to the checked object (for multi-field checks). */
  field?: string;
  /** Whether the range is the field's key or its value (the value when absent). */
  on?: 'key' | 'value';
  /** The offending characters inside the string value (or key): [start, end). */
  span?: [number, number];
  fixes?: ValueFix[];
}

/** The first error's message, else undefined: the shape InputBox.validateInput wants. */
export function firstError(problems: readonly ValueProblem[]): string | undefined {
  return problems.find((p) => p.severity === 'error')?.message;
}

const patternCache = new Map<string, RegExp>();

/** Compiles a generated (anchored) pattern once, with Unicode semantics. */
export function compiled(pattern: string): RegExp {
  let re = patternCache.get(pattern);
  if (!re) {
    re = new RegExp(pattern, 'u');
    patternCache.set(pattern, re);
  }
  return re;
}

/** A character for messages: printable as itself, otherwise as U+XXXX. */
export function showChar(ch: string): string {
  const cp = ch.codePointAt(0) ?? 0;
  if (ch === ' ') return 'a space';
  if (/\s/u.test(ch) || cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || (cp >= 0xd800 && cp <= 0xdfff) || cp >= 0xfffe) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${ch}'`;
}

/** `a` or `an` before a phrase, by its sound: an alias ARN, an MWAA Serverless workflow, a key ARN. */
export function withArticle(phrase: string): string {
  const an = /^[aeiou]/i.test(phrase) || /^[FHLMNRSX](?:[A-Z0-9]|$)/.test(phrase);
  return `${an ? 'an' : 'a'} ${phrase}`;
}
