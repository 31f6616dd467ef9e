// In-host tests' reach into the emulator (its control endpoint, EMULATOR_URL) and their one way
// to wait: a condition polled until it holds, never a fixed sleep.
import * as assert from 'node:assert/strict';

export async function control(method: string, route: string, body?: unknown): Promise<unknown> {
  const url = process.env.EMULATOR_URL;
  assert.ok(url, 'EMULATOR_URL is not set');
  const res = await fetch(`${url}/_emulator/${route}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  assert.equal(res.status, 200, `${route}: HTTP ${res.status}`);
  return res.json();
}

export async function eventually<T>(what: string, check: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
