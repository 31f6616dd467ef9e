// The native JSON path (src/core/parse/jsonNative.ts: JSON.parse, positions located on first read)
// must give exactly what the position parser (json.ts) gives: the same tree and offsets, and the same
// findings with the same ranges, fixes and related ranges, for every JSON file we have: examples/,
// the serverless-patterns corpus and the test fixtures. What JSON.parse reads differently (duplicate
// keys, integer-like keys, comments, trailing commas, depth) must fall back to json.ts.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { validateAsl } from '../../../src/core/asl/validate';
import { validateDag } from '../../../src/core/dag/validate';
import { validateImageBuilderDocument } from '../../../src/core/imagebuilder/validate';
import { detectKind } from '../../../src/core/kind';
import { lintText } from '../../../src/core/lint';
import { parseDocument, parseDocumentForChecks, parseFindings, type ParsedDocument } from '../../../src/core/parse/document';
import * as jsonNative from '../../../src/core/parse/jsonNative';
import { parseJsonNative } from '../../../src/core/parse/jsonNative';
import type { ValueNode } from '../../../src/core/parse/node';
import type { Finding } from '../../../src/core/findings';

const root = path.join(__dirname, '..', '..', '..');

function jsonFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) out.push(...jsonFiles(full));
    else if (name.endsWith('.json')) out.push(full);
  }
  return out;
}

const FILES = [
  ...jsonFiles(path.join(root, 'examples')),
  ...jsonFiles(path.join(root, '..', 'shared', 'corpus', 'serverless-patterns')),
  ...jsonFiles(path.join(root, 'test', 'fixtures')),
];

function shape(node: ValueNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': return { o: node.start, end: node.end, entries: node.entries.map((e) => [e.key, e.keyStart, e.keyEnd, shape(e.value)]) };
    case 'array': return { a: node.start, end: node.end, items: node.items.map(shape) };
    case 'number': return [node.kind, node.value, node.raw, node.start, node.end];
    default: return [node.kind, node.value, node.start, node.end];
  }
}

/** lintText's rules for a kind, on a given parsed document (the position parser's or the native one). */
function rulesOn(kind: string, doc: ParsedDocument): Finding[] {
  switch (kind) {
    case 'stateMachine': return validateAsl(doc);
    case 'imageBuilderWorkflow': return [...parseFindings(doc), ...validateImageBuilderDocument(doc)];
    case 'airflowWorkflow': return [...parseFindings(doc), ...validateDag(doc)];
    default: return [];
  }
}

/** Findings as plain data, so accessors and key order cannot hide a difference. */
const plain = (findings: Finding[]) => JSON.parse(JSON.stringify(findings)) as unknown;

/** Whether the native tree has read any offset yet (its nodes keep -1 until located). */
const located = (doc: ParsedDocument) => (doc.root as unknown as { s: number }).s >= 0;

