// Airflow's REST API on an MWAA environment, called with IAM credentials through InvokeRestApi,
// and every failure as one sentence. No vscode import: unit and bench code drive it directly.

import { AwsActionError, classifyAwsError, describeAwsError, type AwsCallContext } from '../aws/errors';
import type { AwsSession } from '../aws/session';
import type { EnvironmentSummary } from '../core/airflow/decisions';
import {
  airflowCall,
  airflowErrorDetail,
  airflowMajor,
  readDags,
  readLog,
  readRuns,
  readTaskInstances,
  type AirflowDag,
  type AirflowDagRun,
  type AirflowLogChunk,
  type AirflowMajor,
  type AirflowRequest,
  type AirflowTaskInstance,
} from '../core/airflow/restApi';
import { redact } from '../core/log';
import { getEnvironment } from './mwaa';

export type AirflowAws = Pick<AwsSession, 'mwaa'>;

/** Statuses in which an environment has no web server to answer (MWAA's own list for web login). */
const NO_WEB_SERVER = new Set(['CREATING', 'CREATE_FAILED', 'DELETING', 'DELETED', 'UNAVAILABLE', 'PENDING']);

/** What a request was for, in words: "list the DAGs", "trigger nightly_etl". */
const purpose = (r: AirflowRequest): string => {
  switch (r.kind) {
    case 'listDags':
      return 'list the DAGs';
    case 'setPaused':
      return `${r.paused ? 'pause' : 'unpause'} ${r.dagId}`;
    case 'listRuns':
      return `list the runs of ${r.dagId}`;
    case 'latestRuns':
      return 'read the last runs of the DAGs';
    case 'triggerRun':
      return `trigger ${r.dagId}`;
    case 'listTaskInstances':
      return `list the task instances of ${r.dagId} run ${r.runId}`;
    case 'taskLog':
      return `read the log of ${r.dagId}.${r.taskId} (try ${r.tryNumber})`;
  }
};

/** One environment's Airflow, reached through InvokeRestApi. Reads GetEnvironment once, for the Airflow version and state. */
export class AirflowRestApi {
  private environment: Promise<EnvironmentSummary & { readable: boolean }> | undefined;

  constructor(
    private readonly aws: AirflowAws,
    readonly name: string,
    readonly region: string,
  ) {}

  /** Forget the environment's state (refresh). */
  reset(): void {
    this.environment = undefined;
  }

  describeEnvironment(): Promise<EnvironmentSummary & { readable: boolean }> {
    this.environment ??= getEnvironment(this.aws, this.name, this.region);
    this.environment.catch(() => (this.environment = undefined));
    return this.environment;
  }

  async listDags(offset: number, limit: number, signal?: AbortSignal): Promise<{ dags: AirflowDag[]; total: number }> {
    return readDags(await this.invoke({ kind: 'listDags', offset, limit }, signal));
  }

  /** The state of each DAG's most recent run, for those among the latest `limit` runs of these DAGs. */
  async latestRunStates(dagIds: string[], signal?: AbortSignal): Promise<Map<string, AirflowDagRun>> {
    const latest = new Map<string, AirflowDagRun>();
    if (dagIds.length === 0) return latest;
    const { runs } = readRuns(await this.invoke({ kind: 'latestRuns', dagIds, limit: Math.min(100, dagIds.length * 4) }, signal));
    for (const run of runs) if (!latest.has(run.dagId)) latest.set(run.dagId, run);
    return latest;
  }

  async listRuns(dagId: string, offset: number, limit: number, signal?: AbortSignal): Promise<{ runs: AirflowDagRun[]; total: number }> {
    return readRuns(await this.invoke({ kind: 'listRuns', dagId, offset, limit }, signal));
  }

  async listTaskInstances(dagId: string, runId: string, signal?: AbortSignal): Promise<AirflowTaskInstance[]> {
    return readTaskInstances(await this.invoke({ kind: 'listTaskInstances', dagId, runId, limit: 100 }, signal));
  }

  async readLog(dagId: string, runId: string, taskId: string, tryNumber: number, token?: string, signal?: AbortSignal): Promise<AirflowLogChunk> {
    return readLog(await this.invoke({ kind: 'taskLog', dagId, runId, taskId, tryNumber, token }, signal));
  }

  async trigger(dagId: string, runId: string, conf: Record<string, unknown>, signal?: AbortSignal): Promise<AirflowDagRun> {
    const { runs } = readRuns({ dag_runs: [await this.invoke({ kind: 'triggerRun', dagId, runId, conf }, signal)] });
    return runs[0];
  }

  async setPaused(dagId: string, paused: boolean, signal?: AbortSignal): Promise<boolean> {
    const { dags } = readDags({ dags: [await this.invoke({ kind: 'setPaused', dagId, paused }, signal)] });
    return dags[0]?.paused ?? paused;
  }

