// The ASL corpus: every valid definition passes with no errors (and only the warnings it
// declares); every invalid one produces exactly the findings its .expect.json lists.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../../src/core/parse/document';
import { validateAsl } from '../../../src/core/asl/validate';
import { RULES } from '../../../src/core/asl/rules';

const corpus = path.join(__dirname, '..', '..', 'fixtures', 'asl');

interface Expectation {
  description?: string;
  type?: 'STANDARD' | 'EXPRESS';
  findings: { code: string; severity: string; line: number; character: number }[];
}

function definitions(dir: string): string[] {
  return readdirSync(path.join(corpus, dir)).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.endsWith('.expect.json')).sort();
}

function lint(dir: string, file: string): { actual: Expectation['findings']; expected?: Expectation; messages: string[] } {
  const full = path.join(corpus, dir, file);
  const expectFile = `${full}.expect.json`;
  const expected: Expectation | undefined = existsSync(expectFile) ? JSON.parse(readFileSync(expectFile, 'utf8')) : undefined;
  const doc = parseDocument(readFileSync(full, 'utf8'), file.endsWith('.json') ? 'json' : 'yaml');
  const findings = validateAsl(doc, { type: expected?.type });
  return {
    actual: findings.map((f) => ({ code: f.code, severity: f.severity, line: f.range.start.line, character: f.range.start.character })),
    expected,
    messages: findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.code} ${f.message}`),
  };
}

const documented = new Set(RULES.map((r) => r.code));

describe('ASL corpus: valid definitions', () => {
  const files = definitions('valid');
  it('has at least 60 valid definitions in JSON and YAML', () => {
    assert.ok(files.length >= 60, `${files.length} valid files`);
    assert.ok(files.some((f) => f.endsWith('.yaml')) && files.some((f) => f.endsWith('.json')));
  });
  for (const file of files) {
    it(`${file}: no errors, only declared warnings`, () => {
      const { actual, expected, messages } = lint('valid', file);
      assert.deepEqual(actual.filter((f) => f.severity === 'error'), [], messages.join('\n'));
      assert.deepEqual(actual, expected?.findings ?? [], messages.join('\n'));
    });
  }
});

describe('ASL corpus: invalid definitions', () => {
  const files = definitions('invalid');
  it('has at least 60 invalid definitions, each with an expectation', () => {
    assert.ok(files.length >= 60, `${files.length} invalid files`);
    for (const f of files) assert.ok(existsSync(path.join(corpus, 'invalid', `${f}.expect.json`)), `${f} has no .expect.json`);
  });
  for (const file of files) {
    it(`${file}: exactly the expected findings`, () => {
      const { actual, expected, messages } = lint('invalid', file);
      assert.ok(expected && expected.findings.length > 0, 'an invalid definition must expect at least one finding');
      assert.deepEqual(actual, expected.findings, messages.join('\n'));
      for (const f of actual) assert.ok(f.code.startsWith('parse/') || documented.has(f.code), `${f.code} is not documented in RULES`);
    });
  }
});
