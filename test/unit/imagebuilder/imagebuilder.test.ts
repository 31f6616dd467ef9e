import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateImageBuilderDocument } from '../../../src/core/imagebuilder/validate';
import { RULES } from '../../../src/core/imagebuilder/rules';
import { parseDocument, formatOf } from '../../../src/core/parse/document';
import { lintText } from '../../../src/core/lint';
import { assertDocumentsEmittedCodes, codes, expectedCodes, expectFinding, expectNone, rangeAfter, rangeOf } from '../lint/support';

const FIXTURES = join(__dirname, '../../fixtures/imagebuilder');

function check(text: string, format: 'yaml' | 'json' = 'yaml') {
  return validateImageBuilderDocument(parseDocument(text, format));
}

/** A valid document with the given steps (YAML list items, 2-space indented). */
function doc(steps: string, extra = ''): string {
  return `schemaVersion: 1.0\n${extra}steps:\n${steps}`;
}

const LAUNCH = '  - name: Launch\n    action: LaunchInstance\n';

describe('Image Builder workflow documents', () => {
  describe('schemaVersion', () => {
    it('accepts 1.0 as a number and as a string', () => {
      assert.deepEqual(check(doc(LAUNCH)), []);
      assert.deepEqual(check(`schemaVersion: "1.0"\nsteps:\n${LAUNCH}`), []);
    });

    it('reports another version on the value, with a fix', () => {
      const text = `schemaVersion: 2.0\nsteps:\n${LAUNCH}`;
      const f = expectFinding(check(text), 'imagebuilder/schema-version-invalid', 'error', rangeOf(text, '2.0'));
      assert.equal(f.fixes?.[0].edits[0].newText, '1.0');
    });

    it('reports a missing schemaVersion on the first key', () => {
      const text = `steps:\n${LAUNCH}`;
      expectFinding(check(text), 'imagebuilder/schema-version-missing', 'error', rangeOf(text, 'steps'));
    });
  });

  describe('steps', () => {
    it('reports a document without steps, and an empty list', () => {
      const text = 'schemaVersion: 1.0\nname: x\n';
      expectFinding(check(text), 'imagebuilder/steps-missing', 'error', rangeOf(text, 'schemaVersion'));
      const empty = 'schemaVersion: 1.0\nsteps: []\n';
      expectFinding(check(empty), 'imagebuilder/steps-missing', 'error', rangeOf(empty, '[]'));
    });

    it('reports steps that are not a list', () => {
      const text = 'schemaVersion: 1.0\nsteps: { name: Launch }\n';
      expectFinding(check(text), 'imagebuilder/steps-not-a-list', 'error', rangeOf(text, '{ name: Launch }'));
    });

    it('allows 15 steps and reports 16 on the steps key', () => {
      const steps = (n: number) => Array.from({ length: n }, (_, i) => `  - name: Step${i}\n    action: WaitForAction\n`).join('');
      expectNone(check(doc(steps(15))), 'imagebuilder/too-many-steps');
      const text = doc(steps(16));
      const f = expectFinding(check(text), 'imagebuilder/too-many-steps', 'error', rangeOf(text, 'steps'));
      assert.match(f.message, /at most 15 steps; this one has 16/);
    });

    it('reports a step that is not a mapping', () => {
      const text = doc('  - Launch\n');
      expectFinding(check(text), 'imagebuilder/step-invalid', 'error', rangeOf(text, 'Launch'));
    });

    it('checks step names: missing, pattern, unique', () => {
      const missing = doc('  - action: LaunchInstance\n');
      expectFinding(check(missing), 'imagebuilder/step-name-missing', 'error', rangeOf(missing, 'action'));
      const invalid = doc('  - name: 1st-step\n    action: LaunchInstance\n');
      expectFinding(check(invalid), 'imagebuilder/step-name-invalid', 'error', rangeOf(invalid, '1st-step'));
      const short = doc('  - name: A\n    action: LaunchInstance\n');
      expectFinding(check(short), 'imagebuilder/step-name-invalid', 'error', rangeAfter(short, 'name: ', 'A'));
      const valid = doc('  - name: Ab_c-1\n    action: LaunchInstance\n');
      expectNone(check(valid), 'imagebuilder/step-name-invalid');
      const dup = doc(`${LAUNCH}${LAUNCH}`);
      expectFinding(check(dup), 'imagebuilder/step-name-duplicate', 'error', rangeOf(dup, 'Launch', 2));
    });

    it('checks the action against the documented list, with a fix', () => {
      const text = doc('  - name: Launch\n    action: LaunchInstances\n');
      const f = expectFinding(check(text), 'imagebuilder/action-unknown', 'error', rangeOf(text, 'LaunchInstances'));
      assert.match(f.message, /Did you mean 'LaunchInstance'\?/);
      assert.equal(f.fixes?.[0].edits[0].newText, 'LaunchInstance');
      const missing = doc('  - name: Launch\n    inputs: {}\n');
      expectFinding(check(missing), 'imagebuilder/action-missing', 'error', rangeOf(missing, 'Launch'));
      for (const action of ['ApplyImageConfigurations', 'BootstrapInstanceForContainer', 'CollectImageMetadata', 'CollectImageScanFindings', 'CreateImage',
        'DistributeImage', 'ExecuteComponents', 'ExecuteStateMachine', 'LaunchInstance', 'ModifyImageAttributes', 'RegisterImage', 'RunCommand', 'RunSysPrep',
        'SanitizeInstance', 'TerminateInstance', 'WaitForAction', 'WaitForSSMAgent']) {
        assert.deepEqual(check(doc(`  - name: Step\n    action: ${action}\n`)), [], action);
      }
    });

    it('checks onFailure', () => {
      const text = doc(`${LAUNCH}    onFailure: Retry\n`);
      expectFinding(check(text), 'imagebuilder/on-failure-invalid', 'error', rangeOf(text, 'Retry'));
      expectNone(check(doc(`${LAUNCH}    onFailure: Continue\n`)), 'imagebuilder/on-failure-invalid');
      const lower = doc(`${LAUNCH}    onFailure: abort\n`);
      assert.equal(expectFinding(check(lower), 'imagebuilder/on-failure-invalid', 'error', rangeOf(lower, 'abort')).fixes?.[0].edits[0].newText, 'Abort');
    });

    it('checks timeoutSeconds and waitSeconds are whole numbers', () => {
      const text = doc(`${LAUNCH}    timeoutSeconds: 1h\n`);
      expectFinding(check(text), 'imagebuilder/seconds-invalid', 'error', rangeOf(text, '1h'));
      const wait = doc(`${LAUNCH}    waitSeconds: 2.5\n`);
      expectFinding(check(wait), 'imagebuilder/seconds-invalid', 'error', rangeOf(wait, '2.5'));
      assert.deepEqual(check(doc(`${LAUNCH}    timeoutSeconds: 3600\n    waitSeconds: 0\n`)), []);
    });

    it('checks rollbackEnabled is a boolean and inputs a mapping', () => {
      const text = doc(`${LAUNCH}    rollbackEnabled: sometimes\n`);
      expectFinding(check(text), 'imagebuilder/boolean-expected', 'error', rangeOf(text, 'sometimes'));
      assert.deepEqual(check(doc(`${LAUNCH}    rollbackEnabled: false\n`)), []);
      const inputs = doc(`${LAUNCH}    inputs: [a, b]\n`);
      expectFinding(check(inputs), 'imagebuilder/inputs-invalid', 'error', rangeOf(inputs, '[a, b]'));
    });

    it('warns on unknown fields with a rename fix', () => {
      const text = doc(`${LAUNCH}    onFaliure: Abort\n`);
      const f = expectFinding(check(text), 'imagebuilder/unknown-key', 'warning', rangeOf(text, 'onFaliure'));
      assert.equal(f.fixes?.[0].edits[0].newText, 'onFailure');
      assert.deepEqual(check(doc(`${LAUNCH}    description: launches\n`)), []);
    });
  });

  describe('$.stepOutputs', () => {
    it('accepts an earlier step, dotted or bracketed', () => {
      assert.deepEqual(check(doc(`${LAUNCH}  - name: Apply\n    action: ExecuteComponents\n    inputs:\n      instanceId.$: $.stepOutputs.Launch.instanceId\n      other.$: "$.stepOutputs['Launch']"\n`)), []);
    });

    it('points at each reference when one string has several', () => {
      const text = doc(`${LAUNCH}  - name: Apply\n    action: RunCommand\n    inputs:\n      note.$: "$.stepOutputs.Nope.a $.stepOutputs.Nope.b"\n`);
      const found = check(text).filter((f) => f.code === 'imagebuilder/step-output-unknown').map((f) => f.range);
      assert.deepEqual(found, [rangeOf(text, 'Nope', 0), rangeOf(text, 'Nope', 1)]);
    });

    it('reports an unknown step on its name, with did-you-mean', () => {
      const text = doc(`${LAUNCH}  - name: Apply\n    action: ExecuteComponents\n    inputs:\n      instanceId.$: "$.stepOutputs.Lunch.instanceId"\n`);
      const f = expectFinding(check(text), 'imagebuilder/step-output-unknown', 'error', rangeOf(text, 'Lunch'));
      assert.equal(f.fixes?.[0].edits[0].newText, 'Launch');
    });

    it('reports a later step and the step itself', () => {
      const later = doc(`  - name: Apply\n    action: ExecuteComponents\n    inputs:\n      instanceId.$: $.stepOutputs.Launch.instanceId\n${LAUNCH}`);
      expectFinding(check(later), 'imagebuilder/step-output-not-earlier', 'error', rangeAfter(later, 'stepOutputs.', 'Launch'));
      const self = doc('  - name: Launch\n    action: LaunchInstance\n    if:\n      stringEquals: x\n      value: $.stepOutputs.Launch.state\n');
      const f = expectFinding(check(self), 'imagebuilder/step-output-not-earlier', 'error', rangeAfter(self, 'stepOutputs.', 'Launch'));
      assert.match(f.message, /its own outputs/);
    });

    it('lets outputs read any step', () => {
      assert.deepEqual(check(doc(LAUNCH, '') + 'outputs:\n  - name: id\n    value: $.stepOutputs.Launch.instanceId\n'), []);
      const text = doc(LAUNCH) + 'outputs:\n  - name: id\n    value: $.stepOutputs.Nope.instanceId\n';
      expectFinding(check(text), 'imagebuilder/step-output-unknown', 'error', rangeOf(text, 'Nope'));
    });
  });

  describe('parameters', () => {
    const params = 'parameters:\n  - name: waitForAction\n    type: boolean\n    default: true\n';

    it('accepts declared parameters in inputs and conditions', () => {
      assert.deepEqual(check(doc('  - name: Wait\n    action: WaitForAction\n    if:\n      booleanEquals: true\n      value: $.parameters.waitForAction\n', params)), []);
    });

    it('reports an undeclared parameter on its name', () => {
      const text = doc('  - name: Wait\n    action: WaitForAction\n    if:\n      booleanEquals: true\n      value: $.parameters.waitForActon\n', params);
      const f = expectFinding(check(text), 'imagebuilder/parameter-undeclared', 'error', rangeOf(text, 'waitForActon'));
      assert.match(f.message, /Did you mean 'waitForAction'/);
      const none = doc('  - name: Wait\n    action: WaitForAction\n    inputs:\n      topic.$: $.parameters.topic\n');
      expectFinding(check(none), 'imagebuilder/parameter-undeclared', 'error', rangeOf(none, 'topic', 1));
    });

    it('checks types and that defaults match them', () => {
      const badType = doc(LAUNCH, 'parameters:\n  - name: n\n    type: int\n');
      expectFinding(check(badType), 'imagebuilder/parameter-type-invalid', 'error', rangeOf(badType, 'int'));
      const cases: [string, string, boolean][] = [
        ['string', '"x"', true], ['string', '5', false],
        ['integer', '5', true], ['integer', '5.5', false], ['integer', '"5"', false],
        ['boolean', 'false', true], ['boolean', '"false"', false],
        ['stringList', '[a, b]', true], ['stringList', '[a, 1]', false], ['stringList', 'a', false],
      ];
      for (const [type, value, ok] of cases) {
        const text = doc(LAUNCH, `parameters:\n  - name: p\n    type: ${type}\n    default: ${value}\n`);
        const found = check(text).filter((f) => f.code === 'imagebuilder/parameter-default-mismatch');
        if (ok) assert.deepEqual(found, [], `${type} ${value}`);
        else assert.deepEqual(found.map((f) => f.range), [rangeAfter(text, 'default: ', value)], `${type} ${value}`);
      }
      // No type means string.
      const untyped = doc(LAUNCH, 'parameters:\n  - name: p\n    default: 3\n');
      expectFinding(check(untyped), 'imagebuilder/parameter-default-mismatch', 'error', rangeAfter(untyped, 'default: ', '3'));
    });

    it('reports duplicate and nameless parameters, and non-list sections', () => {
      const text = doc(LAUNCH, 'parameters:\n  - name: p\n  - name: p\n  - type: string\n');
      expectFinding(check(text), 'imagebuilder/parameter-duplicate', 'error', rangeAfter(text, '- name: p\n  - name: ', 'p'));
      expectFinding(check(text), 'imagebuilder/parameter-name-missing', 'error', rangeOf(text, 'type', 0));
      const notList = doc(LAUNCH, 'parameters: { name: p }\n');
      expectFinding(check(notList), 'imagebuilder/parameters-not-a-list', 'error', rangeOf(notList, '{ name: p }'));
      const item = doc(LAUNCH, 'parameters: [p]\n');
      expectFinding(check(item), 'imagebuilder/parameter-invalid', 'error', rangeAfter(item, 'parameters: [', 'p'));
      const outputs = doc(LAUNCH) + 'outputs: { name: x }\n';
      expectFinding(check(outputs), 'imagebuilder/outputs-not-a-list', 'error', rangeOf(outputs, '{ name: x }'));
    });
  });

  describe('if conditions', () => {
    const step = (cond: string) => doc(`  - name: Wait\n    action: WaitForAction\n    if:\n${cond}`);

    it('accepts and/or/not with comparisons', () => {
      assert.deepEqual(check(step('      and:\n        - stringEquals: AMI\n          value: $.imagebuilder.imageType\n        - not:\n            numberLessThan: 3\n            value: 5\n')), []);
    });

    it('reports an unknown operator, a missing value and two operators on one level', () => {
      const unknown = step('      stringEqual: AMI\n      value: x\n');
      expectFinding(check(unknown), 'imagebuilder/condition-invalid', 'error', rangeOf(unknown, 'stringEqual'));
      const noValue = step('      stringEquals: AMI\n');
      expectFinding(check(noValue), 'imagebuilder/condition-invalid', 'error', rangeOf(noValue, 'stringEquals'));
      const none = step('      value: x\n');
      expectFinding(check(none), 'imagebuilder/condition-invalid', 'error', rangeOf(none, 'value'));
      const two = step('      stringEquals: AMI\n      booleanEquals: true\n      value: x\n');
      expectFinding(check(two), 'imagebuilder/condition-invalid', 'error', rangeOf(two, 'booleanEquals'));
    });
  });

  describe('size', () => {
    it('warns above 16000 characters, not at 16000', () => {
      const base = doc(LAUNCH);
      const pad = (n: number) => `${base}# ${'x'.repeat(n - base.length - 2)}`;
      assert.equal(pad(16000).length, 16000);
      expectNone(check(pad(16000)), 'imagebuilder/inline-too-large');
      expectFinding(check(pad(16001)), 'imagebuilder/inline-too-large', 'warning', rangeOf(base, 'schemaVersion: 1.0'));
    });
  });

  it('reports a document that is not a mapping', () => {
    const text = '- steps\n';
    expectFinding(check(text), 'imagebuilder/not-an-object', 'error', { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } });
  });

  describe('corpus', () => {
    for (const file of readdirSync(join(FIXTURES, 'valid'))) {
      it(`valid/${file}: no findings, detected as an Image Builder workflow`, () => {
        const text = readFileSync(join(FIXTURES, 'valid', file), 'utf8');
        const result = lintText({ fileName: file, text });
        assert.equal(result.kind, 'imageBuilderWorkflow');
        assert.deepEqual(result.findings, []);
      });
    }
    for (const file of readdirSync(join(FIXTURES, 'invalid'))) {
      it(`invalid/${file}: exactly the expected codes`, () => {
        const text = readFileSync(join(FIXTURES, 'invalid', file), 'utf8');
        const expected = expectedCodes(text);
        assert.ok(expected.length > 0, 'fixture has no # expect: line');
        const found = [...new Set(codes(validateImageBuilderDocument(parseDocument(text, formatOf(file)))))].sort();
        assert.deepEqual(found, expected);
      });
    }
  });

  it('documents every code it emits', () => {
    assertDocumentsEmittedCodes(join(__dirname, '../../../src/core/imagebuilder/validate.ts'), 'imagebuilder', RULES);
  });
});
