// `npm run emulator -- [--port N] [--seed FILE|demo|large] [--state FILE] [--page-size N] [--time-scale X]`
import { startEmulator } from './server';

function parseArgs(argv: string[]): { port?: number; seed?: string; statePath?: string; pageSize?: number; timeScale?: number } {
  const out: { port?: number; seed?: string; statePath?: string; pageSize?: number; timeScale?: number } = {};
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--port':
        out.port = Number(value());
        break;
      case '--seed':
        out.seed = value();
        break;
      case '--state':
        out.statePath = value();
        break;
      case '--page-size':
        out.pageSize = Number(value());
        break;
      case '--time-scale':
        out.timeScale = Number(value());
        break;
      default:
        throw new Error(`unknown option ${argv[i]}; usage: npm run emulator -- [--port N] [--seed FILE|demo|large] [--state FILE] [--page-size N] [--time-scale X]`);
    }
  }
  if (out.port !== undefined && !(Number.isInteger(out.port) && out.port >= 0 && out.port < 65536)) throw new Error('--port must be a port number');
  if (out.pageSize !== undefined && !(Number.isInteger(out.pageSize) && out.pageSize > 0)) throw new Error('--page-size must be a positive integer');
  if (out.timeScale !== undefined && !(out.timeScale >= 0)) throw new Error('--time-scale must be a number ≥ 0 (1 is real time)');
  return out;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator(args);
  console.log(`ready ${emulator.endpoint}`);
  console.log(`airflow web server https://127.0.0.1:${emulator.airflowPort} (self-signed certificate)`);
  const shutdown = () => {
    emulator.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((e: unknown) => {
  console.error(`emulator: ${(e as Error).message}`);
  process.exit(1);
});
