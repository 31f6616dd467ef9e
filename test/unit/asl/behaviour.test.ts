// Quick fixes, related locations, template placeholders, and robustness (truncated and mutated
// definitions never make the validator throw).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from '../../../src/core/parse/document';
import { validateAsl } from '../../../src/core/asl/validate';
import { parseAslText, substituteJsonPlaceholders } from '../../../src/core/asl/placeholders';
import type { Finding } from '../../../src/core/findings';
import { analyzeJsonata, analyzeJsonataAll, clearJsonataCache } from '../../../src/core/asl/jsonata';
import jsonata from 'jsonata';
import { random } from '../lint/support';

const corpus = path.join(__dirname, '..', '..', 'fixtures', 'asl');

function lint(text: string, format: 'json' | 'yaml' = 'json'): Finding[] {
  return validateAsl(parseDocument(text, format));
}

function applyFix(text: string, finding: Finding): string {
  const doc = parseDocument(text, 'json');
  const edit = finding.fixes![0].edits[0];
  return text.slice(0, doc.lines.offsetAt(edit.range.start)) + edit.newText + text.slice(doc.lines.offsetAt(edit.range.end));
}

describe('ASL quick fixes and related locations', () => {
  it('offers the closest state name for an unknown Next and points at its definition', () => {
    const text = '{"StartAt": "A", "States": {"A": {"Type": "Pass", "Next": "Finsh"}, "Finish": {"Type": "Succeed"}}}';
    const [finding] = lint(text);
    assert.equal(finding.code, 'asl/unknown-state');
    assert.match(finding.message, /Did you mean 'Finish'\?/);
    assert.equal(finding.fixes?.[0].title, "Change to 'Finish'");
    const fixed = applyFix(text, finding);
    assert.deepEqual(lint(fixed), []);
    const related = finding.related![0];
    assert.equal(text.slice(related.range.start.character, related.range.end.character), '"Finish"');
  });

  it('keeps YAML plain scalars plain when fixing a name', () => {
    const text = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: Procss\n  Process:\n    Type: Succeed\n';
    const [finding] = lint(text, 'yaml');
    assert.equal(finding.fixes?.[0].edits[0].newText, 'Process');
    assert.deepEqual(finding.range, { start: { line: 4, character: 10 }, end: { line: 4, character: 16 } });
  });

  it('renames a misspelt field', () => {
    const text = '{"StartAt": "W", "States": {"W": {"Type": "Wait", "Secnds": 5, "End": true}}}';
    const unknown = lint(text).find((f) => f.code === 'asl/unknown-field')!;
    assert.equal(unknown.fixes?.[0].edits[0].newText, '"Seconds"');
    assert.deepEqual(lint(applyFix(text, unknown)), []);
  });

  it('links a duplicate state name across scopes to its first definition', () => {
    const text = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Parallel', Branches: [{ StartAt: 'P', States: { P: { Type: 'Succeed' } } }], End: true } } });
    const dup = lint(text).find((f) => f.code === 'asl/duplicate-state-name')!;
    assert.ok(dup.related?.length === 1);
    assert.equal(dup.related[0].range.start.character, text.indexOf('"P"', text.indexOf('States')));
  });
});

describe('ASL template placeholders', () => {
  it('substitutes unquoted JSON placeholders without moving offsets', () => {
    const text = '{"a": ${One}, "b": "${Two}", "c": [${Three}]}';
    const { text: substituted, placeholders } = substituteJsonPlaceholders(text);
    assert.equal(substituted.length, text.length);
    assert.deepEqual(placeholders.map((p) => p.name), ['One', 'Three']);
    assert.deepEqual(JSON.parse(substituted), { a: 1, b: '${Two}', c: [1] });
  });

  it('reports a warning, not a syntax error, and still validates the rest', () => {
    const text = '{\n  "StartAt": "W",\n  "States": {"W": {"Type": "Wait", "Seconds": ${Delay}, "Next": "X"}}\n}';
    const findings = lint(text);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['asl/placeholder-not-a-number', 'warning'], ['asl/unknown-state', 'error']]);
    assert.match(findings[0].message, /\$\{Delay\}/);
    assert.deepEqual(findings[0].range.start, { line: 2, character: 46 });
    assert.equal(parseAslText(text, 'json').doc.text, text);
  });

  it('treats a placeholder End as a possible end, so the scope is not called endless', () => {
    const findings = lint('{"StartAt": "A", "States": {"A": {"Type": "Pass", "End": ${Last}}}}');
    assert.deepEqual(findings.map((f) => f.code), ['asl/placeholder-not-a-number']);
  });

  it('accepts placeholders inside ARNs and strings without any finding', () => {
    assert.deepEqual(lint('{"StartAt": "A", "States": {"A": {"Type": "Task", "Resource": "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${Fn}", "End": true}}}'), []);
  });
});

describe('ASL query language resolution', () => {
  it('lets nested states default to the machine language, not the Map override', () => {
    const def = { StartAt: 'M', States: { M: { Type: 'Map', QueryLanguage: 'JSONata', Items: '{% $states.input.list %}', ItemProcessor: { StartAt: 'I', States: { I: { Type: 'Pass', Parameters: { 'x.$': '$' }, End: true } } }, End: true } } };
    assert.deepEqual(lint(JSON.stringify(def)), []);
  });

  it('uses the AWS message for fields of the other language', () => {
    const [f] = lint(JSON.stringify({ QueryLanguage: 'JSONata', StartAt: 'A', States: { A: { Type: 'Pass', ResultPath: '$.x', End: true } } }));
    assert.match(f.message, /^The QueryLanguage is set to 'JSONata', but field 'ResultPath' is only supported for the 'JSONPath' QueryLanguage\./);
  });
});

