// The log pager over the emulator's GetLogEvents (the token semantics the model documents).
import * as assert from 'node:assert/strict';
import { LogPager, renderLogDocument, type FetchLogPage } from '../../../src/core/logs/logPager';
import { getLogEvents } from '../../emulator/services/logs';
import { ensureLogStream } from '../../emulator/services/logStore';
import type { RequestContext } from '../../emulator/services/context';
import { StateStore } from '../../emulator/state';

function streamOf(lines: number): { fetch: FetchLogPage; append(n: number): void; calls: number } {
  const store = new StateStore();
  const ctx = { region: 'us-east-1', store } as RequestContext;
  const stream = ensureLogStream(ctx, '/g', 's', 0);
  let written = 0;
  const append = (n: number) => {
    for (let i = 0; i < n; i++, written++) stream.events.push({ timestamp: written, message: `line ${written + 1}`, ingestionTime: written });
  };
  append(lines);
  const state = {
    calls: 0,
    append,
    fetch: (async (request) => {
      state.calls++;
      return getLogEvents({ logGroupName: '/g', logStreamName: 's', nextToken: request.nextToken, startFromHead: request.startFromHead, limit: request.limit }, ctx);
    }) as FetchLogPage,
  };
  return state;
}

describe('log pager', () => {
  it('shows the newest page first and loads older pages until the head, never all at once', async () => {
    const s = streamOf(2500);
    const pager = new LogPager(s.fetch, 1000);
    assert.equal(await pager.first(), 1000);
    assert.equal(pager.lines[0], 'line 1501');
    assert.equal(pager.lines.at(-1), 'line 2500');
    assert.ok(pager.hasOlder);
    assert.equal(await pager.older(), 1000);
    assert.equal(pager.lines[0], 'line 501');
    assert.equal(await pager.older(), 500);
    assert.equal(pager.lines.length, 2500);
    assert.equal(pager.lines[0], 'line 1');
    assert.equal(pager.hasOlder, false, 'a short page reached the head');
    const calls = s.calls;
    assert.equal(await pager.older(), 0);
    assert.equal(s.calls, calls, 'no request once at the head');
  });

  it('a stream shorter than a page has no older lines', async () => {
    const pager = new LogPager(streamOf(3).fetch, 1000);
    await pager.first();
    assert.deepEqual(pager.lines, ['line 1', 'line 2', 'line 3']);
    assert.equal(pager.hasOlder, false);
  });

  it('appends what was written since, page by page, and keeps the token at the end', async () => {
    const s = streamOf(10);
    const pager = new LogPager(s.fetch, 4);
    await pager.first();
    assert.deepEqual(pager.lines, ['line 7', 'line 8', 'line 9', 'line 10']);
    assert.equal(await pager.newer(), 0);
    s.append(9);
    assert.equal(await pager.newer(), 9);
    assert.equal(pager.lines.at(-1), 'line 19');
    assert.equal(await pager.newer(), 0);
    assert.equal(pager.lines.length, 13);
  });

  it('splits multi-line events into lines', async () => {
    const pager = new LogPager(async () => ({ events: [{ message: 'Traceback:\n  File "x"\nValueError\n' }], nextBackwardToken: 'b', nextForwardToken: 'f' }), 10);
    await pager.first();
    assert.deepEqual(pager.lines, ['Traceback:', '  File "x"', 'ValueError']);
  });

  it('renders a header, the note about older lines and the following note', () => {
    const text = renderLogDocument({ header: ['wf · run r · task t'], lines: ['a', 'b'], hasOlder: true, following: true });
    assert.deepEqual(text.split('\n'), ['# wf · run r · task t', '# ↑ Older lines are not loaded yet: scroll to the top, or run "AWS Workflows: Load Older Log Lines".', 'a', 'b', '# … following: new lines appear as the task writes them.', '']);
  });
});

describe('log pager: exact pages', () => {
  it('a full page at the head needs one more request, which answers nothing and the same token', async () => {
    const s = streamOf(2000);
    const pager = new LogPager(s.fetch, 1000);
    await pager.first();
    assert.equal(await pager.older(), 1000);
    assert.ok(pager.hasOlder);
    assert.equal(await pager.older(), 0);
    assert.equal(pager.hasOlder, false);
    assert.equal(pager.lines[0], 'line 1');
  });
});
