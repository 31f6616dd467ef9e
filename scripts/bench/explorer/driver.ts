// Drives the explorer's real node classes (GroupNode → ListChildren → PagedList → AwsSession → SDK)
// in Node with a stand-in vscode module, against an emulator at EMULATOR_URL. Prints JSON figures.
import { performance } from 'node:perf_hooks';
import { benchExplorerContext, runDriver, timeRuns, useFakeVscode } from './benchContext';

useFakeVscode();

async function main(): Promise<void> {
  const { GroupNode } = await import('../../../src/explorer/nodes/groupNode');
  const pageSize = Number(process.env.PAGE_SIZE) || 50;
  const { session, ctx } = await benchExplorerContext(pageSize);
  const parent = { id: 'bench', parent: undefined, getTreeItem: () => ({}), getChildren: () => [] } as never;

  // Expanding "State machines": getChildren until the first page's items are TreeItems.
  const expand = async () => {
    const group = new GroupNode(parent, 'us-east-1', 'stateMachines', ctx);
    const started = performance.now();
    const children = await group.getChildren();
    children.forEach((c) => c.getTreeItem());
    return { ms: performance.now() - started, items: children.length, group };
  };
  const first = await timeRuns(async () => {
    const r = await expand();
    return { ms: r.ms, items: r.items };
  });

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
      ...first,
      firstPageItems: first.firstPageItems - 1,
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

runDriver(main);
