// `aws-workflows`: the same checks and deploys as the extension, for terminals and CI.

import { enableCompileCache } from './cli/compileCache';
import { runCli } from './cli/main';

// Before any command's chunk loads (they are import()ed on first use).
enableCompileCache(process.env);

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    process.stderr.write(`aws-workflows: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
