// `aws-workflows lint`: the editor's checks for terminals and CI. No AWS calls.

import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { AWS_FLAGS, cliRegion } from './aws';
import { defineCommand, UsageError, type CommandSpec, type Flags } from './command';
import type { Finding } from '../core/findings';
import { lintText, type LintContext } from '../core/lint';
import { parseManifest } from '../core/manifest';
import { MANIFEST_FILE_NAME, type Manifest } from '../core/manifest/model';
import { expandGlob, isGlob } from './glob';
import { CLI_VERSION } from './version';
import { toSarif } from './sarif';
import { linkedDefinitionFiles, siblingFilesOnDisk, TemplateFinder, templatesIn } from './templates';
import { looksLikeTemplate, type TemplateSource } from '../core/cfn';
import { folderFileContext } from '../files/context';
import { resolveContained } from '../files/contain';
import { isRegularFile, readBoundedTextFileSync } from '../files/read';

const lintSpec = {
  name: 'lint',
  usage: '[paths or globs…] [--format text|json|sarif] [--region R] [--profile P]',
  description: `Checks Step Functions state machines, EC2 Image Builder workflow documents, MWAA Serverless
DAGs, CloudFormation/SAM templates and aws-workflows.yaml, as the editor does. With no paths, checks
aws-workflows.yaml in the current folder and every definition it names, and the templates in the
current folder with their DefinitionUri files. Folders are searched for .json, .yaml and .yml files.
A definition file that a template names is checked with that template's DefinitionSubstitutions.`,
  flags: {
    format: {
      type: 'string',
      choices: ['text', 'json', 'sarif'],
      help: 'text (default): file:line:col severity code message\njson: [{file, range:{start:{line,character},end:{line,character}}, severity, code, message}]\nwith 0-based positions\nsarif: SARIF 2.1.0 for code scanning (one run, rules and results)',
    },
    // The region KMS key and ARN rules compare against, resolved as deploy resolves it; no AWS calls.
    ...AWS_FLAGS,
  },
  epilogue: 'Exit codes: 0 no errors (warnings allowed), 1 errors found, 2 usage error.',
} satisfies CommandSpec<Flags>;

interface Target {
  /** As shown in the output: relative to the current folder, forward slashes. */
  file: string;
  absolute: string;
  /** Named on the command line (not found by a glob or a folder walk). */
  explicit: boolean;
}

export interface FileFinding extends Finding {
  file: string;
}

