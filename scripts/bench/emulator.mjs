// Emulator throughput: ListStateMachines pages per second against the `large` seed
// (10,000 state machines), through the real SDK, so later benchmarks know the emulator is
// not their bottleneck. Prints the median of several runs.
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { startEmulatorProcess } from '../lib/emulator-process.mjs';

const RUNS = 5;
const PAGE_SIZE = 100;
const CONCURRENCY = 4;

const emulator = await startEmulatorProcess(['--seed', 'large']);

try {
  const { endpoint } = emulator;
  const sfn = new SFNClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' }, maxAttempts: 1 });

  /** Walks all 10,000 machines page by page; answers pages per second. */
  async function walk() {
    const started = process.hrtime.bigint();
    let pages = 0;
    let nextToken;
    do {
      const page = await sfn.send(new ListStateMachinesCommand({ maxResults: PAGE_SIZE, nextToken }));
      pages++;
      nextToken = page.nextToken;
    } while (nextToken);
    return pages / (Number(process.hrtime.bigint() - started) / 1e9);
  }

  /** CONCURRENCY walks at once; answers total pages per second. */
  async function concurrentWalks() {
    const started = process.hrtime.bigint();
    const counts = await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      let pages = 0;
      let nextToken;
      do {
        nextToken = (await sfn.send(new ListStateMachinesCommand({ maxResults: PAGE_SIZE, nextToken }))).nextToken;
        pages++;
      } while (nextToken);
      return pages;
    }));
    return counts.reduce((a, b) => a + b, 0) / (Number(process.hrtime.bigint() - started) / 1e9);
  }

  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  await walk(); // warm-up: JIT, connections
  const sequential = [];
  for (let i = 0; i < RUNS; i++) sequential.push(await walk());
  const concurrent = [];
  for (let i = 0; i < RUNS; i++) concurrent.push(await concurrentWalks());
  console.log(`emulator ListStateMachines (large seed, ${PAGE_SIZE} per page, real SDK): ${median(sequential).toFixed(0)} pages/s sequential, ${median(concurrent).toFixed(0)} pages/s with ${CONCURRENCY} in flight (median of ${RUNS} runs)`);
} finally {
  emulator.stop();
}
