// The MWAA calls behind "Open Airflow UI", and the sentences their failures become.
// No vscode import: unit tests drive this against the emulator through our MWAA client.

import type { AwsSession } from '../aws/session';
import { AwsActionError, classifyAwsError, describeAwsError, type AwsCallContext } from '../aws/errors';
import type { EnvironmentSummary } from '../core/airflow/decisions';
import { redact } from '../core/log';

export type MwaaAccess = Pick<AwsSession, 'mwaa'>;

/** What CreateWebLoginToken returned. `webToken` is a secret for 60 seconds: never log, show or keep it. */
export interface WebLogin {
  webToken: string;
  webServerHostname: string;
  airflowIdentity?: string;
  /** The IAM principal MWAA mapped to the Airflow user (an ARN). */
  iamIdentity?: string;
}

/** ListEnvironments' page size limit (the model's MaxResults range is 1–25). */
const LIST_PAGE_SIZE = 25;
/** GetEnvironment calls in flight at once when describing a list. */
export const DESCRIBE_CONCURRENCY = 4;

function failure(err: unknown, ctx: AwsCallContext, message: string): AwsActionError {
  return new AwsActionError(message, { cause: err, kind: classifyAwsError(err), context: ctx });
}

function notInRegion(name: string, region: string): string {
  return `MWAA environment ${name} is not in ${region}. Check the name, or the region: AWS Workflows: Choose AWS Region, or the regions the explorer shows (setting awsWorkflows.regions).`;
}

/** The sentence for a failed CreateWebLoginToken: what is missing and what to do. */
export function describeWebLoginError(err: unknown, name: string, region: string): AwsActionError {
  const ctx: AwsCallContext = { service: 'airflow', operation: 'CreateWebLoginToken', resource: name, region };
  switch (classifyAwsError(err)) {
    case 'access-denied':
      return failure(err, ctx, `Could not open the Airflow UI of ${name} in ${region}: access denied. Your identity needs the IAM permission airflow:CreateWebLoginToken on ${name} (the AWS managed policy AmazonMWAAWebServerAccess grants it); ask your administrator to allow it, or choose a profile that has it.`);
    case 'not-found':
      return failure(err, ctx, notInRegion(name, region));
    // MWAA refuses tokens while the web server is down (the user chose Try Anyway): say so, not "fix the input".
    case 'validation':
    case 'conflict': {
      const said = redact(String((err as { message?: unknown })?.message ?? '').replace(/\s+/g, ' ').trim()).replace(/[.\s]+$/, '');
      return failure(err, ctx, `Amazon MWAA would not open the Airflow UI of ${name} in ${region}${said ? `: ${said}` : ''}. Wait until the environment is AVAILABLE and try again.`);
    }
    default:
      return failure(err, ctx, describeAwsError(err, ctx));
  }
}

/** The sentence for a failed GetEnvironment; undefined when opening should go on without it (no permission to read it). */
export function describeGetEnvironmentError(err: unknown, name: string, region: string): AwsActionError | undefined {
  const ctx: AwsCallContext = { service: 'airflow', operation: 'GetEnvironment', resource: name, region };
  switch (classifyAwsError(err)) {
    // AmazonMWAAWebServerAccess grants CreateWebLoginToken alone: its holders may still open the UI.
    case 'access-denied':
      return undefined;
    case 'not-found':
      return failure(err, ctx, notInRegion(name, region));
    default:
      return failure(err, ctx, describeAwsError(err, ctx));
  }
}

/** Status, Airflow version and access mode; throws AwsActionError, or returns just the name when reading it is denied. */
export async function getEnvironment(aws: MwaaAccess, name: string, region: string): Promise<EnvironmentSummary & { readable: boolean }> {
  const { client } = await aws.mwaa(region);
  try {
    const out = await client.getEnvironment({ Name: name });
    const e = out.Environment ?? {};
    return { name, region, status: e.Status, airflowVersion: e.AirflowVersion, webserverAccessMode: e.WebserverAccessMode, readable: true };
  } catch (err) {
    const error = describeGetEnvironmentError(err, name, region);
    if (error) throw error;
    return { name, region, readable: false };
  }
}

/** Every environment name in a region (all pages). */
export async function listEnvironmentNames(aws: MwaaAccess, region: string, pageSize = LIST_PAGE_SIZE): Promise<string[]> {
  const { client } = await aws.mwaa(region);
  const ctx: AwsCallContext = { service: 'airflow', operation: 'ListEnvironments', region };
  const names: string[] = [];
  let token: string | undefined;
  do {
    try {
      const out = await client.listEnvironments({ MaxResults: pageSize, NextToken: token });
      names.push(...(out.Environments ?? []));
      token = out.NextToken || undefined;
    } catch (err) {
      throw failure(err, ctx, describeAwsError(err, ctx));
    }
  } while (token);
  return names;
}

/** A fresh token on every call: it lives 60 seconds and opens the UI once, so nothing is cached. */
export async function createWebLogin(aws: MwaaAccess, name: string, region: string): Promise<WebLogin> {
  const { client } = await aws.mwaa(region);
  let out;
  try {
    out = await client.createWebLoginToken({ Name: name });
  } catch (err) {
    throw describeWebLoginError(err, name, region);
  }
  if (!out.WebToken || !out.WebServerHostname) {
    throw new Error(`Amazon MWAA returned no ${out.WebToken ? 'web server hostname' : 'login token'} for ${name} in ${region}. Try again; if it persists, see the log (AWS Workflows: Show Log).`);
  }
  return { webToken: out.WebToken, webServerHostname: out.WebServerHostname, airflowIdentity: out.AirflowIdentity, iamIdentity: out.IamIdentity };
}
