// `aws-workflows lsp --stdio`: the language server (src/languageServer) over standard input and output.

// Static imports: this module is itself loaded on first use (main.ts), so they cost the other commands nothing.
import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startLanguageServer } from '../languageServer/server';
import { defineCommand, UsageError, type CommandSpec, type Flags } from './command';
import { AWS_FLAGS, cliRegion } from './aws';

const lspSpec = {
  name: 'lsp',
  usage: '--stdio',
  description: `Runs the language server: diagnostics, quick fixes, hovers and completion for state machines,
Image Builder workflow documents, MWAA Serverless DAGs, templates and aws-workflows.yaml, in any
editor that speaks the Language Server Protocol. The region rules compare against is resolved as
\`lint\` resolves it: --region, the profile's region (--profile, AWS_PROFILE, default) in the shared
config, AWS_REGION, AWS_DEFAULT_REGION, us-east-1; nothing is sent to AWS.`,
  flags: {
    stdio: { type: 'boolean', help: 'Talk LSP over standard input and output (the only transport)' },
    ...AWS_FLAGS,
  },
} satisfies CommandSpec<Flags>;

export const lspCommand = defineCommand(lspSpec, async ({ flags }, io) => {
  if (!flags.stdio) throw new UsageError('give --stdio: the language server talks over standard input and output.', true);
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  startLanguageServer(connection, { defaultRegion: await cliRegion(io, flags) });
  // Runs until the client closes the connection (exit notification or end of input).
  return new Promise<number>((done) => connection.onExit(() => done(0)));
});
