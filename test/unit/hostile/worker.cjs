// Runs hostile cases one at a time in a child process whose heap is capped, measuring each
// case's time and heap growth; the parent test asserts the bounds and the outcome. A process, not a
// worker thread: the code under test loads its parts with import(), and on Node 20 tsx's ESM hooks
// do not reach worker threads (the parent forks this with --import tsx).
const { performance } = require('node:perf_hooks');

const { runCase } = require('./cases.ts');

const workerData = JSON.parse(process.env.HOSTILE_WORKER_DATA);

process.on('message', async (message) => {
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
  process.send({ name: message.case.name, ms, heapMB, output, error });
});
