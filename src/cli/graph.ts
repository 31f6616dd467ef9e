// `aws-workflows graph FILE`: the editor's graph view without VS Code, for CI jobs and pull requests.
// The same model, layout and SVG renderer as the webview (src/core/graph).

import { existsSync, writeFileSync } from 'node:fs';
import { readBoundedTextFileSync } from '../files/read';
import { dirname, join, resolve } from 'node:path';
import { containedFileReader } from '../files/templateFiles';
import { defineCommand, UsageError, type CommandSpec, type Flags } from './command';
import { lintText } from '../core/lint';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { readManifest } from './lint';
import { buildGraph, graphFindings } from '../core/graph/index';
import { layoutGraph, layoutJson } from '../core/graph/layout';
import { LIGHT_PALETTE, renderSvg } from '../core/graph/svg';
import { toDot } from '../core/graph/dot';

const graphSpec = {
  name: 'graph',
  usage: 'FILE [--format svg|dot|json] [-o OUT]',
  description: `Draws a Step Functions state machine (JSON or YAML), an MWAA Serverless DAG or an EC2 Image
Builder workflow document as the editor's graph view does: states, tasks or steps and their
transitions, with error and warning findings marked and unreachable states greyed. A CloudFormation
or SAM template draws each state machine it declares (inline, DefinitionString or DefinitionUri).`,
  flags: {
    format: {
      type: 'string',
      choices: ['svg', 'dot', 'json'],
      help: 'svg (default): a standalone picture\ndot: Graphviz source\njson: the layout: nodes {id, kind, label, box}, edges {from, to, kind}',
    },
    output: { type: 'string', short: 'o', value: 'OUT', help: 'Write to this file instead of standard output' },
  },
  epilogue: 'Exit codes: 0 drawn, 1 the file does not parse or is not a workflow definition, 2 usage error.',
} satisfies CommandSpec<Flags>;

export const graphCommand = defineCommand(graphSpec, async ({ flags, operands }, io) => {
  if (operands.length !== 1) throw new UsageError(operands.length === 0 ? 'give the definition file to draw.' : 'give one file to draw.', true);
  const file = operands[0];
  const absolute = resolve(io.cwd, file);
  const read = readBoundedTextFileSync(absolute);
  if (!read.ok) throw new UsageError(`cannot read ${file}: ${read.reason}.`);
  const text = read.text;
  const manifestPath = join(io.cwd, MANIFEST_FILE_NAME);
  const manifest = existsSync(manifestPath) ? readManifest(manifestPath) : undefined;
  const lint = lintText({ fileName: file, text, context: { fileExists: (rel) => existsSync(resolve(io.cwd, rel)), manifest } });
  // A template's DefinitionUri files are read only inside the current folder, as `lint` does.
  const readFile = containedFileReader(dirname(absolute), [io.cwd]);
  const result = buildGraph({ fileName: file, text, manifest, findings: graphFindings(lint.findings), readFile });
  if (!result.ok) {
    io.stderr.write(`aws-workflows graph: ${file}: ${result.message}\n`);
    return 1;
  }
  const format = flags.format ?? 'svg';
  const layout = layoutGraph(result.model);
  const output = format === 'json' ? `${JSON.stringify(layoutJson(layout), null, 2)}\n` : format === 'dot' ? toDot(result.model) : `${renderSvg(layout, { palette: LIGHT_PALETTE, background: true })}\n`;
  if (flags.output) {
    try {
      writeFileSync(resolve(io.cwd, flags.output), output);
    } catch (e) {
      throw new UsageError(`cannot write ${flags.output}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  } else {
    io.stdout.write(output);
  }
  return 0;
});
