// For the benches that drive our code against the emulator: start one in a child process, and run
// a TypeScript driver (tsx) that prints its figures as JSON.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

export const repoRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const tsx = createRequire(import.meta.url).resolve('tsx/cli');

/** `seed`: demo, large or a YAML file. Resolves once it listens: { url, stop() }. */
export function startBenchEmulator(seed) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsx, 'test/emulator/main.ts', '--port', '0', '--seed', seed], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /ready (http:\/\/\S+)/.exec(out);
      if (m) resolve({ url: m[1], stop: () => child.kill() });
    });
    child.on('exit', (code) => reject(new Error(`the emulator exited (${code}) before it was ready`)));
  });
}

/** Runs `driver` (a .ts file under the repo) with --expose-gc and `env`; resolves to the JSON it prints. */
export function runBenchDriver(driver, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', driver], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`${driver} failed (${code})`))));
  });
}