  /** Sends one Airflow request; returns Airflow's JSON, or throws AwsActionError with the sentence. */
  private async invoke(request: AirflowRequest, signal?: AbortSignal): Promise<unknown> {
    const env = await this.describeEnvironment();
    const where = `MWAA environment ${this.name} in ${this.region}`;
    const ctx: AwsCallContext = { service: 'airflow', operation: 'InvokeRestApi', resource: this.name, region: this.region };
    const fail = (message: string, err: unknown = new Error(message)) => new AwsActionError(message, { cause: err, kind: classifyAwsError(err), context: ctx });
    if (env.status && NO_WEB_SERVER.has(env.status)) {
      throw fail(`Could not ${purpose(request)}: ${where} is ${env.status}, not AVAILABLE, so its Airflow web server is not running. Wait until it is AVAILABLE, then refresh.`);
    }
    const major: AirflowMajor | undefined = env.readable ? airflowMajor(env.airflowVersion) : 2;
    if (!major) throw fail(`Could not ${purpose(request)}: ${where} runs Airflow ${env.airflowVersion ?? '(unknown version)'}, and only Airflow 2 and 3 have the REST API this extension calls.`);
    const { client } = await this.aws.mwaa(this.region);
    const maxPath = client.pathMax;
    const call = airflowCall(major, request, maxPath);
    if (call.path.length > maxPath) {
      throw fail(
        `Could not ${purpose(request)}: its Airflow REST path is ${call.path.length} characters and InvokeRestApi accepts at most ${maxPath}. Open it in the Airflow UI (AWS Workflows: Open Airflow UI)${request.kind === 'taskLog' ? `, or read the task log in CloudWatch Logs (log group airflow-${this.name}-Task)` : ''}.`,
      );
    }
    try {
      const out = await client.invokeRestApi({ Name: this.name, Path: call.path, Method: call.method, QueryParameters: call.query, Body: call.body }, { abortSignal: signal });
      return out.RestApiResponse ?? {};
    } catch (err) {
      throw describeRestApiError(err, request, { ...env, name: this.name, region: this.region }, major);
    }
  }
}

/** The sentence for a failed InvokeRestApi: Airflow's status and detail, the IAM action, or the environment's state. */
export function describeRestApiError(err: unknown, request: AirflowRequest, env: EnvironmentSummary, major: AirflowMajor): AwsActionError {
  const ctx: AwsCallContext = { service: 'airflow', operation: 'InvokeRestApi', resource: env.name, region: env.region };
  const what = `Could not ${purpose(request)} on MWAA environment ${env.name} in ${env.region}`;
  const e = err as { name?: string; RestApiStatusCode?: number; RestApiResponse?: unknown; message?: string };
  const kind = classifyAwsError(err);
  const make = (message: string) => new AwsActionError(message, { cause: err, kind, context: ctx });
  if (e?.name === 'RestApiClientException' || e?.name === 'RestApiServerException') {
    const status = e.RestApiStatusCode;
    const detail = airflowErrorDetail(e.RestApiResponse);
    const said = `Airflow ${major} answered ${status ?? 'an error'}${detail ? `: ${clean(detail)}` : ''}`;
    if (status === 401 || status === 403) return make(`${what}: ${said}. The Airflow role your IAM identity maps to lacks this permission; ask your administrator for an Airflow role that has it (for MWAA, the airflow:InvokeRestApi policy's Airflow role, e.g. User or Op).`);
    if (status === 404) return make(`${what}: ${said}. It may have been removed or not parsed yet; refresh the environment.`);
    if (status === 409) return make(`${what}: ${said}. Refresh and try again.`);
    if (status !== undefined && status >= 500) return make(`${what}: ${said}. Try again; if it persists, check the environment's web server logs.`);
    return make(`${what}: ${said}. Fix the input and try again.`);
  }
  if (kind === 'access-denied') {
    return make(`${what}: access denied. Your identity needs the IAM permission airflow:InvokeRestApi on ${env.name}; ask your administrator to allow it, or choose a profile that has it.`);
  }
  if (env.webserverAccessMode === 'PRIVATE_ONLY' && (kind === 'validation' || kind === 'network')) {
    const said = clean(String(e?.message ?? ''));
    return make(`${what}: its Airflow web server is private (PRIVATE_ONLY), so InvokeRestApi reaches it only from inside the environment's VPC${said ? ` (Amazon MWAA said: ${said})` : ''}. Use the console from the VPC, or switch the web server to public access.`);
  }
  if (env.status && env.status !== 'AVAILABLE' && (kind === 'validation' || kind === 'conflict' || kind === 'server')) {
    return make(`${what}: the environment is ${env.status}, not AVAILABLE. Wait until it is AVAILABLE, then refresh.`);
  }
  return make(describeAwsError(err, ctx));
}

function clean(text: string): string {
  const one = redact(text.replace(/\s+/g, ' ').trim()).replace(/[.\s]+$/, '');
  return one.length > 300 ? `${one.slice(0, 297)}…` : one;
}
