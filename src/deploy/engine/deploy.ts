// One deploy, start to finish: local checks first (errors stop, warnings ask), then the
// service-specific create or update. Every outcome is a DeployResult; nothing throws out.

import * as path from 'node:path';
import { AwsActionError } from '../../aws/errors';
import type { Finding } from '../../core/findings';
import { lintText } from '../../core/lint';
import { isRegionCode } from '../../core/rules/arns';
import { deployActivity } from './activity';
import { deployAirflowWorkflow } from './airflowServerless';
import { DeployRun } from './context';
import { deployImageBuilderWorkflow } from './imageBuilder';
import { deployStateMachine } from './stateMachine';
import { fileContext } from './targets';
import { resolveContained } from '../../files/contain';
import { DeployCancelled, DeployFailure, KIND_LABELS, type DeployOptions, type DeployResult, type DeployTarget } from './types';

export interface FileFindings {
  file: string;
  findings: Finding[];
}

/** `file:line:col severity message (code)`, one-based like compilers print. */
export function formatFinding(file: string, f: Finding): string {
  return `${file}:${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message} (${f.code})`;
}

/** The manifest findings for the entry and the lint findings of its definition. */
export function localFindings(target: DeployTarget, definitionText: string | undefined): FileFindings[] {
  const out: FileFindings[] = [];
  if (target.manifestPath && target.manifestFindings?.length) out.push({ file: target.manifestPath, findings: target.manifestFindings });
  if (target.definitionPath && definitionText !== undefined && target.kind !== 'activity') {
    const dir = target.manifestPath ? path.dirname(target.manifestPath) : path.dirname(target.definitionPath);
    const { findings } = lintText({
      fileName: target.definitionPath,
      text: definitionText,
      kind: target.kind,
      context: { ...fileContext(dir), defaultRegion: target.region, manifest: target.manifest },
    });
    if (findings.length) out.push({ file: target.definitionPath, findings });
  }
  return out;
}

function countBySeverity(groups: FileFindings[], severity: Finding['severity']): FileFindings[] {
  return groups.map((g) => ({ file: g.file, findings: g.findings.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0);
}

export async function deployTarget(target: DeployTarget, options: DeployOptions): Promise<DeployResult> {
  const run = new DeployRun(target, options);
  try {
    if (!isRegionCode(target.region)) {
      throw new DeployFailure(`${run.label} was not deployed: '${target.region}' is not an AWS Region code such as eu-west-1, so no request was sent. Fix region in aws-workflows.yaml or the region setting.`);
    }
    let definitionText: string | undefined;
    if (target.kind !== 'activity') {
      if (!target.definitionPath) {
        throw new DeployFailure(`${run.label} has no definition: set definition to the path of its file, relative to aws-workflows.yaml.`);
      }
      if (target.manifestPath && target.definitionRelPath !== undefined) {
        // Checked again here, not only by the manifest rules: nothing outside the folder is ever read or sent.
        const where = resolveContained(path.dirname(target.manifestPath), target.definitionRelPath);
        if (!where.ok) throw new DeployFailure(`The definition of ${run.label}, ${target.definitionRelPath}, is not used: ${where.reason}. Nothing was read or sent.`);
      }
      if (!(await options.files.exists(target.definitionPath))) {
        throw new DeployFailure(`The definition of ${run.label}, ${target.definitionRelPath ?? target.definitionPath}, does not exist. Fix the path in aws-workflows.yaml.`);
      }
      try {
        definitionText = await options.files.readText(target.definitionPath);
      } catch (err) {
        throw new DeployFailure(`The definition of ${run.label} could not be read: ${err instanceof Error ? err.message : String(err)}`);
      }
    }

    run.step('Checking the definition and its settings locally');
    const groups = localFindings(target, definitionText);
    const errors = countBySeverity(groups, 'error');
    if (errors.length) {
      const count = errors.reduce((n, g) => n + g.findings.length, 0);
      const first = errors[0];
      return {
        ...run.result('failed', `${run.label} was not deployed: local checks found ${count} error${count === 1 ? '' : 's'}, the first: ${formatFinding(first.file, first.findings[0])}.`),
        blockingFindings: errors,
      };
    }
    const warnings = countBySeverity(groups, 'warning');
    if (warnings.length) {
      const proceed = await (options.hooks?.confirmWarnings?.(target, warnings) ?? Promise.resolve(true));
      if (!proceed) return run.result('cancelled', `Deploy of ${run.label} cancelled after local warnings; nothing was sent.`);
      for (const g of warnings) for (const f of g.findings) run.warnings.push(formatFinding(g.file, f));
    }

    const rel = target.definitionRelPath ?? (target.definitionPath ? path.basename(target.definitionPath) : '');
    switch (target.kind) {
      case 'stateMachine': return await deployStateMachine(run, definitionText!, target.definitionPath!);
      case 'activity': return await deployActivity(run);
      case 'imageBuilderWorkflow': return await deployImageBuilderWorkflow(run, definitionText!, rel);
      case 'airflowWorkflow': return await deployAirflowWorkflow(run, definitionText!, rel);
    }
  } catch (err) {
    if (err instanceof DeployCancelled) return run.result('cancelled', `Deploy of ${run.label} cancelled before anything was sent.`);
    if (options.signal?.aborted && (err as { name?: string })?.name === 'AbortError') {
      return run.result('cancelled', `Deploy of ${run.label} cancelled: the request in flight was aborted, so the change may or may not have been made. Deploy again to see where it stands.`);
    }
    if (err instanceof DeployFailure || err instanceof AwsActionError) {
      options.logger.warn(`deploy ${target.name}: ${err.message}`);
      return run.result('failed', err.message);
    }
    const message = err instanceof Error ? err.message : String(err);
    options.logger.error(`deploy ${target.name} failed unexpectedly: ${message}${err instanceof Error && err.stack ? `\n${err.stack}` : ''}`);
    return run.result('failed', `Deploying ${run.label} failed unexpectedly: ${message}. The AWS Workflows log has details.`);
  }
}

/** Deploys one after another (the order given), reporting each result as it arrives. Stops early only when cancelled. */
export async function deployAll(targets: DeployTarget[], options: DeployOptions, onResult?: (r: DeployResult) => void): Promise<DeployResult[]> {
  const results: DeployResult[] = [];
  options = { ...options, listings: options.listings ?? new Map() };
  for (const target of targets) {
    if (options.signal?.aborted) {
      results.push({ kind: target.kind, name: target.name, region: target.region, action: 'cancelled', warnings: [], message: `Deploy of ${KIND_LABELS[target.kind]} ${target.name} cancelled before anything was sent.` });
    } else {
      results.push(await deployTarget(target, options));
    }
    onResult?.(results[results.length - 1]);
  }
  return results;
}

/** One line per result, for the CLI and the summary: kind, name, action, ARN, version. */
export function formatResultLine(r: DeployResult): string {
  return [KIND_LABELS[r.kind].padEnd(24), r.name.padEnd(24), r.action.padEnd(9), r.arn ?? '-', r.version ? `v${r.version}` : ''].join(' ').trimEnd();
}
