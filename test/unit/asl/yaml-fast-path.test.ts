// The fast YAML path (src/core/parse/yamlFast.ts) must read exactly what the yaml package reads
// (values, kinds, offsets, duplicate keys) or step aside; checked on the corpus, the benchmark
// inputs and mutations of them.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { ValueNode } from '../../../src/core/parse/node';
import { parseYamlWithPackage } from '../../../src/core/parse/yaml';
import { parseYamlFast } from '../../../src/core/parse/yamlFast';

const corpus = path.join(__dirname, '..', '..', 'fixtures', 'asl');

function shape(node: ValueNode | undefined): unknown {
  if (!node) return undefined;
  switch (node.kind) {
    case 'object': return { o: node.start, end: node.end, entries: node.entries.map((e) => [e.key, e.keyStart, e.keyEnd, shape(e.value)]) };
    case 'array': return { a: node.start, end: node.end, items: node.items.map(shape) };
    case 'number': return [node.kind, Number.isNaN(node.value) ? 'NaN' : node.value, node.raw, node.start, node.end];
    default: return [node.kind, node.value, node.start, node.end];
  }
}

function assertSameOrBail(text: string, label: string): boolean {
  const fast = parseYamlFast(text);
  if (!fast) return false;
  const full = parseYamlWithPackage(text);
  assert.deepEqual(shape(fast.root), shape(full.root), label);
  assert.deepEqual(fast.problems, full.problems, label);
  return true;
}

function yamlFiles(): string[] {
  const out: string[] = [];
  for (const dir of ['valid', 'invalid']) {
    for (const f of readdirSync(path.join(corpus, dir))) if (/\.ya?ml$/.test(f)) out.push(path.join(corpus, dir, f));
  }
  return out;
}

describe('fast YAML path', () => {
  it('reads the corpus exactly like the yaml package', () => {
    let taken = 0;
    for (const file of yamlFiles()) if (assertSameOrBail(readFileSync(file, 'utf8'), file)) taken++;
    assert.ok(taken >= 10, `the fast path handled only ${taken} files`);
  });

  it('reads scalars with the YAML 1.2 core schema', () => {
    const text = [
      'a: 1', 'b: -2.5', 'c: 0x1F', 'd: 0o17', 'e: .inf', 'f: -.Inf', 'g: .nan', 'h: true', 'i: False', 'j: ~', 'k: null', 'l:',
      'm: 1e3', 'n: 1.0', 'o: 2026-01-01', 'p: yes', 'q: "x\\ty\\u00e9"', "r: 'it''s'", 's: arn:aws:states:::lambda:invoke',
      't: a #comment', 'u: [1, "two", {v: w}]', 'x: {}', 'y: []', 'z: $.a[0]',
    ].join('\n') + '\n';
    assert.ok(assertSameOrBail(text, 'scalars'));
  });

  it('handles nested block structure and reports duplicates like the package', () => {
    const text = 'A:\n  - x: 1\n    y:\n      - 2\n      -\n  - - 3\nB:\n- 4\nC: {k: 1, k: 2}\nC: 5\n';
    assertSameOrBail(text, 'nested');
    const simpler = 'A:\n  - x: 1\n    y:\n      - 2\nB:\n- 4\nC: {k: 1, k: 2}\nC: 5\n';
    assert.ok(assertSameOrBail(simpler, 'nested'));
  });

  it('steps aside or agrees on mutated definitions', () => {
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const pieces = [':', ' ', '\n', '- ', '  ', '#', '"', "'", '[', ']', '{', '}', ',', '&a ', '*a', '|', '>', '? ', '%', '\t', '---\n'];
    const files = yamlFiles();
    let taken = 0;
    for (let round = 0; round < 400; round++) {
      let text = readFileSync(files[Math.floor(next() * files.length)], 'utf8');
      const at = Math.floor(next() * text.length);
      text = next() < 0.5 ? text.slice(0, at) + pieces[Math.floor(next() * pieces.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
      if (assertSameOrBail(text, `round ${round}`)) taken++;
    }
    assert.ok(taken > 100, `only ${taken} mutated inputs took the fast path`);
  });

  it('reads the generated benchmark definition like the package', async () => {
    const { generateAsl } = await import('../../../scripts/bench/generate-asl.mjs');
    const { text } = generateAsl(100, { format: 'yaml' });
    assert.ok(assertSameOrBail(text, 'bench yaml'));
  });
});
