import assert from 'node:assert/strict';
import { removalSpan, yamlScalar } from '../../../src/core/manifest/check';
import type { FieldRanges } from '../../../src/core/manifest';

/** Field offsets for `key: value` where `key` first occurs in `text`. */
function field(text: string, key: string, value: string): FieldRanges {
  const keyStart = text.indexOf(`${key}:`);
  const valueStart = text.indexOf(value, keyStart + key.length);
  const zero = { line: 0, character: 0 };
  return { keyStart, keyEnd: keyStart + key.length, valueStart, valueEnd: valueStart + value.length, keyRange: { start: zero, end: zero }, valueRange: { start: zero, end: zero } };
}

function remove(text: string, key: string, value: string): string {
  const [s, e] = removalSpan(text, field(text, key, value));
  return text.slice(0, s) + text.slice(e);
}

describe('quick-fix edits', () => {
  it('removes a field from a flow mapping wherever it stands', () => {
    assert.equal(remove('e: { type: A, kmsKeyId: k, p: 1 }', 'kmsKeyId', 'k'), 'e: { type: A, p: 1 }');
    assert.equal(remove('e: { kmsKeyId: k, type: A }', 'kmsKeyId', 'k'), 'e: { type: A }');
    assert.equal(remove('e: { type: A, kmsKeyId: k }', 'kmsKeyId', 'k'), 'e: { type: A }');
    assert.equal(remove('e: {type: A,kmsKeyId: k}', 'kmsKeyId', 'k'), 'e: {type: A}');
  });

  it('removes the whole line of a block field, comment included, even at the end of the file', () => {
    assert.equal(remove('e:\n  type: A\n  kmsKeyId: k  # old\n  p: 1\n', 'kmsKeyId', 'k'), 'e:\n  type: A\n  p: 1\n');
    assert.equal(remove('e:\n  type: A\n  kmsKeyId: k', 'kmsKeyId', 'k'), 'e:\n  type: A\n');
    assert.equal(remove('e:\r\n  kmsKeyId: k\r\n  type: A\r\n', 'kmsKeyId', 'k'), 'e:\r\n  type: A\r\n');
  });

  it('writes replacement values as YAML that reads back as the same string', () => {
    assert.equal(yamlScalar('CUSTOMER_MANAGED_KMS_KEY', 'CUSTOMER_MANAGED_KEY'), 'CUSTOMER_MANAGED_KMS_KEY');
    assert.equal(yamlScalar('order-pipeline', '"order pipeline"'), '"order-pipeline"');
    assert.equal(yamlScalar("it's", "'x'"), "'it''s'");
    assert.equal(yamlScalar('1.4.0', 'v1.4.0'), '1.4.0');
    for (const tricky of ['1.4', 'true', 'no', 'a: b', 'a #b', '[x]', '*x', '', 'x ']) {
      assert.equal(yamlScalar(tricky, 'plain').startsWith('"'), true, tricky);
    }
  });
});
