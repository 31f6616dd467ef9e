// Runs hostile cases one at a time in a worker thread whose heap is capped, measuring each
// case's time and heap growth; the parent test asserts the bounds and the outcome.
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
require('tsx/cjs/api').register();

const { runCase } = require('./cases.ts');

parentPort.on('message', async (message) => {
  // No forced GC here: enabling --expose-gc at run time makes V8 run this code several times slower.
  // The parent caps the worker's heap, so a case that grows it past the cap kills the worker.
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  let output;
  let error;
  try {
    output = await runCase(message.case, workerData.root, workerData.env);
  } catch (e) {
    error = e instanceof Error ? `${e.name}: ${e.message}\n${e.stack}` : String(e);
  }
  const ms = performance.now() - started;
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  parentPort.postMessage({ name: message.case.name, ms, heapMB, output, error });
});
