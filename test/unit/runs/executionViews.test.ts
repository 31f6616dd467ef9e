// Where an opened execution goes (the Markdown preview's rules) and the view's title.
import * as assert from 'node:assert/strict';
import { executionViewTitle, placeExecution } from '../../../src/core/runs/executionViews';

const A = 'arn:aws:states:us-east-1:000000000000:execution:M:a';
const B = 'arn:aws:states:us-east-1:000000000000:execution:M:b';
const C = 'arn:aws:states:us-east-1:000000000000:execution:M:c';

describe('execution view placement', () => {
  it('creates the first view', () => {
    assert.deepEqual(placeExecution([], A, true), { kind: 'create' });
  });

  it('reveals the view that already shows the execution, locked or not', () => {
    assert.deepEqual(placeExecution([{ id: 1, executionArn: B, locked: false }, { id: 2, executionArn: A, locked: true }], A, true), { kind: 'reveal', id: 2 });
    assert.deepEqual(placeExecution([{ id: 1, executionArn: A, locked: false }], A, false), { kind: 'reveal', id: 1 });
  });

  it('reuses the most recently active unlocked view, never a locked one', () => {
    const views = [
      { id: 3, executionArn: C, locked: true },
      { id: 2, executionArn: B, locked: false },
      { id: 1, executionArn: A, locked: false },
    ];
    assert.deepEqual(placeExecution(views, 'arn:aws:states:us-east-1:000000000000:execution:M:d', true), { kind: 'replace', id: 2 });
    assert.deepEqual(placeExecution([{ id: 3, executionArn: C, locked: true }], A, true), { kind: 'create' });
  });

  it('opens every execution in its own view when previews are off', () => {
    assert.deepEqual(placeExecution([{ id: 1, executionArn: A, locked: false }], B, false), { kind: 'create' });
  });
});

describe('execution view title', () => {
  it('names the execution, its status and where it ran, and says when the view is locked', () => {
    assert.equal(executionViewTitle('a', false), 'Execution a');
    assert.equal(executionViewTitle('a', false, 'FAILED'), 'Execution a (FAILED)');
    assert.equal(executionViewTitle('a', true, 'SUCCEEDED', true), '[Locked] Execution a (SUCCEEDED, local)');
    assert.equal(executionViewTitle('a', true, undefined, true), '[Locked] Execution a (local)');
  });
});
