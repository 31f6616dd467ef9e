// Seeds: resources created at start-up from a YAML file (`demo` is seeds/demo.yaml), or the
// generated `large` seed (10,000 state machines in us-east-1). Seeds go through the same code
// as API calls, so seeded resources obey the same rules.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ACCOUNT_ID, type RequestContext, type Runtime } from './services/context';
import { createWorkflow } from './services/imagebuilder';
import { seedImageBuild, type ImageBuildSeed } from './services/imagebuilderImages';
import { airflowModelFromSeed, type AirflowDagSeed } from './services/airflowRest';
import { seedKmsKey, type KmsKeySeed } from './services/kms';
import type { MwaaEnvironment } from './services/mwaa';
import { createServerlessWorkflow, seedServerlessRuns } from './services/mwaaServerless';
import { createBucket, putObject } from './services/s3';
import { createStateMachine, stepFunctions, type Tag } from './services/stepfunctions';
import { setMocks } from './services/stepfunctionsRuns';
import type { StateStore } from './state';

export interface SeedFile {
  buckets?: { name: string; region?: string; versioning?: boolean; objects?: Record<string, string> }[];
  regions?: Record<string, RegionSeed>;
}

interface RegionSeed {
  /** Customer managed keys with their state and whether the caller may decrypt (default: Enabled, yes). */
  kmsKeys?: KmsKeySeed[];
  stateMachines?: {
    name: string;
    definition: unknown;
    roleArn?: string;
    type?: 'STANDARD' | 'EXPRESS';
    publish?: boolean;
    versionDescription?: string;
    tags?: Record<string, string>;
    encryption?: { type: 'AWS_OWNED_KEY' | 'CUSTOMER_MANAGED_KMS_KEY'; kmsKeyId?: string; kmsDataKeyReusePeriodSeconds?: number };
    /** Task mocks for its executions (test/emulator/asl/mocks.ts). */
    mocks?: unknown;
    /** Aliases over its published versions (version numbers), created as CreateStateMachineAlias would. */
    aliases?: { name: string; description?: string; routing: { version: number; weight: number }[] }[];
  }[];
  activities?: { name: string; tags?: Record<string, string> }[];
  imageBuilderWorkflows?: { name: string; version: string; type: 'BUILD' | 'TEST' | 'DISTRIBUTION'; description?: string; data: string; tags?: Record<string, string> }[];
  /** Image builds that run those workflows (their executions and steps move on a scaled clock). */
  imageBuilderImages?: ImageBuildSeed[];
  mwaaEnvironments?: {
    name: string;
    status?: MwaaEnvironment['status'];
    airflowVersion?: string;
    webserverAccessMode?: MwaaEnvironment['webserverAccessMode'];
    environmentClass?: string;
    tags?: Record<string, string>;
    /** The DAGs its Airflow has (InvokeRestApi), and how many generated ones to add (benches). */
    dags?: AirflowDagSeed[];
    generatedDags?: number;
  }[];
  mwaaServerlessWorkflows?: {
    name: string;
    bucket: string;
    key: string;
    roleArn?: string;
    description?: string;
    tags?: Record<string, string>;
    /** LoggingConfiguration.LogGroupName: where its task logs go (CloudWatch Logs). */
    logGroup?: string;
    /** Tasks that fail in every run started later; extra log lines per task (benches). */
    failTasks?: string[];
    logLines?: number;
    /** Runs that finished before the emulator started (oldest first), optionally failing at a task. */
    runs?: { failTask?: string }[];
  }[];
}

const DEFAULT_ROLE = `arn:aws:iam::${ACCOUNT_ID}:role/EmulatorWorkflowsRole`;

export function resolveSeed(seed: string): SeedFile {
  if (seed === 'large') return largeSeed();
  const file = seed === 'demo' ? path.join(__dirname, 'seeds', 'demo.yaml') : seed;
  return (parseYaml(readFileSync(file, 'utf8')) ?? {}) as SeedFile;
}

function largeSeed(): SeedFile {
  const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
  const stateMachines = Array.from({ length: 10_000 }, (_, i) => ({ name: `machine-${String(i).padStart(5, '0')}`, definition }));
  return { regions: { 'us-east-1': { stateMachines } } };
}

