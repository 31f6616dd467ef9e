// `aws-workflows`: the same checks and deploys as the extension, for terminals and CI.

import { enableCompileCache } from './cli/compileCache';
import { runCli } from './cli/main';
import { fdOutput } from './cli/output';

// Before any command's chunk loads (they are import()ed on first use).
enableCompileCache(process.env);
// On Node 20 the bundled AWS SDK prints eight lines to stderr on its first client: SDK versions
// published after early January 2027 will need Node 22. That tells whoever upgrades the SDK (we do,
// and engines will say so then), not someone running this CLI, whose bundled SDK never changes; the
// SDK's own switch silences it, unless the user set it.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const stderr = fdOutput(2);
runCli(process.argv.slice(2), { stdout: fdOutput(1), stderr, cwd: process.cwd(), env: process.env }).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    stderr.write(`aws-workflows: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
