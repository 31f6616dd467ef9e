// Executions in the tree, without VS Code: the polling policy and poller, and how an execution reads.
import * as assert from 'node:assert/strict';
import { POLL_MAX_MS, POLL_MIN_MS, hasRunning, nextPollDelay, statusKey } from '../../../src/core/runs/polling';
import { ExecutionPoller, type Pollable } from '../../../src/explorer/executionPolling';
import { consoleUrl } from '../../../src/explorer/model/consoleUrls';
import { childListsOf, formatDuration, itemDescription, statusTone, type ResourceItem } from '../../../src/explorer/model/resources';

describe('executions: polling policy', () => {
  it('polls at most every 2 s, backs off 1.5× while nothing changes up to 30 s, and starts over on a change', () => {
    const delays: number[] = [];
    let d: number | undefined;
    for (let i = 0; i < 9; i++) delays.push((d = nextPollDelay(d, false)));
    assert.deepEqual(delays, [2000, 3000, 4500, 6750, 10125, 15188, 22782, 30000, 30000]);
    assert.ok(delays.every((x) => x >= POLL_MIN_MS && x <= POLL_MAX_MS));
    assert.equal(nextPollDelay(30000, true), 2000);
  });

  it('keys statuses and knows what still runs', () => {
    assert.notEqual(statusKey([{ id: 'a', status: 'RUNNING' }]), statusKey([{ id: 'a', status: 'SUCCEEDED' }]));
    assert.equal(hasRunning([{ status: 'SUCCEEDED' }, { status: 'RUNNING' }]), true);
    assert.equal(hasRunning([{ status: 'PENDING_REDRIVE' }]), true);
    assert.equal(hasRunning([{ status: 'FAILED' }, {}]), false);
  });
});

describe('executions: the poller', () => {
  const realSetTimeout = setTimeout;
  let scheduled: { fn: () => void; ms: number }[];
  beforeEach(() => {
    scheduled = [];
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      scheduled.push({ fn, ms });
      return scheduled.length as unknown as NodeJS.Timeout;
    }) as unknown as typeof setTimeout;
  });
  afterEach(() => {
    globalThis.setTimeout = realSetTimeout;
  });

  function list(answers: { key: string; running: boolean }[]): Pollable & { calls: number } {
    const node = {
      id: 'list',
      parent: undefined,
      calls: 0,
      getTreeItem: () => ({}) as never,
      getChildren: () => [],
      poll: async () => answers[node.calls++] ?? { key: 'end', running: false },
    };
    return node;
  }

  it('polls while something runs, backing off, and stops when nothing runs', async () => {
    const poller = new ExecutionPoller();
    const node = list([{ key: 'a', running: true }, { key: 'b', running: false }]);
    poller.update(node, 'a', true);
    assert.deepEqual(scheduled.map((s) => s.ms), [2000]);
    scheduled.shift()!.fn();
    await new Promise((r) => realSetTimeout(r, 0));
    assert.deepEqual(scheduled.map((s) => s.ms), [3000], 'nothing changed: backs off');
    scheduled.shift()!.fn();
    await new Promise((r) => realSetTimeout(r, 0));
    assert.equal(node.calls, 2);
    assert.equal(scheduled.length, 0, 'nothing runs any more: no more polls');
    assert.equal(poller.active, 0);
  });

  it('does not poll while the view is hidden or the list collapsed, and resumes when shown', async () => {
    const view = { visible: false };
    const poller = new ExecutionPoller();
    poller.attach(view);
    const node = list([]);
    poller.update(node, 'a', true);
    assert.equal(scheduled.length, 0, 'hidden: nothing scheduled');
    view.visible = true;
    poller.visibilityChanged();
    assert.equal(poller.active, 1);
    poller.pause('list');
    assert.equal(poller.active, 0);
    poller.update(node, 'a', true);
    assert.equal(poller.active, 1, 'expanded again: polls again');
  });
});

describe('executions: how they read in the tree', () => {
  const item: ResourceItem = { id: 'x', kind: 'stateMachineExecution', region: 'eu-west-1', name: 'run-1', arn: 'arn:aws:states:eu-west-1:000000000000:execution:Orders:run-1', status: 'FAILED', startedAt: new Date('2026-11-30T10:00:00Z'), stoppedAt: new Date('2026-11-30T10:04:05Z') };

  it('shows status, start time and duration', () => {
    assert.equal(itemDescription(item), 'FAILED · 2026-11-30 10:00 UTC · 4 min 05 s');
    assert.equal(itemDescription({ ...item, status: 'RUNNING', stoppedAt: undefined }), 'RUNNING · 2026-11-30 10:00 UTC');
    const alias: ResourceItem = { id: 'a', kind: 'stateMachineAlias', region: 'eu-west-1', name: 'Orders:prod', arn: 'arn:aws:states:eu-west-1:000000000000:stateMachine:Orders:prod', routing: [{ version: '3', weight: 90 }, { version: '4', weight: 10 }] };
    assert.equal(itemDescription(alias), '→ version 3 90%, version 4 10%');
    assert.equal(itemDescription({ ...alias, routing: [{ version: '3', weight: 100 }] }), '→ version 3');
    assert.equal(consoleUrl(alias), 'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/statemachines/view/arn%3Aaws%3Astates%3Aeu-west-1%3A000000000000%3AstateMachine%3AOrders');
    assert.deepEqual([formatDuration(850), formatDuration(12_340), formatDuration(7_380_000)], ['850 ms', '12.3 s', '2 h 03 min']);
    assert.deepEqual(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED', 'PENDING_REDRIVE'].map(statusTone), ['progress', 'ok', 'failed', 'failed', 'failed', 'progress']);
  });

  it('lists executions under state machines, versions and aliases, and opens them in the console', () => {
    assert.deepEqual(childListsOf('stateMachine'), ['stateMachineVersions', 'stateMachineAliases', 'stateMachineExecutions']);
    assert.deepEqual(childListsOf('stateMachineVersion'), ['stateMachineExecutions']);
    assert.deepEqual(childListsOf('stateMachineAlias'), ['stateMachineExecutions']);
    assert.equal(consoleUrl(item), 'https://eu-west-1.console.aws.amazon.com/states/home?region=eu-west-1#/v2/executions/details/arn%3Aaws%3Astates%3Aeu-west-1%3A000000000000%3Aexecution%3AOrders%3Arun-1');
  });
});
