// Reading a history as states: runs, outcomes, errors, retries, nested Map iterations.
import * as assert from 'node:assert/strict';
import { stateOutcomes, stateRuns, type HistoryEventLike } from '../../../src/core/runs/history';

let id = 0;
function ev(type: string, previousEventId: number, details?: Record<string, unknown>, member?: string): HistoryEventLike {
  id++;
  const key = member ?? (type.endsWith('StateEntered') ? 'stateEnteredEventDetails' : type.endsWith('StateExited') ? 'stateExitedEventDetails' : `${type[0].toLowerCase()}${type.slice(1)}EventDetails`);
  return { id, previousEventId, type, timestamp: new Date(Date.UTC(2026, 0, 1, 0, 0, id)), ...(details ? { [key]: details } : {}) };
}

describe('runs: a history read as states', () => {
  beforeEach(() => (id = 0));

  it('a retried task that is then caught, and the state the execution failed in', () => {
    const events = [
      ev('ExecutionStarted', 0, { input: '{}' }),
      ev('TaskStateEntered', 1, { name: 'Charge', input: '{"a":1}' }),
      ev('TaskScheduled', 2),
      ev('TaskFailed', 3, { error: 'Flaky', cause: 'once' }),
      ev('TaskScheduled', 4),
      ev('TaskFailed', 5, { error: 'Declined', cause: 'card' }),
      ev('TaskStateExited', 6, { name: 'Charge', output: '{"Error":"Declined"}' }),
      ev('FailStateEntered', 7, { name: 'Refused', input: '{"Error":"Declined"}' }),
      ev('ExecutionFailed', 8, { error: 'Refused', cause: 'no payment' }),
    ];
    const runs = stateRuns(events, 'FAILED');
    assert.deepEqual(runs.map((r) => [r.name, r.type, r.status, r.retries, r.error]), [
      ['Charge', 'Task', 'caught', 1, 'Declined'],
      ['Refused', 'Fail', 'failed', 0, 'Refused'],
    ]);
    assert.equal(runs[0].input, '{"a":1}');
    assert.equal(runs[0].cause, 'card');
    assert.deepEqual(stateOutcomes(runs), { Charge: 'caught', Refused: 'failed' });
  });

  it('Map iterations are runs of their own; the Map owns its events again after them', () => {
    const events = [
      ev('ExecutionStarted', 0),
      ev('MapStateEntered', 1, { name: 'Each' }),
      ev('MapStateStarted', 2, { length: 2 }),
      ev('MapIterationStarted', 3, { name: 'Each', index: 0 }),
      ev('PassStateEntered', 4, { name: 'P' }),
      ev('PassStateExited', 5, { name: 'P', output: '1' }),
      ev('MapIterationSucceeded', 6, { name: 'Each', index: 0 }),
      ev('MapStateSucceeded', 7),
      ev('MapStateExited', 8, { name: 'Each', output: '[1]' }),
      ev('ExecutionSucceeded', 9),
    ];
    const runs = stateRuns(events, 'SUCCEEDED');
    assert.deepEqual(runs.map((r) => [r.name, r.status]), [['Each', 'succeeded'], ['P', 'succeeded']]);
    assert.deepEqual(runs[0].eventIds, [2, 3, 4, 7, 8, 9]);
  });

  it('a running state stays running; a stopped one is aborted', () => {
    const events = [ev('ExecutionStarted', 0), ev('TaskStateEntered', 1, { name: 'Wait' }), ev('TaskScheduled', 2)];
    assert.equal(stateRuns(events, 'RUNNING')[0].status, 'running');
    events.push(ev('TaskStateAborted', 3), ev('ExecutionAborted', 4));
    assert.equal(stateRuns(events, 'ABORTED')[0].status, 'aborted');
  });
});
