// Helpers for manifest rule tests: ⟦ ⟧ markers in a YAML text say exactly which characters a
// finding must cover; fixes are applied to the text as an editor would.

import assert from 'node:assert/strict';
import type { Finding, Fix, Range } from '../../../src/core/findings';
import { checkManifest, parseManifest, type ManifestCheckContext } from '../../../src/core/manifest';
import { LineIndex } from '../../../src/core/parse/document';

/** Every code any manifest test saw, for the catalog test. */
export const seenCodes = new Set<string>();

export function lintManifest(text: string, ctx: Partial<ManifestCheckContext> = {}): Finding[] {
  const parsed = parseManifest(text);
  const findings = [...parsed.findings, ...checkManifest(parsed, { fileExists: () => true, ...ctx })];
  for (const f of findings) seenCodes.add(f.code);
  return findings;
}

/** Strips ⟦ ⟧ from a text and returns the marked range. */
export function marked(source: string): { text: string; range: Range } {
  const open = source.indexOf('⟦');
  const close = source.indexOf('⟧');
  assert.ok(open >= 0 && close > open, 'the test text needs one ⟦…⟧ marker');
  const text = source.slice(0, open) + source.slice(open + 1, close) + source.slice(close + 1);
  const lines = new LineIndex(text);
  return { text, range: lines.range(open, close - 1) };
}

export function applyFix(text: string, fix: Fix): string {
  const lines = new LineIndex(text);
  const edits = fix.edits.map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

export function only(findings: Finding[], code: string): Finding {
  const matching = findings.filter((f) => f.code === code);
  assert.equal(matching.length, 1, `expected exactly one ${code}, got: ${JSON.stringify(findings.map((f) => `${f.code}: ${f.message}`), null, 1)}`);
  return matching[0];
}
