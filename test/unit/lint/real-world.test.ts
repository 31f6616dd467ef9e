// Constructs from public, deployed definitions (and other validators' test suites) that our rules
// used to get wrong: each false error stays fixed, and each hidden real error stays reported.
import assert from 'node:assert/strict';
import { lintText } from '../../../src/core/lint';
import type { Finding } from '../../../src/core/findings';
import { activityNameProblems, stateMachineNameProblems } from '../../../src/core/rules/names';
import { kmsKeyIdProblems } from '../../../src/core/rules/kms';
import { parseDocument } from '../../../src/core/parse/document';

type Json = Record<string, unknown>;

function lintAsl(states: Json, format: 'json' | 'yaml' = 'json'): Finding[] {
  const text = JSON.stringify({ StartAt: Object.keys(states)[0], States: states }, null, 2);
  return lintText({ fileName: `m.asl.${format}`, text }).findings;
}

const codes = (findings: Finding[]) => findings.map((f) => `${f.severity} ${f.code}`);

describe('real-world constructs', () => {
  it("accepts a bracket right after a dot in JSONPath ('.['), as Jayway does", () => {
    // From deployed samples: $.Payload.[0] (Lambda result lists), $.[?(@.OU > 0)], $.Snapshots.[0].State.
    const findings = lintAsl({
      A: {
        Type: 'Pass',
        Parameters: { 'first.$': '$.Payload.[0]', 'ous.$': '$.[?(@.OU > 0)]' },
        ResultPath: '$.Snapshots.[0].State',
        End: true,
      },
    });
    assert.deepEqual(codes(findings), []);
    // A dot followed by nothing is still wrong.
    assert.deepEqual(codes(lintAsl({ A: { Type: 'Pass', InputPath: '$.Payload.', End: true } })), ['error asl/invalid-path']);
  });

  it('treats only a complete ${…} as a template placeholder', () => {
    const unclosed = lintAsl({ A: { Type: 'Task', Resource: '${LambdaArn', End: true } });
    assert.deepEqual(codes(unclosed), ['error asl/invalid-resource']);
    assert.deepEqual(codes(lintAsl({ A: { Type: 'Task', Resource: '${LambdaArn}', End: true } })), []);
    assert.deepEqual(codes(lintAsl({ A: { Type: 'Pass', Next: '${Next', End: true } })).includes('error asl/unknown-state'), true);
  });

  it('allows only the Fail page\'s intrinsics in ErrorPath and CausePath', () => {
    for (const call of ['States.StringToJson($.e)', 'States.MathAdd($.a, 1)']) {
      const findings = lintAsl({ F: { Type: 'Fail', ErrorPath: call } });
      assert.deepEqual(codes(findings), ['error asl/fail-path-intrinsic'], call);
      assert.match(findings[0].message, /accepts only States\.Format, .*States\.UUID, not States\.(StringToJson|MathAdd)/);
    }
    for (const call of ["States.Format('{}', $.e)", 'States.JsonToString($.e)', 'States.ArrayGetItem($.a, 0)', 'States.Base64Encode($.s)', 'States.Base64Decode($.s)', "States.Hash($.s, 'SHA-256')", 'States.UUID()']) {
      assert.deepEqual(codes(lintAsl({ F: { Type: 'Fail', CausePath: call } })), [], call);
    }
  });

  it('rejects a leading space before an intrinsic in a .$ field, as before a path', () => {
    for (const value of [' States.UUID()', ' $.x']) {
      const findings = lintAsl({ A: { Type: 'Pass', Parameters: { 'id.$': value }, End: true } });
      assert.deepEqual(codes(findings), ['error asl/invalid-dollar-value'], JSON.stringify(value));
    }
    const fail = lintAsl({ F: { Type: 'Fail', ErrorPath: ' States.UUID()' } });
    assert.deepEqual(codes(fail), ['error asl/invalid-reference-path']);
    assert.deepEqual(codes(lintAsl({ A: { Type: 'Pass', Parameters: { 'id.$': 'States.UUID() ' }, End: true } })), []);
  });

  it('rejects U+10FFFF and lone surrogates in Step Functions names', () => {
    for (const name of ['orders\u{10FFFF}', 'orders\uD800', 'orders\uDFFFx']) {
      const [problem] = stateMachineNameProblems(name);
      assert.equal(problem?.code, 'sfn/name-invalid-char', JSON.stringify(name));
      assert.deepEqual(activityNameProblems(name).map((p) => p.code), ['sfn/name-invalid-char']);
    }
    assert.match(stateMachineNameProblems('a\uD800')[0].message, /U\+D800/);
    // A proper pair outside the BMP (an emoji) is a character like any other.
    assert.deepEqual(stateMachineNameProblems('orders-\u{1F600}'), []);
  });

  it('reports Image Builder workflows whose names differ only in case', () => {
    const manifest = [
      'imageBuilderWorkflows:',
      '  Harden:', '    definition: a.yaml', '    type: BUILD', '    version: 1.0.0',
      '  harden:', '    definition: b.yaml', '    type: BUILD', '    version: 1.0.0',
      '  HARDEN:', '    definition: c.yaml', '    type: TEST', '    version: 1.0.0',
      '',
    ].join('\n');
    const duplicates = lintText({ fileName: 'aws-workflows.yaml', text: manifest, context: { fileExists: () => true } }).findings.filter((f) => f.code === 'manifest/duplicate-name');
    assert.equal(duplicates.length, 1, JSON.stringify(duplicates));
    assert.equal(duplicates[0].severity, 'error');
    assert.match(duplicates[0].message, /'harden' and 'Harden' are one Image Builder workflow/);
    assert.equal(duplicates[0].range.start.line, 5);
  });

  it('strips a byte-order mark before parsing JSON and YAML', () => {
    const json = lintText({ fileName: 'm.asl.json', text: '\uFEFF{"Comment": "c", "StartAt": "A", "States": {"A": {"Type": "Succeed"}}}' });
    assert.equal(json.kind, 'stateMachine');
    assert.deepEqual(codes(json.findings), []);
    const yaml = lintText({ fileName: 'm.asl.yaml', text: '\uFEFFComment: c\nStartAt: A\nStates:\n  A:\n    Type: Succeed\n' });
    assert.equal(yaml.kind, 'stateMachine');
    assert.deepEqual(codes(yaml.findings), []);
    // Positions are the editor's: the mark takes no column.
    const bad = lintText({ fileName: 'm.asl.yaml', text: '\uFEFFStartAt: B\nStates:\n  A:\n    Type: Succeed\n' });
    assert.deepEqual(bad.findings.map((f) => [f.code, f.range.start.character]), [['asl/unknown-state', 9]]);
  });

  it('gives up on "\\U00110000" in the YAML fast path and reports the escape', () => {
    const { findings } = lintText({ fileName: 'm.asl.yaml', text: 'Comment: "\\U00110000"\nStartAt: A\nStates:\n  A:\n    Type: Succeed\n' });
    assert.deepEqual(codes(findings), ['error parse/syntax']);
    assert.match(findings[0].message, /escape/i);
  });

  it('reads a quoted "<<" key as a key, not a merge', () => {
    const text = 'base: &base {Type: Succeed}\nStartAt: A\nStates:\n  A:\n    "<<": *base\n    Type: Succeed\n';
    const doc = parseDocument(text, 'yaml');
    const states = doc.root?.kind === 'object' ? doc.root.entries.find((e) => e.key === 'States')?.value : undefined;
    const a = states?.kind === 'object' ? states.entries[0].value : undefined;
    assert.deepEqual(a?.kind === 'object' ? a.entries.map((e) => e.key) : [], ['<<', 'Type']);
    const { findings } = lintText({ fileName: 'm.asl.yaml', text });
    assert.ok(findings.some((f) => f.code === 'asl/unknown-field' && /'<<'/.test(f.message)), JSON.stringify(findings));
  });

  it('writes "an" before a vowel sound in KMS messages', () => {
    const [problem] = kmsKeyIdProblems('imageBuilder', 'alias/images');
    assert.match(problem.message, /takes the KMS key as a key ARN or an alias ARN, not an alias name/);
    assert.doesNotMatch(problem.message, /\ba (alias|MWAA)\b/);
  });
});
