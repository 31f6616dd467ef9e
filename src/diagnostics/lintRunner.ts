// Runs lint jobs: small documents inline (a few milliseconds), large ones in a worker thread so the
// extension host never blocks on validation. A cancelled run's worker is terminated, not awaited.
// No vscode import, so the worker path is unit tested in plain Node.

import { Worker, type WorkerOptions } from 'node:worker_threads';
import type { LintJob, LintJobResult } from './lintJob';
import { heavy } from './lazy';
import type { WorkerRequest, WorkerResponse } from './lintWorker';

/** The part of vscode.CancellationToken the runner needs. */
export interface CancellationSignal {
  readonly isCancellationRequested: boolean;
  onCancellationRequested(listener: () => void): { dispose(): void };
}

/** Documents above this many characters lint in a worker thread. */
export const LARGE_DOCUMENT_CHARS = 200_000;

export interface LintRunnerOptions {
  /** The bundled worker entry (dist/lintWorker.js). */
  workerScript: string;
  workerOptions?: WorkerOptions;
  largeDocumentChars?: number;
  /** How long an idle worker is kept for the next run. */
  idleMs?: number;
  /** Told once when the worker cannot start; runs continue inline. */
  onWorkerUnavailable?(reason: string): void;
}

export class LintRunner {
  private idle: Worker | undefined;
  private idleTimer: NodeJS.Timeout | undefined;
  private readonly busy = new Set<Worker>();
  private nextId = 1;
  private workerUnavailable = false;
  private disposed = false;
  /** For tests and figures: how many runs went where. */
  readonly counts = { inline: 0, worker: 0, cancelled: 0 };

  constructor(private readonly options: LintRunnerOptions) {}

  /** Resolves to undefined when the run was cancelled (a newer edit superseded it). */
  async run(job: LintJob, token: CancellationSignal): Promise<LintJobResult | undefined> {
    if (token.isCancellationRequested) return this.cancelled();
    const large = job.text.length > (this.options.largeDocumentChars ?? LARGE_DOCUMENT_CHARS);
    if (!large || this.workerUnavailable || this.disposed) {
      this.counts.inline++;
      return (heavy.loaded ?? (await heavy.get())).runLintJob(job);
    }
    try {
      const result = await this.runInWorker(job, token);
      if (result === undefined) return this.cancelled();
      this.counts.worker++;
      return result;
    } catch (err) {
      if (token.isCancellationRequested) return this.cancelled();
      this.workerUnavailable = true;
      this.options.onWorkerUnavailable?.(err instanceof Error ? err.message : String(err));
      this.counts.inline++;
      return (await heavy.get()).runLintJob(job);
    }
  }

  private cancelled(): undefined {
    this.counts.cancelled++;
    return undefined;
  }

  private takeWorker(): Worker {
    clearTimeout(this.idleTimer);
    const worker = this.idle ?? new Worker(this.options.workerScript, this.options.workerOptions);
    this.idle = undefined;
    this.busy.add(worker);
    return worker;
  }

  private releaseWorker(worker: Worker): void {
    this.busy.delete(worker);
    if (this.disposed || this.idle) {
      void worker.terminate();
      return;
    }
    this.idle = worker;
    this.idleTimer = setTimeout(() => {
      if (this.idle === worker) this.idle = undefined;
      void worker.terminate();
    }, this.options.idleMs ?? 30_000);
    this.idleTimer.unref?.();
  }

  private runInWorker(job: LintJob, token: CancellationSignal): Promise<LintJobResult | undefined> {
    const worker = this.takeWorker();
    const id = this.nextId++;
    return new Promise<LintJobResult | undefined>((resolve, reject) => {
      let settled = false;
      const finish = (after: () => void): void => {
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        cancellation.dispose();
        after();
      };
      const onMessage = (response: WorkerResponse): void => {
        if (response.id !== id) return;
        finish(() => {
          this.releaseWorker(worker);
          if ('error' in response) reject(new Error(response.error));
          else resolve(response.result);
        });
      };
      const onError = (err: Error): void => finish(() => {
        this.busy.delete(worker);
        void worker.terminate();
        reject(err);
      });
      const onExit = (code: number): void => finish(() => {
        this.busy.delete(worker);
        reject(new Error(`The lint worker stopped (exit code ${code}).`));
      });
      // Terminating is the only way to stop a synchronous run part-way; the next run starts a fresh worker.
      const cancellation = token.onCancellationRequested(() => finish(() => {
        this.busy.delete(worker);
        void worker.terminate();
        resolve(undefined);
      }));
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      const request: WorkerRequest = { id, job };
      worker.postMessage(request);
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.idleTimer);
    if (this.idle) void this.idle.terminate();
    this.idle = undefined;
    for (const w of this.busy) void w.terminate();
    this.busy.clear();
  }
}
