// What the explorer bench drivers share: the stand-in vscode module, and an ExplorerContext over a
// real AwsSession pointed at the emulator at EMULATOR_URL.
import Module from 'node:module';
import path from 'node:path';

type Resolver = (request: string, ...rest: unknown[]) => string;

/** From now on `require('vscode')` gets fakeVscode.cjs. Call before importing any node class. */
export function useFakeVscode(): void {
  const fakeVscode = path.join(__dirname, 'fakeVscode.cjs');
  const resolver = Module as unknown as { _resolveFilename: Resolver };
  const resolve = resolver._resolveFilename;
  resolver._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'vscode' ? fakeVscode : resolve.call(this, request, ...rest);
  };
}

export async function benchExplorerContext(pageSize: number) {
  const { AwsSession } = await import('../../../src/aws/session');
  const { silentLogger } = await import('../../../src/core/log');
  const { ExecutionPoller } = await import('../../../src/explorer/executionPolling');
  type Ctx = import('../../../src/explorer/nodes/explorerNode').ExplorerContext;
  const session = new AwsSession({
    logger: silentLogger,
    env: { AWS_ENDPOINT_URL: process.env.EMULATOR_URL!, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
  });
  const ctx: Ctx = {
    aws: session,
    pageSize: () => pageSize,
    filters: { effective: () => undefined, text: () => undefined } as unknown as Ctx['filters'],
    logger: silentLogger,
    refresh: () => undefined,
    withProgress: (task) => task(),
    poller: new ExecutionPoller(),
  };
  return { session, ctx };
}

/** Median, min and max of 10 timings after one cold run. */
export async function timeRuns(run: () => Promise<{ ms: number; items: number }>): Promise<{ firstPageMedianMs: number; firstPageMinMs: number; firstPageMaxMs: number; firstPageColdMs: number; firstPageItems: number }> {
  const cold = await run();
  const times: number[] = [];
  for (let i = 0; i < 10; i++) times.push((await run()).ms);
  times.sort((a, b) => a - b);
  return { firstPageMedianMs: (times[4] + times[5]) / 2, firstPageMinMs: times[0], firstPageMaxMs: times[9], firstPageColdMs: cold.ms, firstPageItems: cold.items };
}

/** Runs a driver's main, exiting 0 after it and 1 (with the error on stderr) if it fails. */
export function runDriver(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
