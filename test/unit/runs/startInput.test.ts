// Start Execution's checks before anything is sent: the input as JSON (one sentence with line and
// column), its size, the optional execution name (from the model), and the saved-input layout.
import assert from 'node:assert/strict';
import { EXECUTION_FACTS } from '../../../src/core/facts/execution.generated';
import { checkExecutionInput, executionNameProblem, inputNameProblem, MAX_INPUT_BYTES, savedInputName, savedInputsFolder } from '../../../src/core/runs/startInput';
import { REFERENCE_DIR } from '../../support/reference';

describe('Start Execution: input, name and saved inputs', () => {
  (REFERENCE_DIR ? it : it.skip)('src/core/facts/execution.generated.ts matches the Step Functions model (against ../shared/reference)', async () => {
    const { loadExecutionFacts } = (await import('../../../scripts/lib/aws-facts.mjs')) as { loadExecutionFacts(): { facts: unknown } };
    assert.deepEqual(JSON.parse(JSON.stringify(EXECUTION_FACTS)), JSON.parse(JSON.stringify(loadExecutionFacts().facts)), 'run npm run generate');
  });

  it('an empty input is {}; valid JSON passes as written', () => {
    assert.deepEqual(checkExecutionInput('  \n'), { ok: true, text: '{}' });
    assert.deepEqual(checkExecutionInput('{"orderId": "o-1"}'), { ok: true, text: '{"orderId": "o-1"}' });
    assert.deepEqual(checkExecutionInput('[1, 2]'), { ok: true, text: '[1, 2]' });
  });

  it('invalid JSON is one sentence with its line and column', () => {
    const r = checkExecutionInput('{\n  "orderId": "o-1",\n  "total": ,\n}', 'The saved input big-order');
    assert.equal(r.ok, false);
    assert.match(!r.ok ? r.message : '', /^The saved input big-order is not valid JSON at line 3, column 12: .+\. Fix it and start again\.$/);
    const comment = checkExecutionInput('{ // no\n}');
    assert.match(!comment.ok ? comment.message : '', /at line 1, column 3: Comments are not allowed in JSON/);
    const trailing = checkExecutionInput('{"a": 1} x');
    assert.match(!trailing.ok ? trailing.message : '', /at line 1, column 10/);
  });

  it('an input over the model limit (bytes of UTF-8) is refused before sending', () => {
    assert.equal(MAX_INPUT_BYTES, 262144);
    const big = JSON.stringify({ s: 'é'.repeat(MAX_INPUT_BYTES / 2) });
    const r = checkExecutionInput(big);
    assert.match(!r.ok ? r.message : '', /^The input has \d+ bytes; Step Functions accepts at most 262144 bytes of input\./);
  });

  it('the execution name is optional and follows the model: length and forbidden characters', () => {
    assert.equal(executionNameProblem(''), undefined);
    assert.equal(executionNameProblem('order-1001_retry.2'), undefined);
    assert.equal(executionNameProblem('x'.repeat(EXECUTION_FACTS.executionName.max)), undefined);
    assert.equal(executionNameProblem('x'.repeat(81)), 'The execution name is 81 characters long; the maximum is 80.');
    assert.match(executionNameProblem('order 1001') ?? '', /^An execution name cannot contain white space: /);
    assert.match(executionNameProblem('a/b:c') ?? '', /cannot contain "\/", ":"/);
    assert.match(executionNameProblem('a\u0007') ?? '', /cannot contain U\+0007/);
    assert.equal(executionNameProblem('order-\u{1F600}'), undefined); // outside every listed range
  });

  it('saved inputs live in .aws-workflows/inputs/<state machine>/<name>.json and names cannot climb out', () => {
    assert.equal(savedInputsFolder('order-pipeline'), '.aws-workflows/inputs/order-pipeline');
    assert.equal(savedInputsFolder('..'), undefined);
    assert.equal(savedInputsFolder('a/b'), undefined);
    assert.equal(savedInputName('big-order.json'), 'big-order');
    assert.equal(savedInputName('.hidden.json'), undefined);
    assert.equal(savedInputName('notes.txt'), undefined);
    assert.equal(inputNameProblem('happy-path'), undefined);
    assert.match(inputNameProblem('../x') ?? '', /letters, digits/);
    assert.match(inputNameProblem('') ?? '', /Give the input a name/);
  });
});
