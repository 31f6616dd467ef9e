// Drives the explorer's MWAA environment node (ResourceNode → DAG listing → AirflowRestApi →
// InvokeRestApi) in Node with a stand-in vscode module, against an emulator at EMULATOR_URL.
import Module from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const fakeVscode = path.join(__dirname, '..', 'explorer', 'fakeVscode.cjs');
const resolve = (Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename;
(Module as unknown as { _resolveFilename: (r: string, ...rest: unknown[]) => string })._resolveFilename = function (request: string, ...rest: unknown[]) {
  return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
};

const RUNS = 10;

async function main(): Promise<void> {
  const { AwsSession } = await import('../../../src/aws/session');
  const { silentLogger } = await import('../../../src/core/log');
  const { ResourceNode } = await import('../../../src/explorer/nodes/resourceNode');
  const { itemId } = await import('../../../src/explorer/model/resources');
  const { ExecutionPoller } = await import('../../../src/explorer/executionPolling');
  type Ctx = import('../../../src/explorer/nodes/explorerNode').ExplorerContext;
  const session = new AwsSession({
    logger: silentLogger,
    env: { AWS_ENDPOINT_URL: process.env.EMULATOR_URL!, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
  });
  const pageSize = Number(process.env.PAGE_SIZE) || 50;
  const name = process.env.ENVIRONMENT!;
  const ctx: Ctx = {
    aws: session,
    pageSize: () => pageSize,
    filters: { effective: () => undefined, text: () => undefined } as unknown as Ctx['filters'],
    logger: silentLogger,
    refresh: () => undefined,
    withProgress: (task) => task(),
    poller: new ExecutionPoller(),
  };
  const expand = async () => {
    const env = new ResourceNode(undefined, { id: itemId('mwaaEnvironment', 'us-east-1', name), kind: 'mwaaEnvironment', region: 'us-east-1', name }, ctx);
    const started = performance.now();
    const children = await env.getChildren();
    children.forEach((c) => c.getTreeItem());
    const ms = performance.now() - started;
    if (!children.some((c) => c.id.includes('|dag|'))) throw new Error(`no DAGs listed: ${JSON.stringify(children.map((c) => c.getTreeItem().label))}`);
    return { ms, items: children.filter((c) => c.id.includes('|dag|')).length };
  };
  const cold = await expand();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) times.push((await expand()).ms);
  times.sort((a, b) => a - b);
  process.stdout.write(JSON.stringify({ firstPageMedianMs: (times[RUNS / 2 - 1] + times[RUNS / 2]) / 2, firstPageMinMs: times[0], firstPageMaxMs: times[RUNS - 1], firstPageColdMs: cold.ms, firstPageItems: cold.items }));
  session.dispose();
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
