// Explorer figures against the emulator's `large` seed (10,000 state machines in us-east-1):
//  1. time from expanding "State machines" to the first page's items (GroupNode.getChildren through
//     the real AwsSession and SDK over HTTP, tree items built), median of 10 expansions after one cold one;
//  2. heap (process.memoryUsage().heapUsed after GC) added by loading all 10,000 through "Load more…".
// The node classes run in Node with a stand-in vscode module (scripts/bench/explorer/fakeVscode.cjs),
// so the heap figure is the explorer's own share, not a whole extension host's.
// Usage: node scripts/bench/explorer.mjs
import { runBenchDriver, startBenchEmulator } from '../lib/bench-emulator.mjs';

const emulator = await startBenchEmulator('large');
try {
  const r = await runBenchDriver('scripts/bench/explorer/driver.ts', { EMULATOR_URL: emulator.url, PAGE_SIZE: '50' });
  const mb = (b) => (b / 1024 / 1024).toFixed(1);
  console.log('explorer (emulator, large seed: 10,000 state machines)');
  console.log(`  expand "State machines" → first ${r.firstPageItems} items: median ${r.firstPageMedianMs.toFixed(1)} ms of 10 (min ${r.firstPageMinMs.toFixed(1)}, max ${r.firstPageMaxMs.toFixed(1)}; cold first expand incl. SDK load ${r.firstPageColdMs.toFixed(1)} ms) — goal < 300 ms`);
  console.log(`  load all through "Load more…": ${r.loadedItems} items in ${r.pages} pages of ${r.pageSize}, ${(r.loadAllMs / 1000).toFixed(1)} s; heap +${mb(r.heapDeltaBytes)} MB (${r.treeItems} tree items alive; heapUsed ${mb(r.heapUsedBytes)} MB)`);
} finally {
  emulator.stop();
}