describe('native JSON path', () => {
  it('gives the findings and ranges of the position parser for every JSON file in examples, the corpus and the fixtures', () => {
    assert.ok(FILES.length > 250, `only ${FILES.length} JSON files found`);
    let native = 0;
    let withFindings = 0;
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      const kind = detectKind(path.basename(file), text);
      const fast = parseDocumentForChecks(text, 'json');
      const slow = parseDocument(text, 'json');
      if (parseJsonNative(text.replace(/^\uFEFF/, ''), 400)) native++;
      const expected = rulesOn(kind, slow);
      const actual = rulesOn(kind, fast);
      assert.deepEqual(plain(actual), plain(expected), path.relative(root, file));
      if (expected.length) withFindings++;
      // After the rules, and whether or not they located it, the tree is json.ts's.
      assert.deepEqual(shape(fast.root), shape(slow.root), path.relative(root, file));
    }
    assert.ok(native > 200, `the native path read only ${native} of ${FILES.length} files`);
    assert.ok(withFindings > 100, `only ${withFindings} files have findings: the ranges were barely compared`);
  });

  it('reads no position of a definition that has no finding', () => {
    const clean = readFileSync(path.join(root, 'test', 'fixtures', 'asl', 'valid', readdirSync(path.join(root, 'test', 'fixtures', 'asl', 'valid')).find((f) => f.endsWith('.json'))!), 'utf8');
    const doc = parseDocumentForChecks(clean, 'json');
    assert.equal(doc.problems.length, 0);
    const findings = validateAsl(doc);
    if (findings.length === 0) assert.equal(located(doc), false, 'a clean definition located its positions');
    const states = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`S${i}`, i === 299 ? { Type: 'Succeed' } : { Type: 'Pass', Result: { n: i, ok: true, list: [1.5, null, 'x'] }, ResultPath: '$.r', Next: `S${i + 1}` }]));
    const big = JSON.stringify({ StartAt: 'S0', States: states }, null, 2);
    const bigDoc = parseDocumentForChecks(big, 'json');
    assert.deepEqual(validateAsl(bigDoc), []);
    assert.equal(located(bigDoc), false, 'a clean definition located its positions');
    // The whole lint (kind, rules, the states the editor's CodeLens anchors), as the CLI runs it.
    const before = jsonNative.locatedDocuments;
    const lint = lintText({ fileName: 'big.asl.json', text: big });
    assert.deepEqual(lint.findings, []);
    assert.equal(jsonNative.locatedDocuments, before, 'lintText located the positions of a clean definition');
    // Asked for, an anchor's offset is exact.
    assert.equal(big.slice(lint.states![7].offset, lint.states![7].offset + 4), '"S7"');
    assert.equal(jsonNative.locatedDocuments, before + 1);
  });

  it('falls back to the position parser for what JSON.parse reads differently', () => {
    const cases: [string, string][] = [
      ['duplicate key', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"}, "A": {"Type": "Succeed"}}}'],
      ['duplicate top-level key', '{"StartAt": "A", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'],
      ['integer-like key', '{"StartAt": "b", "States": {"b": {"Type": "Pass", "Next": "1"}, "1": {"Type": "Succeed"}}}'],
      ['comment', '{\n  // c\n  "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}'],
      ['trailing comma', '{"StartAt": "A", "States": {"A": {"Type": "Succeed"},}}'],
      ['placeholder', '{"StartAt": "A", "States": {"A": {"Type": "Wait", "Seconds": ${Delay}, "End": true}}}'],
      ['too deep', `{"StartAt": "A", "States": {"A": {"Type": "Pass", "Result": ${'['.repeat(450)}${']'.repeat(450)}, "End": true}}}`],
    ];
    for (const [label, text] of cases) {
      assert.equal(parseJsonNative(text, 400), undefined, label);
      const fast = lintText({ fileName: 'x.asl.json', text });
      assert.ok(fast.findings.length > 0 || label === 'integer-like key', `${label}: no finding`);
      assert.deepEqual(plain(validateAsl(parseDocumentForChecks(text, 'json'))), plain(validateAsl(parseDocument(text, 'json'))), label);
    }
    const duplicate = lintText({ fileName: 'x.asl.json', text: cases[0][1] });
    assert.ok(duplicate.findings.some((f) => f.code === 'asl/duplicate-state-name'), 'a duplicate state name is still reported');
  });

  it('keeps exact ranges where values are escaped, numbers spelled out and keys odd', () => {
    const text = [
      '\uFEFF{',
      '  "Comment": "caf\\u00e9 \\"quoted\\" \\\\ path",',
      '  "StartAt": "W\\u0061it",',
      '  "__proto__": {"polluted": true},',
      '  "States": {',
      '    "Wait": {"Type": "Wait", "Seconds": -1.50e1, "Next": "Dispatch"},',
      '    "Dispatch": {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "TimeoutSeconds": 1.0, "HeartbeatSeconds": 10, "Parameters": {"a.$": "$.x[", "b.$": "States.Format(\'{}\')"}, "ResultPath": "$..bad", "Nxt": "Done", "End": true},',
      '    "Done": {"Type": "Sucseed"}',
      '  }',
      '}',
    ].join('\r\n');
    assert.ok(parseJsonNative(text.slice(1), 400), 'the native path reads it');
    const slow = validateAsl(parseDocument(text, 'json'));
    assert.ok(slow.length >= 4, JSON.stringify(slow.map((f) => f.code)));
    assert.deepEqual(plain(validateAsl(parseDocumentForChecks(text, 'json'))), plain(slow));
    const lint = lintText({ fileName: 'odd.asl.json', text });
    assert.deepEqual(plain(lint.findings.filter((f) => f.code.startsWith('asl/'))), plain(slow.filter((f) => f.code.startsWith('asl/'))));
  });
});
