// Worker-thread entry (bundled as dist/lintWorker.js): lints large documents off the extension host's thread.

import { parentPort } from 'node:worker_threads';
import { runLintJob, type LintJob } from './lintJob';

export interface WorkerRequest { id: number; job: LintJob }
export type WorkerResponse = { id: number; result: ReturnType<typeof runLintJob> } | { id: number; error: string };

parentPort?.on('message', (request: WorkerRequest) => {
  let response: WorkerResponse;
  try {
    response = { id: request.id, result: runLintJob(request.job) };
  } catch (err) {
    response = { id: request.id, error: err instanceof Error ? err.message : String(err) };
  }
  parentPort?.postMessage(response);
});
