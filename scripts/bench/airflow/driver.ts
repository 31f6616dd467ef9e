// Drives the explorer's MWAA environment node (ResourceNode → DAG listing → AirflowRestApi →
// InvokeRestApi) in Node with a stand-in vscode module, against an emulator at EMULATOR_URL.
import { performance } from 'node:perf_hooks';
import { benchExplorerContext, runDriver, timeRuns, useFakeVscode } from '../explorer/benchContext';

useFakeVscode();

async function main(): Promise<void> {
  const { ResourceNode } = await import('../../../src/explorer/nodes/resourceNode');
  const { itemId } = await import('../../../src/explorer/model/resources');
  const { session, ctx } = await benchExplorerContext(Number(process.env.PAGE_SIZE) || 50);
  const name = process.env.ENVIRONMENT!;
  const figures = await timeRuns(async () => {
    const env = new ResourceNode(undefined, { id: itemId('mwaaEnvironment', 'us-east-1', name), kind: 'mwaaEnvironment', region: 'us-east-1', name }, ctx);
    const started = performance.now();
    const children = await env.getChildren();
    children.forEach((c) => c.getTreeItem());
    const ms = performance.now() - started;
    const dags = children.filter((c) => c.id.includes('|dag|')).length;
    if (!dags) throw new Error(`no DAGs listed: ${JSON.stringify(children.map((c) => c.getTreeItem().label))}`);
    return { ms, items: dags };
  });
  process.stdout.write(JSON.stringify(figures));
  session.dispose();
}

runDriver(main);
