import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Finding } from '../../../src/core/findings';
import { indexRuleLines } from '../../../src/diagnostics/ruleLines';
import { DEFAULT_DEBOUNCE_MS, DIAGNOSTICS_SETTING_IDS } from '../../../src/diagnostics/settingKeys';
import { applySeverityOverrides, effectiveSeverity, invalidOverrides } from '../../../src/diagnostics/severity';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const finding = (code: string, severity: Finding['severity']): Finding => ({ code, severity, message: code, range });

describe('severity overrides', () => {
  it('keeps the rule severity without an override', () => {
    assert.equal(effectiveSeverity(finding('sfn/name-invalid-char', 'error'), {}), 'error');
  });

  it('applies an exact code, and an area wildcard to the codes of that area only', () => {
    const overrides = { 'sfn/*': 'info', 'kms/key-alias-aws': 'warning' };
    assert.equal(effectiveSeverity(finding('sfn/name-too-long', 'error'), overrides), 'info');
    assert.equal(effectiveSeverity(finding('kms/key-alias-aws', 'error'), overrides), 'warning');
    assert.equal(effectiveSeverity(finding('kms/type-without-key', 'error'), overrides), 'error');
    assert.equal(effectiveSeverity(finding('sfnx/other', 'error'), overrides), 'error');
  });

  it('lets an exact code win over its area', () => {
    assert.equal(effectiveSeverity(finding('sfn/name-too-long', 'error'), { 'sfn/*': 'off', 'sfn/name-too-long': 'warning' }), 'warning');
  });

  it('drops findings turned off and copies changed ones without touching the originals', () => {
    const input = [finding('asl/unreachable-state', 'warning'), finding('asl/next-unknown', 'error'), finding('parse/syntax', 'error')];
    const out = applySeverityOverrides(input, { 'asl/unreachable-state': 'off', 'asl/next-unknown': 'warning' });
    assert.deepEqual(out.map((f) => [f.code, f.severity]), [['asl/next-unknown', 'warning'], ['parse/syntax', 'error']]);
    assert.equal(input[1].severity, 'error');
    assert.equal(out[1], input[2]);
  });

  it('ignores values that are not a severity, and names them', () => {
    const overrides = { 'asl/next-unknown': 'fatal', 'sfn/*': 'warning' };
    assert.equal(effectiveSeverity(finding('asl/next-unknown', 'error'), overrides), 'error');
    assert.deepEqual(invalidOverrides(overrides), ['asl/next-unknown']);
  });
});

describe('rule documentation lines', () => {
  it('maps each code to its first line inside the generated rules section only', () => {
    const readme = ['# Title', 'See `kms/missing-key` below.', '<!-- rules:start -->', '| Code | Summary |', '| `kms/missing-key` | A key is missing. |', '| `asl/unknown-state` | See also `kms/missing-key`. |', '<!-- rules:end -->', '`sfn/after-end`'].join('\n');
    assert.deepEqual([...indexRuleLines(readme)], [['kms/missing-key', 4], ['asl/unknown-state', 5]]);
    assert.equal(indexRuleLines('no markers `kms/missing-key`').size, 0);
  });
});

describe('diagnostics settings', () => {
  it('declares every key in package.json, the severity setting with the four values', () => {
    const pkg = JSON.parse(readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    const properties = pkg.contributes.configuration.properties as Record<string, { default?: unknown; additionalProperties?: { enum?: string[] } }>;
    for (const id of DIAGNOSTICS_SETTING_IDS) assert.ok(properties[id], `${id} is not in package.json`);
    assert.equal(properties['awsWorkflows.diagnostics.debounceMs'].default, DEFAULT_DEBOUNCE_MS);
    assert.deepEqual(properties['awsWorkflows.diagnostics.severity'].additionalProperties?.enum, ['error', 'warning', 'info', 'off']);
  });
});
