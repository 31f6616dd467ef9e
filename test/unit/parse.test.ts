import assert from 'node:assert/strict';
import { parseDocument } from '../../src/core/parse/document';
import { child, toValue, nodeAtPointer } from '../../src/core/parse/node';

describe('parseDocument (JSON)', () => {
  it('matches JSON.parse on valid input and keeps key and value offsets', () => {
    const text = '{\n  "StartAt": "A",\n  "States": {"A": {"Type": "Pass", "End": true, "N": -1.5e3, "U": "\\u00e9\\n"}}\n}';
    const doc = parseDocument(text, 'json');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(toValue(doc.root!), JSON.parse(text));
    const startAt = child(doc.root, 'StartAt')!;
    assert.equal(text.slice(startAt.start, startAt.end), '"A"');
    assert.deepEqual(doc.lines.positionAt(startAt.start), { line: 1, character: 13 });
  });

  it('reports duplicate keys with both places', () => {
    const doc = parseDocument('{"a": 1, "a": 2}', 'json');
    const dup = doc.problems.find((p) => p.code === 'parse/duplicate-key')!;
    assert.equal(dup.start, 9);
    assert.equal(dup.otherStart, 1);
  });

  it('keeps what was read before a syntax error', () => {
    const doc = parseDocument('{"StartAt": "A", "States": {"A": {"Type": "Pass",, }}}', 'json');
    assert.equal(doc.problems[0].code, 'parse/syntax');
    assert.equal(nodeAtPointer(doc.root, '/States/A/Type')?.node.kind, 'string');
  });

  it('never throws on truncated input', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "B"}, "B": {"Type": "Succeed"}}}';
    for (let i = 0; i <= text.length; i++) {
      const doc = parseDocument(text.slice(0, i), 'json');
      assert.equal(i === text.length ? doc.problems.length : doc.problems.length > 0, i === text.length ? 0 : true);
    }
  });
});

describe('parseDocument (YAML)', () => {
  it('resolves aliases and merge keys', () => {
    const text = 'base: &b {Type: Pass, End: true}\nStates:\n  A: *b\n  B:\n    <<: *b\n    Comment: hi\n';
    const doc = parseDocument(text, 'yaml');
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(toValue(nodeAtPointer(doc.root, '/States/A')!.node), { Type: 'Pass', End: true });
    assert.deepEqual(toValue(nodeAtPointer(doc.root, '/States/B')!.node), { Type: 'Pass', End: true, Comment: 'hi' });
  });

  it('points syntax errors at their place', () => {
    const doc = parseDocument('a: 1\nb: [1, 2\n', 'yaml');
    assert.ok(doc.problems.some((p) => p.code === 'parse/syntax'));
  });
});
