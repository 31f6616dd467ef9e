// The sandbox keeps the emulator's Task mocks in step with the workspace: each
// `statemachines/<state machine>.mocks.json` is sent to the emulator at start and again whenever
// it is saved, so an execution that failed at a mocked state can be redriven once its mock is fixed.
import { existsSync, readFileSync, readdirSync, watch, type FSWatcher } from 'node:fs';
import path from 'node:path';

const MOCK_FILE = /^(.+)\.mocks\.json$/;

async function send(controlUrl: string, region: string, file: string): Promise<string> {
  const name = MOCK_FILE.exec(path.basename(file))![1];
  let body: string;
  try {
    body = JSON.stringify(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    return `mocks for ${name} not sent: ${path.basename(file)} is not valid JSON (${(e as Error).message})`;
  }
  const res = await fetch(`${controlUrl}/mocks/${region}/${encodeURIComponent(name)}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body });
  const answer = (await res.json()) as { error?: string };
  return res.ok ? `mocks for ${name} (${region}) from ${path.basename(file)}` : `mocks for ${name} not sent: ${answer.error ?? res.status}`;
}

/** Sends every mock file in `folder` now and on each change; answers a stop(). */
export async function syncExampleMocks(folder: string, controlUrl: string, region: string, log: (line: string) => void): Promise<{ stop(): void }> {
  if (!existsSync(folder)) return { stop: () => undefined };
  for (const f of readdirSync(folder).filter((n) => MOCK_FILE.test(n))) log(await send(controlUrl, region, path.join(folder, f)));
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(folder, (_event, name) => {
      if (name && MOCK_FILE.test(name) && existsSync(path.join(folder, name))) {
        send(controlUrl, region, path.join(folder, name)).then(log, (e: unknown) => log(`mocks not sent: ${(e as Error).message}`));
      }
    });
  } catch {
    log(`note: ${folder} cannot be watched; restart npm start after changing a mock file`);
  }
  return { stop: () => watcher?.close() };
}
