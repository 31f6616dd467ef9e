import assert from 'node:assert/strict';
import { MemoryLogger } from '../../../src/core/log';
import { SessionRegion, type RegionSource } from '../../../src/diagnostics/sessionRegion';

/** A session whose getRegion answers only when the test says so. */
class FakeSession implements RegionSource {
  calls = 0;
  region = 'us-east-1';
  private readonly listeners = new Set<() => void>();
  private readonly pending: (() => void)[] = [];

  getRegion(): Promise<string> {
    this.calls++;
    const region = this.region;
    return new Promise((resolve) => this.pending.push(() => resolve(region)));
  }

  onDidChange(listener: () => void) {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  fireChange(): void {
    for (const l of this.listeners) l();
  }

  /** Answers the oldest outstanding getRegion and lets its continuation run. */
  async answer(): Promise<void> {
    this.pending.shift()?.();
    await new Promise((r) => setImmediate(r));
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}

describe('diagnostics: the active region from the AwsSession', () => {
  it('reads nothing until the first lint asks, then lints again once the region arrives', async () => {
    const session = new FakeSession();
    let relints = 0;
    const region = new SessionRegion(session, () => relints++, new MemoryLogger());
    assert.equal(session.calls, 0, 'nothing at activation');
    assert.equal(region.current(), undefined);
    assert.equal(session.calls, 1);
    region.current();
    assert.equal(session.calls, 1, 'one read while it is pending');
    await session.answer();
    assert.equal(region.current(), 'us-east-1');
    assert.equal(relints, 1);
  });

  it('follows session changes once asked, and relints only when the region differs', async () => {
    const session = new FakeSession();
    let relints = 0;
    const region = new SessionRegion(session, () => relints++, new MemoryLogger());
    session.fireChange();
    assert.equal(session.calls, 0, 'a change before any lint reads nothing');
    region.current();
    await session.answer();

    session.region = 'eu-west-1';
    session.fireChange();
    assert.equal(region.current(), 'us-east-1', 'the old region until the new one arrives');
    await session.answer();
    assert.equal(region.current(), 'eu-west-1');
    assert.equal(relints, 2);

    session.fireChange();
    await session.answer();
    assert.equal(relints, 2, 'same region, no relint');
  });

  it('keeps the newest answer when changes overlap', async () => {
    const session = new FakeSession();
    const region = new SessionRegion(session, () => undefined, new MemoryLogger());
    region.current();
    session.region = 'eu-west-1';
    session.fireChange();
    await session.answer(); // the first, stale answer: us-east-1
    assert.equal(region.current(), undefined);
    await session.answer();
    assert.equal(region.current(), 'eu-west-1');
  });

  it('logs a region it cannot read and stops listening when disposed', async () => {
    const logger = new MemoryLogger();
    const failing: RegionSource = { getRegion: () => Promise.reject(new Error('config unreadable')), onDidChange: (l) => session.onDidChange(l) };
    const session = new FakeSession();
    const region = new SessionRegion(failing, () => undefined, logger);
    region.current();
    await new Promise((r) => setImmediate(r));
    assert.match(logger.lines.join('\n'), /active region could not be read \(config unreadable\)/);
    region.dispose();
    assert.equal(session.listenerCount, 0);
  });
});
