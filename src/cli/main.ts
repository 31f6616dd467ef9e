// Command dispatch for the CLI. Each command lives in its own module and is loaded on demand.

export interface CliIo {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
}

declare const __VERSION__: string | undefined;

export const CLI_VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : 'dev';

const HELP = `Usage: aws-workflows <command> [options]

Check and ship AWS workflow definitions: Step Functions state machines and activities,
EC2 Image Builder workflows and Amazon MWAA Serverless workflows.

Commands:
  lint [paths or globs…]   Check definitions and aws-workflows.yaml (no AWS calls)
  deploy [names…]          Create or update the workflows described in aws-workflows.yaml

Options:
  -h, --help               Show this help
  -v, --version            Show the version

Run 'aws-workflows <command> --help' for a command's options.
`;

export type CliCommand = (args: string[], io: CliIo) => Promise<number>;

/** Registered by each command module; kept as loaders so `--help` loads nothing else. */
export const commands: Record<string, () => Promise<CliCommand>> = {
  // require, not import(): under tsx's CommonJS hook (unit tests) import() goes to Node's ESM loader, which cannot resolve './lint'.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  lint: async () => (require('./lint') as typeof import('./lint')).lintCommand,
  deploy: async () => (await import('./deploy')).deployCommand,
};

export async function runCli(args: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args;
  if (first === undefined || first === '-h' || first === '--help' || first === 'help') {
    io.stdout.write(HELP);
    return first === undefined ? 2 : 0;
  }
  if (first === '-v' || first === '--version') {
    io.stdout.write(`${CLI_VERSION}\n`);
    return 0;
  }
  const load = commands[first];
  if (!load) {
    io.stderr.write(`aws-workflows: unknown command '${first}'. Run 'aws-workflows --help' for the list.\n`);
    return 2;
  }
  const command = await load();
  return command(rest, io);
}
