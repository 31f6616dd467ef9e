import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkManifest, parseManifest } from '../../../src/core/manifest';
import { CASES } from './cases';
import { marked } from './support';

const EXAMPLE = readFileSync(join(__dirname, 'example.yaml'), 'utf8');

/** A small deterministic PRNG so a failure can be reproduced. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function checkNeverThrows(text: string): void {
  const files: Record<string, string> = { 'statemachines/order.asl.yaml': text.slice(0, 200) };
  const parsed = parseManifest(text);
  const findings = checkManifest(parsed, { fileExists: (p) => p in files || p.length % 2 === 0, readFile: (p) => files[p] ?? text, defaultRegion: 'eu-west-1' });
  for (const f of [...parsed.findings, ...findings]) {
    assert.notEqual(f.code, 'manifest/internal-error', `internal error on ${JSON.stringify(text)}: ${f.message}`);
    assert.ok(f.range.start.line <= f.range.end.line, 'ranges are ordered');
  }
}

describe('manifest robustness', () => {
  it('never throws on any truncation of the example', () => {
    for (let i = 0; i <= EXAMPLE.length; i++) checkNeverThrows(EXAMPLE.slice(0, i));
  });

  it('never throws on random edits of the example and of every rule case', () => {
    const rnd = random(7);
    const pieces = ['{', '}', '[', ']', ':', ',', '"', "'", '\n', '  ', '- ', '#', '&a', '*a', '<<: *a', '!!str', 'null', '~', '300', 'alias/aws/x', 'arn:aws:kms:us-east-1:1:key/x', ':*', 'type: ', 'encryption: ', 'tags: ', '\t', '\u0000', '%', '|', '>'];
    const sources = [EXAMPLE, ...CASES.map((c) => marked(c.fires).text)];
    for (let n = 0; n < 1500; n++) {
      let text = sources[Math.floor(rnd() * sources.length)];
      const edits = 1 + Math.floor(rnd() * 4);
      for (let k = 0; k < edits; k++) {
        const at = Math.floor(rnd() * (text.length + 1));
        const cut = rnd() < 0.5 ? Math.floor(rnd() * 6) : 0;
        text = text.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + text.slice(at + cut);
      }
      checkNeverThrows(text);
    }
  });

  it('reads shapes it does not expect anywhere without throwing', () => {
    for (const text of ['stateMachines: 3', 'stateMachines:\n  a: 3', 'stateMachines:\n  a:\n    encryption: [1]\n    logging: x\n    tags: { a: [1] }', 'airflowWorkflows:\n  a:\n    network: { securityGroupIds: [1, {}], subnetIds: x }', 'airflowEnvironments: [1, { region: 2 }, { name: [] }]', 'defaults: []', '? [a]\n: b', '&a x: *a', 'a: &a\n  b: *a']) {
      checkNeverThrows(text);
    }
  });
});
