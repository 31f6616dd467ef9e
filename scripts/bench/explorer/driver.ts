// Drives the explorer's real node classes (GroupNode → ListChildren → PagedList → AwsSession → SDK)
// in Node with a stand-in vscode module, against an emulator at EMULATOR_URL. Prints JSON figures.
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const fakeVscode = path.join(__dirname, 'fakeVscode.cjs');
const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
};

const RUNS = 10;

async function main(): Promise<void> {
  const { AwsSession } = await import('../../../src/aws/session');
  const { silentLogger } = await import('../../../src/core/log');
  const { GroupNode } = await import('../../../src/explorer/nodes/groupNode');
  const { ExecutionPoller } = await import('../../../src/explorer/executionPolling');
  type Ctx = import('../../../src/explorer/nodes/explorerNode').ExplorerContext;
  const endpoint = process.env.EMULATOR_URL!;
  const session = new AwsSession({
    logger: silentLogger,
    env: { AWS_ENDPOINT_URL: endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
  });
  const pageSize = Number(process.env.PAGE_SIZE) || 50;
  const ctx: Ctx = {
    aws: session,
    pageSize: () => pageSize,
    filters: { effective: () => undefined, text: () => undefined } as unknown as Ctx['filters'],
    logger: silentLogger,
    refresh: () => undefined,
    withProgress: (task) => task(),
    poller: new ExecutionPoller(),
  };
  const parent = { id: 'bench', parent: undefined, getTreeItem: () => ({}), getChildren: () => [] } as never;

  // Expanding "State machines": getChildren until the first page's items are TreeItems.
  const expand = async () => {
    const group = new GroupNode(parent, 'us-east-1', 'stateMachines', ctx);
    const started = performance.now();
    const children = await group.getChildren();
    children.forEach((c) => c.getTreeItem());
    return { ms: performance.now() - started, items: children.length, group };
  };
  const cold = await expand();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await expand()).ms);
  times.sort((a, b) => a - b);
  const median = (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2;

  // Heap: everything loaded through "Load more…", every child built as the tree would.
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  const group = new GroupNode(parent, 'us-east-1', 'stateMachines', ctx);
  await group.getChildren();
  gc();
  const before = process.memoryUsage().heapUsed;
  const loadStarted = performance.now();
  let children = await group.getChildren();
  let pages = 1;
  while (children.length && children[children.length - 1].id.endsWith('|loadMore')) {
    await group.listing.loadMore();
    children = await group.getChildren();
    pages++;
  }
  const items = children.map((c) => c.getTreeItem());
  const loadAllMs = performance.now() - loadStarted;
  gc();
  const after = process.memoryUsage().heapUsed;
  process.stdout.write(
    JSON.stringify({
      firstPageMedianMs: median,
      firstPageMinMs: times[0],
      firstPageMaxMs: times[RUNS - 1],
      firstPageColdMs: cold.ms,
      firstPageItems: cold.items - 1,
      pageSize,
      loadedItems: group.listing.list.items.length,
      treeItems: items.length,
      pages,
      loadAllMs,
      heapDeltaBytes: after - before,
      heapUsedBytes: after,
      stillReferenced: items.length > 0,
    }),
  );
  session.dispose();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