export function applySeed(store: StateStore, runtime: Runtime, seed: SeedFile): void {
  const now = new Date().toISOString();
  const ctxFor = (region: string): RequestContext => ({ region, accountId: ACCOUNT_ID, store, runtime, now });
  for (const b of seed.buckets ?? []) {
    const bucket = createBucket(store, b.name, b.region ?? 'us-east-1', now, b.versioning ? 'Enabled' : undefined);
    for (const [key, text] of Object.entries(b.objects ?? {})) putObject(bucket, key, Buffer.from(text, 'utf8'), now, key.endsWith('.json') ? 'application/json' : 'application/yaml');
  }
  for (const [region, r] of Object.entries(seed.regions ?? {})) {
    const ctx = ctxFor(region);
    for (const m of r.stateMachines ?? []) {
      createStateMachine(
        {
          name: m.name,
          definition: typeof m.definition === 'string' ? m.definition : JSON.stringify(m.definition, null, 2),
          roleArn: m.roleArn ?? DEFAULT_ROLE,
          type: m.type,
          publish: m.publish,
          versionDescription: m.versionDescription,
          tags: toTagList(m.tags),
          encryptionConfiguration: m.encryption,
        },
        ctx,
      );
      for (const a of m.aliases ?? []) {
        const machineArn = `arn:aws:states:${region}:${ACCOUNT_ID}:stateMachine:${m.name}`;
        const routingConfiguration = a.routing.map((r) => ({ stateMachineVersionArn: `${machineArn}:${r.version}`, weight: r.weight }));
        stepFunctions.operations.CreateStateMachineAlias({ name: a.name, description: a.description, routingConfiguration }, ctx);
      }
      if (m.mocks !== undefined) {
        const problem = setMocks(store.region(region).states, m.name, m.mocks);
        if (problem) throw new Error(`seed mocks of ${m.name}: ${problem}`);
      }
    }
    // After the resources that use them: seeding never trips over a disabled key.
    for (const k of r.kmsKeys ?? []) seedKmsKey(ctx, k);
    const states = store.region(region).states;
    for (const a of r.activities ?? []) {
      const arn = `arn:aws:states:${region}:${ACCOUNT_ID}:activity:${a.name}`;
      states.activities[arn] = { arn, name: a.name, creationDate: now, encryptionConfiguration: { type: 'AWS_OWNED_KEY' }, tags: toTagList(a.tags) ?? [] };
    }
    for (const w of r.imageBuilderWorkflows ?? []) {
      createWorkflow({ name: w.name, semanticVersion: w.version, type: w.type, description: w.description, data: w.data, tags: w.tags, clientToken: `seed-${region}-${w.name}-${w.version}` }, ctx);
    }
    for (const image of r.imageBuilderImages ?? []) seedImageBuild(image, ctx, store.region(region).imagebuilder.workflows);
    for (const e of r.mwaaEnvironments ?? []) {
      store.region(region).airflow.environments[e.name] = {
        name: e.name,
        status: e.status ?? 'AVAILABLE',
        airflowVersion: e.airflowVersion ?? '2.10.3',
        webserverAccessMode: e.webserverAccessMode ?? 'PUBLIC_ONLY',
        environmentClass: e.environmentClass ?? 'mw1.small',
        createdAt: now,
        executionRoleArn: `arn:aws:iam::${ACCOUNT_ID}:role/service-role/AmazonMWAA-${e.name}`,
        sourceBucketArn: `arn:aws:s3:::airflow-${e.name.toLowerCase()}`,
        dagS3Path: 'dags',
        tags: e.tags ?? {},
        airflow: airflowModelFromSeed(e.dags, e.generatedDags, Date.parse(now)),
      };
    }
    for (const w of r.mwaaServerlessWorkflows ?? []) {
      const { WorkflowArn } = createServerlessWorkflow(
        { Name: w.name, DefinitionS3Location: { Bucket: w.bucket, ObjectKey: w.key }, RoleArn: w.roleArn ?? DEFAULT_ROLE, Description: w.description, Tags: w.tags, LoggingConfiguration: w.logGroup ? { LogGroupName: w.logGroup } : undefined },
        ctx,
      );
      seedServerlessRuns(ctx, WorkflowArn, w);
    }
  }
}

function toTagList(tags: Record<string, string> | undefined): Tag[] | undefined {
  return tags ? Object.entries(tags).map(([key, value]) => ({ key, value })) : undefined;
}
