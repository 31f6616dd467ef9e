// `npm run bench`: runs every scripts/bench/*.mjs (each prints its own figures), one process each.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const only = process.argv.slice(2);
const benches = readdirSync(path.join(root, 'scripts', 'bench'))
  .filter((f) => f.endsWith('.mjs'))
  .filter((f) => only.length === 0 || only.includes(path.basename(f, '.mjs')))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${path.basename(file, '.mjs')}`);
  // The SDK's notice that its 2027 versions need Node 22 would be printed by every bench that calls AWS.
  const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
  const r = spawnSync(process.execPath, [path.join('scripts', 'bench', file)], { cwd: root, stdio: 'inherit', env });
  if (r.status !== 0) {
    failed++;
    console.log(`(${file} exited ${r.status ?? r.signal})`);
  }
}
process.exitCode = failed ? 1 : 0;
