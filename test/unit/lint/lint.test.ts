import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, RULES, type LintContext } from '../../../src/core/lint';
import { random } from './support';

const FIXTURES = join(__dirname, '../../fixtures');
const ASL_YAML = 'StartAt: A\nStates:\n  A:\n    Type: Pass\n    Next: B\n  B:\n    Type: Succeed\n';
const DAG = 'etl:\n  dag_id: etl\n  tasks:\n    a:\n      operator: airflow.operators.empty.EmptyOperator\n      dependencies: [b]\n    b:\n      operator: airflow.operators.empty.EmptyOperator\n      dependencies: [a]\n';
const IMAGE_BUILDER = 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: LaunchInstances\n';

function corpus(): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const area of ['imagebuilder', 'dag']) {
    for (const group of ['valid', 'invalid']) {
      for (const file of readdirSync(join(FIXTURES, area, group))) out.push({ name: `${area}/${group}/${file}`, text: readFileSync(join(FIXTURES, area, group, file), 'utf8') });
    }
  }
  out.push({ name: 'order.asl.yaml', text: ASL_YAML });
  out.push({ name: 'order.asl.json', text: JSON.stringify({ StartAt: 'A', States: { A: { Type: 'Wait', Seconds: 5, End: true } } }, null, 2) });
  out.push({ name: 'aws-workflows.yaml', text: 'stateMachines:\n  orders:\n    definition: order.asl.yaml\n    roleArn: arn:aws:iam::123456789012:role/r\n' });
  return out;
}

describe('lintText', () => {
  it('runs the rules of each kind', () => {
    const dag = lintText({ fileName: 'dags/etl.yaml', text: DAG });
    assert.equal(dag.kind, 'airflowWorkflow');
    assert.deepEqual(dag.findings.map((f) => f.code), ['dag/dependency-cycle']);

    const ib = lintText({ fileName: 'build.yaml', text: IMAGE_BUILDER });
    assert.equal(ib.kind, 'imageBuilderWorkflow');
    assert.deepEqual(ib.findings.map((f) => f.code), ['imagebuilder/action-unknown']);

    const asl = lintText({ fileName: 'order.asl.yaml', text: ASL_YAML.replace('Next: B', 'Next: C') });
    assert.equal(asl.kind, 'stateMachine');
    assert.ok(asl.findings.length > 0, 'the ASL validator reports a Next that names no state');
    assert.ok(asl.findings.every((f) => f.code.startsWith('asl/') || f.code.startsWith('parse/')), JSON.stringify(asl.findings.map((f) => f.code)));

    const manifest = lintText({ fileName: 'aws-workflows.yaml', text: 'stateMachinez: {}\n', context: { fileExists: () => true } });
    assert.equal(manifest.kind, 'manifest');
    assert.ok(manifest.findings.some((f) => f.code.startsWith('manifest/')), JSON.stringify(manifest.findings));
  });

  it('honours an explicit kind and returns nothing for unknown files', () => {
    const forced = lintText({ fileName: 'x.yaml', text: 'schemaVersion: 1.0\n', kind: 'imageBuilderWorkflow' });
    assert.deepEqual(forced.findings.map((f) => f.code), ['imagebuilder/steps-missing']);
    assert.deepEqual(lintText({ fileName: 'notes.yaml', text: 'a: b\n' }), { kind: 'unknown', findings: [] });
  });

  it('reports parse errors and still checks what parsed', () => {
    const text = 'schemaVersion: 1.0\nsteps:\n  - name: Launch\n    action: Nope\n  - name: [unclosed\n';
    const { findings } = lintText({ fileName: 'build.yaml', text });
    assert.ok(findings.some((f) => f.code === 'parse/syntax'), JSON.stringify(findings));
    assert.ok(findings.some((f) => f.code === 'imagebuilder/action-unknown'));
  });

  it('returns findings sorted by position without duplicates', () => {
    const { findings } = lintText({ fileName: 'build.yaml', text: 'schemaVersion: 3\nsteps:\n  - name: A1\n    action: X\n  - name: A1\n    action: Y\n' });
    const positions = findings.map((f) => f.range.start.line * 1000 + f.range.start.character);
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b));
    const keys = findings.map((f) => `${f.code}@${positions[findings.indexOf(f)]}`);
    assert.equal(new Set(keys).size, keys.length);
  });

  it('never throws: an internal failure becomes one internal/error finding', () => {
    const context = {
      fileExists: () => true,
      get manifest(): never {
        throw new Error('manifest exploded');
      },
    } as unknown as LintContext;
    const result = lintText({ fileName: 'x.yaml', text: DAG, context });
    assert.deepEqual(result.findings.map((f) => [f.code, f.severity]), [['internal/error', 'error']]);
    assert.match(result.findings[0].message, /manifest exploded/);
    assert.ok(RULES.some((r) => r.code === 'internal/error'));
  });

  it('never throws on truncated input', function () {
    this.timeout(120_000);
    for (const { name, text } of corpus()) {
      const step = Math.max(1, Math.floor(text.length / 60));
      for (let cut = 0; cut <= text.length; cut += step) {
        const result = lintText({ fileName: name, text: text.slice(0, cut) });
        assert.ok(!result.findings.some((f) => f.code === 'internal/error'), `${name} cut at ${cut}: ${JSON.stringify(result.findings.find((f) => f.code === 'internal/error'))}`);
      }
    }
  });

  it('never throws on fuzzed input', function () {
    this.timeout(120_000);
    const next = random(20261122);
    const noise = ['{', '}', '[', ']', ':', '- ', '"', "'", '\n', '  ', '$.stepOutputs.', '$.parameters.', '*', '&a', '*a', '!!', '#', '\t', 'null', '0', '@', '\u0000', '😀'];
    for (const { name, text } of corpus()) {
      for (let round = 0; round < 40; round++) {
        let mutated = text;
        const edits = 1 + Math.floor(next() * 6);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(next() * (mutated.length + 1));
          const r = next();
          if (r < 0.4) mutated = mutated.slice(0, at) + noise[Math.floor(next() * noise.length)] + mutated.slice(at);
          else if (r < 0.8) mutated = mutated.slice(0, at) + mutated.slice(at + 1 + Math.floor(next() * 8));
          else mutated = mutated.slice(0, at) + mutated.slice(Math.floor(next() * mutated.length));
        }
        for (const kind of [undefined, 'imageBuilderWorkflow', 'airflowWorkflow'] as const) {
          const result = lintText({ fileName: name, text: mutated, kind });
          assert.ok(!result.findings.some((f) => f.code === 'internal/error'), `${name} round ${round}: ${JSON.stringify(mutated)}`);
          for (const f of result.findings) {
            assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0, 'ranges are inside the text');
            assert.ok(f.range.end.line > f.range.start.line || (f.range.end.line === f.range.start.line && f.range.end.character >= f.range.start.character), `${f.code} range is ordered`);
          }
        }
      }
    }
  });

  it('checks documents of the wrong kind without throwing', () => {
    for (const kind of ['imageBuilderWorkflow', 'airflowWorkflow', 'stateMachine', 'manifest'] as const) {
      for (const text of ['', '42', '[]', '- a\n- b', 'a: [1, {b: 2}]', ASL_YAML, DAG, IMAGE_BUILDER, '{"a": ']) {
        const result = lintText({ fileName: 'x.yaml', text, kind });
        assert.ok(!result.findings.some((f) => f.code === 'internal/error'), `${kind}: ${text}`);
      }
    }
  });
});
