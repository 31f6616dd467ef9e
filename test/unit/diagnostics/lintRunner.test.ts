// The runner: small documents inline, large ones in a real worker thread, and a cancelled run
// stops its worker instead of publishing stale findings.
import assert from 'node:assert/strict';
import path from 'node:path';
import { LintRunner, type CancellationSignal } from '../../../src/diagnostics/lintRunner';
import { runLintJob, type LintJob } from '../../../src/diagnostics/lintJob';

const workerEntry = path.resolve(__dirname, '../../../src/diagnostics/lintWorker.ts');

/** The worker runs the TypeScript source through tsx, as the tests do. */
function runner(largeDocumentChars: number): LintRunner {
  return new LintRunner({
    workerScript: `require('tsx/cjs'); require(${JSON.stringify(workerEntry)});`,
    workerOptions: { eval: true },
    largeDocumentChars,
  });
}

class Cancellation implements CancellationSignal {
  isCancellationRequested = false;
  private listeners: (() => void)[] = [];
  onCancellationRequested(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => { this.listeners = this.listeners.filter((l) => l !== listener); } };
  }
  cancel() {
    this.isCancellationRequested = true;
    for (const l of this.listeners) l();
  }
}

const manifest = (definition: string) => `stateMachines:\n  orders:\n    definition: ${definition}\n    roleArn: arn:aws:iam::123456789012:role/orders\n`;
const job = (text: string, files: LintJob['files'] = {}): LintJob => ({ fileName: '/ws/aws-workflows.yaml', text, kind: 'manifest', files });

describe('lint runner', () => {
  it('runs small documents inline and large ones in a worker, with the same findings', async () => {
    const r = runner(50);
    try {
      const small = await r.run(job('defaults: {}\n'), new Cancellation());
      assert.equal(small?.kind, 'manifest');
      const text = manifest('missing.asl.json');
      const inWorker = await r.run(job(text, { 'missing.asl.json': null }), new Cancellation());
      assert.deepEqual(r.counts, { inline: 1, worker: 1, cancelled: 0 });
      assert.deepEqual(inWorker, runLintJob(job(text, { 'missing.asl.json': null })));
      assert.ok(inWorker!.findings.length > 0, 'a definition that does not exist is reported');
    } finally {
      r.dispose();
    }
  });

  it('reports paths the rules asked for that were not fetched, and assumes they exist meanwhile', () => {
    const withSnapshot = runLintJob(job(manifest('./flows/orders.asl.json'), { 'flows/orders.asl.json': '{"StartAt":"A","States":{"A":{"Type":"Succeed"}}}' }));
    assert.deepEqual(withSnapshot.missingFromSnapshot, []);
    const without = runLintJob(job(manifest('flows/orders.asl.json')));
    assert.ok(without.missingFromSnapshot.includes('flows/orders.asl.json'));
    assert.ok(!without.findings.some((f) => /not (found|exist)/i.test(f.message)), 'no "missing file" before the file was looked up');
  });

  it('resolves a cancelled worker run to undefined and recovers for the next run', async () => {
    const r = runner(10);
    try {
      const cancellation = new Cancellation();
      const pending = r.run(job(manifest('a.asl.json').repeat(2000), { 'a.asl.json': null }), cancellation);
      cancellation.cancel();
      assert.equal(await pending, undefined);
      const next = await r.run(job(manifest('b.asl.json'), { 'b.asl.json': null }), new Cancellation());
      assert.equal(next?.kind, 'manifest');
      assert.equal(r.counts.cancelled, 1);
      assert.equal(r.counts.worker, 1);
    } finally {
      r.dispose();
    }
  });

  it('falls back to inline when the worker cannot start, and says so once', async () => {
    const reasons: string[] = [];
    const r = new LintRunner({ workerScript: path.join(__dirname, 'no-such-worker.js'), largeDocumentChars: 10, onWorkerUnavailable: (m) => reasons.push(m) });
    try {
      const first = await r.run(job(manifest('a.asl.json'), { 'a.asl.json': null }), new Cancellation());
      const second = await r.run(job(manifest('a.asl.json'), { 'a.asl.json': null }), new Cancellation());
      assert.equal(first?.kind, 'manifest');
      assert.deepEqual(first, second);
      assert.equal(reasons.length, 1);
      assert.deepEqual(r.counts, { inline: 2, worker: 0, cancelled: 0 });
    } finally {
      r.dispose();
    }
  });
});
