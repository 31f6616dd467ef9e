// Amazon MWAA (restJson1): ListEnvironments, GetEnvironment, CreateWebLoginToken, InvokeRestApi.
// Tokens open the emulator's Airflow web server (airflowWeb.ts), which WebServerHostname points at;
// InvokeRestApi reaches each environment's Airflow model (airflowRest.ts).
import { randomBytes } from 'node:crypto';
import { ServiceError, type ConstraintViolation } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import { coralValidationMessage } from '../protocol/validate';
import { handleAirflowRest, wrapAirflowReply, type AirflowModelState } from './airflowRest';
import { deniedMessage, type JsonService, type RequestContext } from './context';

export type EnvironmentStatus =
  | 'CREATING' | 'CREATE_FAILED' | 'AVAILABLE' | 'UPDATING' | 'DELETING' | 'DELETED'
  | 'UNAVAILABLE' | 'UPDATE_FAILED' | 'ROLLING_BACK' | 'CREATING_SNAPSHOT' | 'PENDING' | 'MAINTENANCE';

export interface MwaaEnvironment {
  name: string;
  status: EnvironmentStatus;
  airflowVersion: string;
  webserverAccessMode: 'PRIVATE_ONLY' | 'PUBLIC_ONLY' | 'PUBLIC_AND_PRIVATE';
  environmentClass: string;
  createdAt: string;
  executionRoleArn: string;
  sourceBucketArn: string;
  dagS3Path: string;
  tags: Record<string, string>;
  /** The Airflow behind InvokeRestApi (airflowRest.ts). */
  airflow?: AirflowModelState;
}

export interface MwaaState {
  environments: Record<string, MwaaEnvironment>;
}

/** Statuses in which the web server is not there to log in to. */
const NO_WEB_SERVER: EnvironmentStatus[] = ['CREATING', 'CREATE_FAILED', 'DELETING', 'DELETED', 'UNAVAILABLE', 'PENDING'];
export const WEB_TOKEN_LIFETIME_MS = 60_000;

export function webServerHostname(environment: string, airflowPort: number): string {
  return `${environment.toLowerCase()}.airflow.localhost:${airflowPort}`;
}

function mwaaState(ctx: RequestContext): MwaaState {
  return ctx.store.region(ctx.region).airflow;
}

function findEnvironment(ctx: RequestContext, name: string): MwaaEnvironment {
  const env = mwaaState(ctx).environments[name];
  if (!env) throw new ServiceError('ResourceNotFoundException', `Environment ${name} not found`, 404);
  return env;
}

function environmentByArn(ctx: RequestContext, arn: string): MwaaEnvironment {
  const m = /^arn:aws[a-z-]*:airflow:([a-z0-9-]+):\d{12}:environment\/(.+)$/.exec(arn);
  if (!m || m[1] !== ctx.region) throw new ServiceError('ResourceNotFoundException', `Resource ${arn} not found`, 404);
  return findEnvironment(ctx, m[2]);
}

