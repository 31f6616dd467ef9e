// What the explorer shows, as plain data: the groups under a region and the items in them.

import type { ItemKind } from './groups';

export { GROUPS, GROUP_OF_ITEM, type GroupInfo, type GroupKind, type ItemKind } from './groups';

export type ChildKind = 'stateMachineVersion' | 'stateMachineAlias' | 'stateMachineExecution' | 'imageBuilderBuildVersion' | 'mwaaServerlessVersion' | 'mwaaServerlessRun';
export type ResourceKind = ItemKind | ChildKind;

/** Enough to find a resource again (reveal, console URL, commands from the palette). */
export interface ResourceRef {
  kind: ResourceKind;
  region: string;
  name: string;
  arn?: string;
  /** For MWAA Serverless versions and runs: the workflow they belong to. */
  workflowName?: string;
  /** MWAA Serverless: the workflow version a version node or run is about. */
  workflowVersion?: string;
}

/** One listed resource: only what the List call returned (no per-item Describe/Get). */
export interface ResourceItem extends ResourceRef {
  /** Unique within the tree: kind, region and ARN (or name). */
  id: string;
  status?: string;
  /** STANDARD/EXPRESS, BUILD/TEST/DISTRIBUTION, ON_DEMAND/SCHEDULED. */
  type?: string;
  version?: string;
  airflowVersion?: string;
  isLatest?: boolean;
  createdAt?: Date;
  startedAt?: Date;
  stoppedAt?: Date;
  /** A state machine alias: the versions it routes to, with their weights (DescribeStateMachineAlias). */
  routing?: { version: string; weight: number }[];
}

export interface Page<T> {
  items: T[];
  nextToken?: string;
}

/** Child lists under an item: versions, build versions, runs. */
export type ChildListKind = 'stateMachineVersions' | 'stateMachineAliases' | 'stateMachineExecutions' | 'imageBuilderBuildVersions' | 'mwaaServerlessVersions' | 'mwaaServerlessRuns';

export const CHILD_LISTS: Record<ChildListKind, { label: string; noun: string; childKind: ChildKind }> = {
  stateMachineVersions: { label: 'Versions', noun: 'published versions', childKind: 'stateMachineVersion' },
  stateMachineAliases: { label: 'Aliases', noun: 'aliases', childKind: 'stateMachineAlias' },
  stateMachineExecutions: { label: 'Executions', noun: 'executions', childKind: 'stateMachineExecution' },
  imageBuilderBuildVersions: { label: 'Build versions', noun: 'build versions', childKind: 'imageBuilderBuildVersion' },
  mwaaServerlessVersions: { label: 'Versions', noun: 'versions', childKind: 'mwaaServerlessVersion' },
  mwaaServerlessRuns: { label: 'Recent runs', noun: 'runs', childKind: 'mwaaServerlessRun' },
};

/** The child lists an item has; state machines and Image Builder workflows list one directly. */
export function childListsOf(kind: ResourceKind): ChildListKind[] {
  switch (kind) {
    case 'stateMachine':
      return ['stateMachineVersions', 'stateMachineAliases', 'stateMachineExecutions'];
    case 'stateMachineVersion':
    case 'stateMachineAlias':
      return ['stateMachineExecutions'];
    case 'imageBuilderWorkflow':
      return ['imageBuilderBuildVersions'];
    case 'mwaaServerlessWorkflow':
      return ['mwaaServerlessVersions', 'mwaaServerlessRuns'];
    default:
      return [];
  }
}

/** The short text after the name in the tree. */
export function itemDescription(item: ResourceItem): string {
  const parts: string[] = [];
  switch (item.kind) {
    case 'stateMachine':
      if (item.type) parts.push(item.type);
      break;
    case 'imageBuilderWorkflow':
      if (item.version) parts.push(item.version);
      if (item.type) parts.push(item.type);
      break;
    case 'imageBuilderBuildVersion':
      if (item.status) parts.push(item.status);
      break;
    case 'mwaaEnvironment':
      if (item.status) parts.push(item.status);
      if (item.airflowVersion) parts.push(`Airflow ${item.airflowVersion}`);
      break;
    case 'mwaaServerlessWorkflow':
      if (item.status) parts.push(item.status);
      if (item.version) parts.push(`version ${shortVersion(item.version)}`);
      break;
    case 'mwaaServerlessVersion':
      if (item.isLatest) parts.push('latest');
      if (item.createdAt) parts.push(formatTime(item.createdAt));
      break;
    case 'mwaaServerlessRun':
    case 'stateMachineExecution':
      if (item.status) parts.push(item.status);
      if (item.startedAt) parts.push(formatTime(item.startedAt));
      if (item.startedAt && item.stoppedAt) parts.push(formatDuration(item.stoppedAt.getTime() - item.startedAt.getTime()));
      break;
    case 'stateMachineAlias':
      if (item.routing) parts.push(routingDescription(item.routing));
      break;
    case 'stateMachineVersion':
    case 'activity':
      break;
  }
  return parts.join(' · ');
}

export type StatusTone = 'ok' | 'progress' | 'failed' | 'warning' | 'neutral';

/** How a status looks: the tone picks the icon and its colour. */
export function statusTone(status: string | undefined): StatusTone {
  if (!status) return 'neutral';
  const s = status.toUpperCase();
  if (/FAIL|TIMEOUT|TIMED_OUT|ABORTED|UNAVAILABLE|ERROR/.test(s)) return 'failed';
  if (/^(SUCCESS|SUCCEEDED|AVAILABLE|ACTIVE|READY)$/.test(s)) return 'ok';
  if (/ING$|^QUEUED$|^PENDING$|^PENDING_REDRIVE$|^MAINTENANCE$/.test(s)) return 'progress';
  if (/DEPRECATED|STOPPED|DELETED/.test(s)) return 'warning';
  return 'neutral';
}

/** `2026-11-22 01:05 UTC`: one fixed form, so it reads the same for everyone. */
export function formatTime(d: Date): string {
  const iso = d.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

/** `850 ms`, `12.3 s`, `4 min 05 s`, `2 h 03 min`: how long an execution ran. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const whole = Math.round(seconds);
  if (whole < 3600) return `${Math.floor(whole / 60)} min ${String(whole % 60).padStart(2, '0')} s`;
  return `${Math.floor(whole / 3600)} h ${String(Math.floor((whole % 3600) / 60)).padStart(2, '0')} min`;
}

/** `version 3 · 90% / version 4 · 10%`: where an alias sends executions. */
export function routingDescription(routing: { version: string; weight: number }[]): string {
  if (routing.length === 1) return `→ version ${routing[0].version}`;
  return `→ ${routing.map((r) => `version ${r.version} ${r.weight}%`).join(', ')}`;
}

/** MWAA Serverless versions are long opaque ids: the first 8 characters tell them apart. */
export function shortVersion(version: string): string {
  return version.length > 10 ? `${version.slice(0, 8)}…` : version;
}

/** The version number a state machine version ARN ends with (`…:OrderProcessing:3` → `3`). */
export function versionFromArn(arn: string): string {
  return arn.slice(arn.lastIndexOf(':') + 1);
}

export function itemId(kind: ResourceKind, region: string, key: string): string {
  return `${kind}|${region}|${key}`;
}