function assertNoCrash(text: string, format: 'json' | 'yaml', label: string): void {
  let findings: Finding[];
  try {
    findings = validateAsl(parseDocument(text, format));
  } catch (e) {
    assert.fail(`${label} threw: ${(e as Error).stack}`);
  }
  const internal = findings.find((f) => f.code === 'asl/internal-error');
  assert.equal(internal, undefined, `${label}: ${internal?.message}`);
}

describe('ASL validator robustness', () => {
  const samples = ['valid/jsonata-everywhere.json', 'valid/all-state-types.yaml', 'valid/distributed-map-s3-csv.json', 'valid/intrinsics-all.json', 'valid/yaml-anchors.yaml', 'invalid/choice-jsonata-variable.json'];

  it('never throws on any prefix of corpus definitions', () => {
    for (const sample of samples) {
      const text = readFileSync(path.join(corpus, sample), 'utf8');
      const format = sample.endsWith('.json') ? 'json' : 'yaml';
      for (let i = 0; i <= text.length; i++) assertNoCrash(text.slice(0, i), format, `${sample} prefix ${i}`);
    }
  });

  it('never throws on randomly mutated definitions (fixed seed)', () => {
    const next = random(20261122);
    const alphabet = ['{', '}', '[', ']', ':', ',', '"', "'", '\n', ' ', '-', '$', '.', '(', ')', '%', '{%', '%}', 'States.', 'null', 'true', '0', '&a', '*a', '#', '\t', 'Type', 'Next', '${X}'];
    const files = readdirSync(path.join(corpus, 'valid')).filter((f) => /\.(json|ya?ml)$/.test(f) && !f.endsWith('.expect.json'));
    for (let round = 0; round < 600; round++) {
      const file = files[Math.floor(next() * files.length)];
      let text = readFileSync(path.join(corpus, 'valid', file), 'utf8');
      const edits = 1 + Math.floor(next() * 4);
      for (let e = 0; e < edits; e++) {
        const at = Math.floor(next() * text.length);
        const kind = next();
        if (kind < 0.4) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 8));
        else if (kind < 0.8) text = text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at);
        else {
          const from = Math.floor(next() * text.length);
          text = text.slice(0, at) + text.slice(from, from + 40) + text.slice(at);
        }
      }
      assertNoCrash(text, file.endsWith('.json') ? 'json' : 'yaml', `round ${round} (${file})`);
    }
  });

  it('handles roots that are not objects', () => {
    for (const text of ['null', '"x"', '42', '[]', 'true']) assertNoCrash(text, 'json', text);
    for (const text of ['', '---', '- a', 'just text', '~']) assertNoCrash(text, 'yaml', JSON.stringify(text));
  });
});

describe('JSONata analysis', () => {
  it('reads simple variable paths exactly as the full parser does', () => {
    for (const expr of ['$states.input.orderId', ' $states.result.Payload ', '$states.errorOutput.Cause', '$orderId', '$x.y.z', '$states.input.and']) {
      clearJsonataCache();
      const quick = analyzeJsonata(expr);
      let ast: unknown;
      try {
        ast = jsonata(expr).ast();
      } catch {
        ast = undefined;
      }
      assert.equal(quick.syntaxError === undefined, ast !== undefined, expr);
      assert.deepEqual(quick.topLevelReferences, [], expr);
      assert.equal(quick.usesResult, expr.includes('$states.result'), expr);
      assert.equal(quick.usesErrorOutput, expr.includes('$states.errorOutput'), expr);
    }
  });
});

describe('JSONata batch analysis', () => {
  /** Every `{% … %}` expression in the corpus. */
  function corpusExpressions(): string[] {
    const out: string[] = [];
    for (const dir of ['valid', 'invalid']) {
      for (const f of readdirSync(path.join(corpus, dir))) {
        if (f.endsWith('.expect.json')) continue;
        for (const m of readFileSync(path.join(corpus, dir, f), 'utf8').matchAll(/\{%([\s\S]*?)%\}/g)) out.push(m[1].replace(/\\"/g, '"').replace(/\\n/g, '\n'));
      }
    }
    return out;
  }

  it('gives the same analysis as parsing each expression alone, also for broken and tricky ones', () => {
    const next = random(42);
    const base = corpusExpressions();
    assert.ok(base.length > 50);
    const tricky = ['$x := 1; $x', '1), (2', '(1', '2)', "'unterminated", '/* open comment', '$states.input.a; $states.input.b', ']', '[', '1 ) + ( 2', '$$', '$', 'foo.bar', '$states.result', '{', '}'];
    const inputs = [...base, ...tricky];
    for (let i = 0; i < 300; i++) {
      const e = base[Math.floor(next() * base.length)];
      const at = Math.floor(next() * e.length);
      const piece = ['(', ')', '[', ']', '{', '}', ';', "'", '"', ',', ':', '$', '.', ' and ', '~>'][Math.floor(next() * 15)];
      inputs.push(next() < 0.5 ? e.slice(0, at) + piece + e.slice(at) : e.slice(0, at) + e.slice(at + 1));
    }
    const individually = new Map<string, unknown>();
    for (const e of inputs) {
      clearJsonataCache();
      individually.set(e, analyzeJsonata(e));
    }
    clearJsonataCache();
    analyzeJsonataAll(inputs);
    for (const e of inputs) assert.deepEqual(analyzeJsonata(e), individually.get(e), JSON.stringify(e));
  });
});
