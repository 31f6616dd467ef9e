// In-host tests in real VS Code (code-server). Usage: node scripts/run-integration.mjs [files…] [--grep TEXT]
// The work is in scripts/harness/runIntegration.ts, run through tsx.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const tsx = createRequire(import.meta.url).resolve('tsx/cli');
const r = spawnSync(process.execPath, [tsx, new URL('./harness/runIntegration.ts', import.meta.url).pathname, ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = r.status ?? 1;