export const lintCommand = defineCommand(lintSpec, async ({ flags, operands: paths }, io) => {
  const format = flags.format ?? 'text';
  const manifestPath = join(io.cwd, MANIFEST_FILE_NAME);
  const manifest = existsSync(manifestPath) ? readManifest(manifestPath) : undefined;
  const targets = paths.length > 0 ? resolveTargets(paths, io.cwd) : [...manifestTargets(io.cwd, manifestPath, manifest), ...rootTemplateTargets(io.cwd)];
  if (targets.length === 0) {
    throw new UsageError(`no ${MANIFEST_FILE_NAME} and no CloudFormation or SAM template in ${io.cwd}. Give the files to check (paths or globs), or run in the folder that has them.`);
  }
  // Paths a template names must stay inside the folders the lint was given (or the current one).
  const roots = [io.cwd, ...paths.filter((p) => !isGlob(p)).map((p) => resolve(io.cwd, p)).filter((p) => existsSync(p) && statSync(p).isDirectory())];
  const texts = new Map<string, string>();
  const unreadable = new Map<string, string>();
  const targetTemplates: TemplateSource[] = [];
  for (const target of targets) {
    const read = readBoundedTextFileSync(target.absolute);
    if (!read.ok) {
      unreadable.set(target.absolute, read.reason);
      continue;
    }
    texts.set(target.absolute, read.text);
    if (looksLikeTemplate(read.text)) targetTemplates.push({ fileName: target.file, text: read.text });
  }
  const templateFinder = new TemplateFinder(io.cwd, roots, targetTemplates, texts);

  const context: LintContext = {
    ...folderFileContext(io.cwd),
    defaultRegion: await cliRegion(io, flags),
    manifest,
  };
  const results: FileFinding[] = [];
  let checked = 0;
  for (const target of targets) {
    const text = texts.get(target.absolute);
    if (text === undefined) {
      results.push({ file: target.file, code: 'lint/unreadable', severity: 'error', message: `${target.file} cannot be read: ${unreadable.get(target.absolute)}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
      continue;
    }
    const targetContext: LintContext = { ...context, siblingFiles: siblingFilesOnDisk(dirname(target.absolute), roots) };
    if (/\.(json|ya?ml)$/i.test(target.absolute) && !looksLikeTemplate(text)) targetContext.templates = templateFinder.forDefinition(target.absolute);
    const { kind, findings } = lintText({ fileName: target.file, text, context: targetContext });
    if (kind === 'unknown') {
      if (!target.explicit) continue;
      results.push({
        file: target.file,
        code: 'lint/unknown-kind',
        severity: 'warning',
        message: 'Not recognised as a state machine, Image Builder workflow, MWAA Serverless DAG, CloudFormation/SAM template or aws-workflows.yaml; nothing was checked.',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
      continue;
    }
    checked++;
    for (const f of findings) results.push({ file: target.file, ...f });
  }

  if (format === 'sarif') {
    io.stdout.write(`${JSON.stringify(toSarif(results, { cwd: io.cwd, version: CLI_VERSION }), null, 2)}\n`);
  } else if (format === 'json') {
    io.stdout.write(`${JSON.stringify(results.map(({ file, range, severity, code, message }) => ({ file, range, severity, code, message })), null, 2)}\n`);
  } else {
    for (const f of results) io.stdout.write(`${formatText(f)}\n`);
    io.stderr.write(`${summary(results, checked)}\n`);
  }
  return results.some((f) => f.severity === 'error') ? 1 : 0;
});

export function formatText(f: FileFinding): string {
  const message = f.message.replace(/\s*\n\s*/g, ' ');
  return `${f.file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.code} ${message}`;
}

function summary(results: FileFinding[], checked: number): string {
  const count = (severity: string) => results.filter((f) => f.severity === severity).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')} in ${plural(checked, 'file')} checked.`;
}

function resolveTargets(paths: string[], cwd: string): Target[] {
  const targets = new Map<string, Target>();
  const add = (absolute: string, explicit: boolean) => {
    if (!targets.has(absolute)) targets.set(absolute, { file: display(absolute, cwd), absolute, explicit });
  };
  for (const path of paths) {
    if (isGlob(path) && !existsSync(resolve(cwd, path))) {
      const matches = expandGlob(path, cwd);
      if (matches.length === 0) throw new UsageError(`no files match '${path}'.`);
      for (const m of matches) add(m, false);
      continue;
    }
    const absolute = resolve(cwd, path);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      throw new UsageError(`no such file or folder: ${path}`);
    }
    if (stat.isDirectory()) {
      for (const m of expandGlob('**/*.{json,yaml,yml}', absolute)) add(m, false);
    } else {
      add(absolute, true);
    }
  }
  return [...targets.values()];
}

/** The templates in the current folder, and the definition files they name. */
function rootTemplateTargets(cwd: string): Target[] {
  const out: Target[] = [];
  const seen = new Set<string>([join(cwd, MANIFEST_FILE_NAME)]);
  for (const { absolute, template } of templatesIn(cwd, cwd)) {
    if (seen.has(absolute)) continue;
    seen.add(absolute);
    out.push({ file: display(absolute, cwd), absolute, explicit: true });
    for (const definition of linkedDefinitionFiles(template, cwd)) {
      if (seen.has(definition)) continue;
      seen.add(definition);
      out.push({ file: display(definition, cwd), absolute: definition, explicit: true });
    }
  }
  return out;
}

function manifestTargets(cwd: string, manifestPath: string, manifest: Manifest | undefined): Target[] {
  if (!manifest) return [];
  const targets: Target[] = [{ file: MANIFEST_FILE_NAME, absolute: manifestPath, explicit: true }];
  const seen = new Set([manifestPath]);
  const definitions = [...manifest.stateMachines, ...manifest.imageBuilderWorkflows, ...manifest.airflowWorkflows]
    .map((e) => e.spec.definition)
    .filter((d): d is string => typeof d === 'string' && d !== '');
  for (const definition of definitions) {
    // A missing, refused or unreadable definition is reported by the manifest's own checks, at the entry that names it.
    const where = resolveContained(dirname(manifestPath), definition);
    if (!where.ok) continue;
    const absolute = where.absolute;
    if (seen.has(absolute) || !isRegularFile(absolute)) continue;
    seen.add(absolute);
    targets.push({ file: display(absolute, cwd), absolute, explicit: true });
  }
  return targets;
}

export function readManifest(path: string): Manifest | undefined {
  try {
    const read = readBoundedTextFileSync(path);
    return read.ok ? parseManifest(read.text).manifest : undefined;
  } catch {
    return undefined;
  }
}

function display(absolute: string, cwd: string): string {
  const rel = relative(cwd, absolute);
  return (rel === '' ? absolute : rel).replace(/\\/g, '/');
}
