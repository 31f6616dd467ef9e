// `npm start`: the sandbox (see scripts/harness/start.ts). Runs in this process so that Ctrl-C and
// SIGTERM reach the code that stops every child.
import { register } from 'tsx/cjs/api';
import { createRequire } from 'node:module';

register();
process.env.WORKFLOWS_START_MAIN = '1';
createRequire(import.meta.url)('./harness/start.ts');
