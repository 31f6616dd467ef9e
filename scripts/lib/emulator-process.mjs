// Starts the emulator as a child process (`npm run emulator` with these arguments on a free
// port) for the benches; answers its endpoint and a stop().
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..');

export async function startEmulatorProcess(args) {
  const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'test/emulator/main.ts', '--port', '0', ...args], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => child.kill('SIGTERM');
  try {
    const endpoint = await new Promise((resolve, reject) => {
      createInterface({ input: child.stdout }).once('line', (line) => {
        const m = /^ready (http:\/\/\S+)$/.exec(line);
        if (m) resolve(m[1]);
        else reject(new Error(`unexpected emulator output: ${line}`));
      });
      child.once('exit', (code) => reject(new Error(`the emulator exited (${code})`)));
    });
    return { endpoint, stop };
  } catch (e) {
    stop();
    throw e;
  }
}
