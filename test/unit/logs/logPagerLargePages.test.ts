// Pages whose events hold hundreds of thousands of lines (tracebacks, dumped data): loading them
// must not pass every line as a function argument, which throws RangeError in V8.
import * as assert from 'node:assert/strict';
import { LogPager, type LogPageResponse } from '../../../src/core/logs/logPager';

const LINES = 300_000;
const page = (tag: string, tokens: Omit<LogPageResponse, 'events'>): LogPageResponse => ({
  events: [{ timestamp: 1, message: Array.from({ length: LINES }, (_, i) => `${tag} ${i}`).join('\n') }],
  ...tokens,
});

describe('log pager with very large pages', () => {
  it('appends and prepends hundreds of thousands of lines in order', async () => {
    const pages = [page('newest', { nextBackwardToken: 'b1', nextForwardToken: 'f1' }), page('older', { nextBackwardToken: 'b2' }), page('newer', { nextForwardToken: 'f2' })];
    const pager = new LogPager(async () => pages.shift() ?? { events: [] }, 1);
    assert.equal(await pager.first(), 1);
    assert.equal(await pager.older(), LINES);
    assert.equal(await pager.newer(undefined, 1), LINES);
    assert.equal(pager.lines.length, 3 * LINES);
    assert.deepEqual([pager.lines[0], pager.lines[LINES - 1], pager.lines[LINES], pager.lines[2 * LINES - 1], pager.lines[2 * LINES], pager.lines[3 * LINES - 1]],
      ['older 0', `older ${LINES - 1}`, 'newest 0', `newest ${LINES - 1}`, 'newer 0', `newer ${LINES - 1}`]);
  });
});