export const mwaa: JsonService = {
  name: 'airflow',
  modelId: 'mwaa',
  pathStyle: 'coral',
  validationError: (violations: ConstraintViolation[]) => new ServiceError('ValidationException', coralValidationMessage(violations), 400),
  faults: {
    internal: () => new ServiceError('InternalServerException', 'An internal error occurred.', 500),
    throttle: () => new ServiceError('ThrottlingException', 'Rate exceeded', 429),
    accessDenied: (op, region) => new ServiceError('AccessDeniedException', deniedMessage('airflow', op, region), 403),
  },
  operations: {
    ListEnvironments(input: { MaxResults?: number; NextToken?: string }, ctx) {
      const names = Object.keys(mwaaState(ctx).environments).sort();
      const page = paginate(names, { maxResults: input.MaxResults, nextToken: input.NextToken || undefined }, ctx.runtime.pageSize, `airflow:ListEnvironments:${ctx.region}`, () =>
        new ServiceError('ValidationException', 'The pagination token is not valid.', 400),
      );
      return { Environments: page.items, NextToken: page.nextToken };
    },
    GetEnvironment(input: { Name: string }, ctx) {
      const env = findEnvironment(ctx, input.Name);
      const hostname = webServerHostname(env.name, ctx.runtime.airflowPort);
      return {
        Environment: {
          Name: env.name,
          Status: env.status,
          Arn: `arn:aws:airflow:${ctx.region}:${ctx.accountId}:environment/${env.name}`,
          CreatedAt: env.createdAt,
          WebserverUrl: `https://${hostname}`,
          ExecutionRoleArn: env.executionRoleArn,
          ServiceRoleArn: `arn:aws:iam::${ctx.accountId}:role/aws-service-role/airflow.amazonaws.com/AWSServiceRoleForAmazonMWAA`,
          AirflowVersion: env.airflowVersion,
          SourceBucketArn: env.sourceBucketArn,
          DagS3Path: env.dagS3Path,
          EnvironmentClass: env.environmentClass,
          MaxWorkers: 10,
          MinWorkers: 1,
          Schedulers: 2,
          WebserverAccessMode: env.webserverAccessMode,
          NetworkConfiguration: { SubnetIds: ['subnet-0a1b2c3d', 'subnet-4e5f6a7b'], SecurityGroupIds: ['sg-0123abcd'] },
          LastUpdate: { Status: env.status === 'UPDATING' ? 'PENDING' : 'SUCCESS', CreatedAt: env.createdAt },
          Tags: Object.keys(env.tags).length ? env.tags : undefined,
        },
      };
    },
    ListTagsForResource(input: { ResourceArn: string }, ctx) {
      return { Tags: environmentByArn(ctx, input.ResourceArn).tags };
    },
    TagResource(input: { ResourceArn: string; Tags: Record<string, string> }, ctx) {
      const env = environmentByArn(ctx, input.ResourceArn);
      env.tags = { ...env.tags, ...input.Tags };
      return {};
    },
    UntagResource(input: { ResourceArn: string; tagKeys: string[] }, ctx) {
      const env = environmentByArn(ctx, input.ResourceArn);
      for (const key of input.tagKeys) delete env.tags[key];
      return {};
    },
    InvokeRestApi(input: { Name: string; Path: string; Method: string; QueryParameters?: Record<string, unknown>; Body?: unknown }, ctx) {
      const env = findEnvironment(ctx, input.Name);
      if (NO_WEB_SERVER.includes(env.status)) {
        throw new ServiceError('ValidationException', `Environment ${env.name} is ${env.status}; its web server is not available.`, 400);
      }
      if (env.webserverAccessMode === 'PRIVATE_ONLY') {
        throw new ServiceError('ValidationException', `The web server of environment ${env.name} is private (PRIVATE_ONLY) and cannot be reached from outside its VPC.`, 400);
      }
      env.airflow ??= { dags: {}, runs: [] };
      const query = typeof input.QueryParameters === 'object' && input.QueryParameters !== null ? input.QueryParameters : {};
      return wrapAirflowReply(handleAirflowRest(env.airflow, env.airflowVersion, { method: input.Method, path: input.Path, query, body: input.Body }, Date.now()));
    },
    CreateWebLoginToken(input: { Name: string }, ctx) {
      const env = findEnvironment(ctx, input.Name);
      if (NO_WEB_SERVER.includes(env.status)) {
        throw new ServiceError('ValidationException', `Environment ${env.name} is ${env.status}; its web server is not available.`, 400);
      }
      const token = randomBytes(32).toString('base64url');
      const airflowIdentity = 'iam-user/test';
      ctx.runtime.webLoginTokens.set(token, { environment: env.name, region: ctx.region, airflowIdentity, createdAt: Date.now(), used: false });
      return {
        WebToken: token,
        WebServerHostname: webServerHostname(env.name, ctx.runtime.airflowPort),
        IamIdentity: `arn:aws:iam::${ctx.accountId}:user/test`,
        AirflowIdentity: airflowIdentity,
      };
    },
  },
};
