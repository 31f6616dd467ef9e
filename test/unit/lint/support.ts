// Helpers shared by the document-rule tests: exact ranges by the text they cover.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Finding, Range } from '../../../src/core/findings';
import { LineIndex } from '../../../src/core/parse/document';

/** The range of the `occurrence`-th (0-based) appearance of `needle` in `text`. */
export function rangeOf(text: string, needle: string, occurrence = 0): Range {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = text.indexOf(needle, at + 1);
    assert.ok(at >= 0, `'${needle}' (#${occurrence}) is not in the test text`);
  }
  return new LineIndex(text).range(at, at + needle.length);
}

export function codes(findings: Finding[]): string[] {
  return findings.map((f) => f.code);
}

/** Exactly one finding with this code; returns it. */
export function only(findings: Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected one ${code}, got: ${JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`), null, 1)}`);
  return matching[0];
}

export function expectFinding(findings: Finding[], code: string, severity: Finding['severity'], range: Range): Finding {
  const f = only(findings, code);
  assert.equal(f.severity, severity, `${code} severity`);
  assert.deepEqual(f.range, range, `${code} range`);
  return f;
}

export function expectNone(findings: Finding[], code: string): void {
  assert.deepEqual(findings.filter((f) => f.code === code).map((f) => f.message), [], `expected no ${code}`);
}

/** `# expect: a, b` on a fixture's first line. */
export function expectedCodes(text: string): string[] {
  const m = /^#\s*expect:\s*(.+)$/m.exec(text);
  return m ? m[1].split(',').map((s) => s.trim()).filter(Boolean).sort() : [];
}

/** Deterministic pseudo-random numbers for fuzzing (mulberry32), shared with the bench's generator. */
export { random } from '../../../scripts/bench/generate-asl.mjs';

/** The range of the first `needle` after the first `anchor`. */
export function rangeAfter(text: string, anchor: string, needle: string): Range {
  const a = text.indexOf(anchor);
  assert.ok(a >= 0, `'${anchor}' is not in the test text`);
  const at = text.indexOf(needle, a + anchor.length);
  assert.ok(at >= 0, `'${needle}' is not after '${anchor}' in the test text`);
  return new LineIndex(text).range(at, at + needle.length);
}

/** Asserts that the codes `area/...` spelled out in a validator's source are exactly the documented rules. */
export function assertDocumentsEmittedCodes(validatorSource: string, area: string, rules: readonly { code: string }[]): void {
  const documented = new Set(rules.map((r) => r.code));
  const source = readFileSync(validatorSource, 'utf8');
  const emitted = new Set([...source.matchAll(new RegExp(`'(${area}/[a-z-]+)'`, 'g'))].map((m) => m[1]));
  assert.deepEqual([...emitted].filter((c) => !documented.has(c)), []);
  assert.deepEqual([...documented].filter((c) => !emitted.has(c)), []);
}
