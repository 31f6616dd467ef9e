// AWS Step Functions (awsJson1_0, X-Amz-Target AWSStepFunctions.<Op>): state machines with
// versions, activities, executions that succeed at once, tags, definition validation.
import { randomUUID } from 'node:crypto';
import { ServiceError, type ConstraintViolation } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import { coralValidationMessage } from '../protocol/validate';
import { diagnoseDefinition } from './aslDiagnostics';
import { deniedMessage, type JsonService, type RequestContext } from './context';
import { executionOutcome } from './executionOutcome';
import { useKey } from './kms';
import { executionOperations, type Execution, type RunsDeps, type RunsState } from './stepfunctionsRuns';

export interface Tag {
  key: string;
  value?: string;
}

interface EncryptionConfiguration {
  type: 'AWS_OWNED_KEY' | 'CUSTOMER_MANAGED_KMS_KEY';
  kmsKeyId?: string;
  kmsDataKeyReusePeriodSeconds?: number;
}

interface LoggingConfiguration {
  level?: 'ALL' | 'ERROR' | 'FATAL' | 'OFF';
  includeExecutionData?: boolean;
  destinations?: { cloudWatchLogsLogGroup?: { logGroupArn?: string } }[];
}

/** What a published version froze. */
export interface StateMachineVersion {
  version: number;
  definition: string;
  roleArn: string;
  description?: string;
  revisionId: string;
  creationDate: string;
}

/** An alias routes executions to one or two versions by weight (CreateStateMachineAlias). */
export interface StateMachineAlias {
  name: string;
  description?: string;
  routing: { version: number; weight: number }[];
  creationDate: string;
  updateDate: string;
}

export interface StateMachine {
  arn: string;
  name: string;
  type: 'STANDARD' | 'EXPRESS';
  definition: string;
  roleArn: string;
  creationDate: string;
  updateDate?: string;
  revisionId: string;
  loggingConfiguration: LoggingConfiguration;
  tracingConfiguration: { enabled: boolean };
  encryptionConfiguration: EncryptionConfiguration;
  tags: Tag[];
  versions: StateMachineVersion[];
  aliases?: StateMachineAlias[];
  /** The create request's idempotency-relevant fields, to tell a retry from a conflict. */
  createFingerprint: string;
  createVersionArn?: string;
}

export interface Activity {
  arn: string;
  name: string;
  creationDate: string;
  encryptionConfiguration: EncryptionConfiguration;
  tags: Tag[];
}

export type { Execution } from './stepfunctionsRuns';

export interface StepFunctionsState extends RunsState {
  stateMachines: Record<string, StateMachine>;
  activities: Record<string, Activity>;
}

const err = (code: string, message: string) => new ServiceError(code, message, 400);

/** Names: 1-80 characters without whitespace, brackets, wildcards, punctuation or control characters. */
// eslint-disable-next-line no-control-regex
const INVALID_NAME_CHAR = /[\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]/u;
const LOGGING_NAME = /^[0-9A-Za-z_-]+$/;
const ROLE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/;
const LOG_GROUP_ARN = /^arn:aws[a-z-]*:logs:[a-z0-9-]+:\d{12}:log-group:[^:]+:\*$/;
const KMS_KEY_ID = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}|alias\/[\w/+=,.@-]+)$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:([a-z0-9-]+):\d{12}:(?:key\/(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})|alias\/[\w/+=,.@-]+)$/;

function checkName(name: string, logging?: LoggingConfiguration): void {
  if (INVALID_NAME_CHAR.test(name)) throw err('InvalidName', `Invalid Name: '${name}'`);
  if (logging?.level && logging.level !== 'OFF' && !LOGGING_NAME.test(name)) {
    throw err('InvalidName', `Invalid Name: '${name}' (with logging enabled, names may only contain 0-9, A-Z, a-z, - and _)`);
  }
}

function checkRoleArn(roleArn: string): void {
  if (!ROLE_ARN.test(roleArn)) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${roleArn}'`);
}

function checkDefinition(definition: string): void {
  const problems = diagnoseDefinition(definition).filter((d) => d.severity === 'ERROR');
  if (problems.length) {
    const text = problems.map((p) => `${p.code}: ${p.message} at ${p.location ?? '/'}`).join(', ');
    throw err('InvalidDefinition', `Invalid State Machine Definition: '${text}'`);
  }
}

function checkLogging(logging: LoggingConfiguration | undefined): void {
  if (!logging) return;
  const destinations = logging.destinations ?? [];
  if (logging.level && logging.level !== 'OFF' && destinations.length !== 1) {
    throw err('InvalidLoggingConfiguration', 'Invalid Logging Configuration: Must specify exactly one Log Destination.');
  }
  for (const d of destinations) {
    const arn = d.cloudWatchLogsLogGroup?.logGroupArn ?? '';
    if (!LOG_GROUP_ARN.test(arn)) throw err('InvalidLoggingConfiguration', `Invalid Logging Configuration: The CloudWatch Logs Resource is not valid. Log group ARNs must end with ':*': ${arn}`);
  }
}

/** The service's encryption rules (api-facts.md): customer keys need a symmetric key identifier in the resource's region. */
function checkEncryption(enc: EncryptionConfiguration | undefined, region: string): void {
  if (!enc) return;
  const bad = (why: string) => err('InvalidEncryptionConfiguration', `Invalid Encryption Configuration: ${why}`);
  if (enc.type === 'AWS_OWNED_KEY') {
    if (enc.kmsKeyId !== undefined || enc.kmsDataKeyReusePeriodSeconds !== undefined) throw bad('kmsKeyId and kmsDataKeyReusePeriodSeconds are only allowed with CUSTOMER_MANAGED_KMS_KEY.');
    return;
  }
  if (!enc.kmsKeyId) throw bad('kmsKeyId is required with CUSTOMER_MANAGED_KMS_KEY.');
  const period = enc.kmsDataKeyReusePeriodSeconds;
  if (period !== undefined && (period < 60 || period > 900)) throw bad('kmsDataKeyReusePeriodSeconds must be between 60 and 900.');
  const arn = KMS_KEY_ARN.exec(enc.kmsKeyId);
  if (!arn && !KMS_KEY_ID.test(enc.kmsKeyId)) throw bad(`'${enc.kmsKeyId}' is not a KMS key ID, key ARN, alias name or alias ARN.`);
  if (arn && arn[1] !== region) throw bad(`The KMS key '${enc.kmsKeyId}' is in ${arn[1]}, not ${region}.`);
}

function normaliseEncryption(enc: EncryptionConfiguration | undefined): EncryptionConfiguration {
  if (!enc || enc.type === 'AWS_OWNED_KEY') return { type: 'AWS_OWNED_KEY' };
  return { type: enc.type, kmsKeyId: enc.kmsKeyId, kmsDataKeyReusePeriodSeconds: enc.kmsDataKeyReusePeriodSeconds ?? 300 };
}

function checkTags(tags: Tag[] | undefined): void {
  if (tags && tags.length > 50) throw err('TooManyTags', 'Too many tags: a resource can have at most 50 tags.');
}

function mergeTags(existing: Tag[], added: Tag[]): Tag[] {
  const byKey = new Map(existing.map((t) => [t.key, t]));
  for (const t of added) byKey.set(t.key, t);
  return [...byKey.values()];
}

/** The customer managed key protecting a resource's data, if it has one. */
function customerKey(enc: EncryptionConfiguration | undefined): string | undefined {
  return enc?.type === 'CUSTOMER_MANAGED_KMS_KEY' ? enc.kmsKeyId : undefined;
}

/** A request that reads protected data asks for ALL_DATA unless it says METADATA_ONLY. */
function needsDecrypt(includedData: string | undefined): boolean {
  return includedData !== 'METADATA_ONLY';
}

function arnPrefix(ctx: RequestContext): string {
  return `arn:aws:states:${ctx.region}:${ctx.accountId}`;
}

function sfnState(ctx: RequestContext): StepFunctionsState {
  return ctx.store.region(ctx.region).states;
}

/** Resolves a state machine ARN or version ARN (`...:stateMachine:name:N`). */
/**
 * A state machine ARN, unqualified or with a version; with `aliases`, also an alias ARN (the calls
 * that start or list executions take one), whose version is chosen by the routing weights.
 */
function resolveStateMachine(ctx: RequestContext, arn: string, options: { aliases?: boolean } = {}): { machine: StateMachine; version?: StateMachineVersion; alias?: StateMachineAlias } {
  const m = /^arn:aws[a-z-]*:states:([a-z0-9-]+):(\d{12}):stateMachine:([^:]+)(?::([A-Za-z0-9_.-]+))?$/.exec(arn);
  if (!m || (m[4] !== undefined && !/^\d+$/.test(m[4]) && !options.aliases)) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn.split(':')[5] ?? arn}'`);
  const machine = m[1] === ctx.region ? sfnState(ctx).stateMachines[`${arnPrefix(ctx)}:stateMachine:${m[3]}`] : undefined;
  if (!machine) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  if (m[4] === undefined) return { machine };
  if (!/^\d+$/.test(m[4])) {
    const alias = machine.aliases?.find((a) => a.name === m[4]);
    if (!alias) throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    return { machine, version: routedVersion(machine, alias), alias };
  }
  const version = machine.versions.find((v) => v.version === Number(m[4]));
  if (!version) throw err('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return { machine, version };
}

/** The version an alias sends this execution to: weighted at random, as the service does. */
function routedVersion(machine: StateMachine, alias: StateMachineAlias): StateMachineVersion | undefined {
  let pick = Math.random() * 100;
  const route = alias.routing.find((r) => (pick -= r.weight) < 0) ?? alias.routing[0];
  return machine.versions.find((v) => v.version === route?.version);
}

function findAlias(ctx: RequestContext, aliasArn: string): { machine: StateMachine; alias: StateMachineAlias } {
  const m = /^(arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+):([A-Za-z0-9_.-]+)$/.exec(aliasArn);
  if (!m || /^\d+$/.test(m[2])) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${aliasArn}'`);
  const machine = sfnState(ctx).stateMachines[m[1]];
  const alias = machine?.aliases?.find((a) => a.name === m[2]);
  if (!machine || !alias) throw err('ResourceNotFound', `Resource not found: '${aliasArn}'`);
  return { machine, alias };
}

/** Routing as CreateStateMachineAlias/UpdateStateMachineAlias take it: versions of this machine, weights summing to 100. */
function checkRouting(ctx: RequestContext, machineArn: string | undefined, routing: { stateMachineVersionArn: string; weight: number }[]): { machine: StateMachine; routing: StateMachineAlias['routing'] } {
  let machine: StateMachine | undefined;
  const out: StateMachineAlias['routing'] = [];
  for (const r of routing) {
    const resolved = resolveStateMachine(ctx, r.stateMachineVersionArn);
    if (!resolved.version) throw err('ValidationException', `Invalid routing configuration: '${r.stateMachineVersionArn}' is not a state machine version ARN`);
    if (machine && machine !== resolved.machine) throw err('ValidationException', 'Invalid routing configuration: the versions must belong to the same state machine');
    if (machineArn && resolved.machine.arn !== machineArn) throw err('ValidationException', 'Invalid routing configuration: the versions must belong to the alias\'s state machine');
    if (out.some((o) => o.version === resolved.version!.version)) throw err('ValidationException', 'Invalid routing configuration: a version appears twice');
    machine = resolved.machine;
    out.push({ version: resolved.version.version, weight: r.weight });
  }
  if (!machine) throw err('ValidationException', 'Invalid routing configuration: it names no version');
  if (out.reduce((sum, r) => sum + r.weight, 0) !== 100) throw err('ValidationException', 'Invalid routing configuration: the weights must add up to 100');
  return { machine, routing: out };
}

function publishVersion(machine: StateMachine, description: string | undefined, now: string): string {
  const version = (machine.versions.at(-1)?.version ?? 0) + 1;
  machine.versions.push({ version, definition: machine.definition, roleArn: machine.roleArn, description, revisionId: machine.revisionId, creationDate: now });
  return `${machine.arn}:${version}`;
}

interface CreateStateMachineInput {
  name: string;
  definition: string;
  roleArn: string;
  type?: 'STANDARD' | 'EXPRESS';
  loggingConfiguration?: LoggingConfiguration;
  tracingConfiguration?: { enabled?: boolean };
  tags?: Tag[];
  publish?: boolean;
  versionDescription?: string;
  encryptionConfiguration?: EncryptionConfiguration;
}

export function createStateMachine(input: CreateStateMachineInput, ctx: RequestContext) {
  checkName(input.name, input.loggingConfiguration);
  checkRoleArn(input.roleArn);
  if (input.versionDescription !== undefined && !input.publish) {
    throw err('ValidationException', 'Version description can only be set when publish is true');
  }
  checkDefinition(input.definition);
  checkLogging(input.loggingConfiguration);
  checkEncryption(input.encryptionConfiguration, ctx.region);
  checkTags(input.tags);
  const createKey = customerKey(input.encryptionConfiguration);
  if (createKey) useKey(ctx, 'CreateStateMachine', createKey, 'encrypt');
  const type = input.type ?? 'STANDARD';
  const logging = input.loggingConfiguration ?? { level: 'OFF', includeExecutionData: false };
  const tracing = { enabled: input.tracingConfiguration?.enabled ?? false };
  const encryption = normaliseEncryption(input.encryptionConfiguration);
  // The service's idempotency check: name, definition, type, logging, tracing, encryption,
  // publish and versionDescription; roleArn and tags differences are ignored.
  const fingerprint = JSON.stringify([input.definition, type, logging, tracing, encryption, !!input.publish, input.versionDescription ?? null]);
  const arn = `${arnPrefix(ctx)}:stateMachine:${input.name}`;
  const machines = sfnState(ctx).stateMachines;
  const existing = machines[arn];
  if (existing) {
    if (existing.createFingerprint !== fingerprint) throw err('StateMachineAlreadyExists', `State Machine Already Exists: '${arn}'`);
    return { stateMachineArn: arn, creationDate: existing.creationDate, stateMachineVersionArn: existing.createVersionArn };
  }
  const machine: StateMachine = {
    arn,
    name: input.name,
    type,
    definition: input.definition,
    roleArn: input.roleArn,
    creationDate: ctx.now,
    revisionId: randomUUID(),
    loggingConfiguration: logging,
    tracingConfiguration: tracing,
    encryptionConfiguration: encryption,
    tags: input.tags ?? [],
    versions: [],
    createFingerprint: fingerprint,
  };
  if (input.publish) machine.createVersionArn = publishVersion(machine, input.versionDescription, ctx.now);
  machines[arn] = machine;
  return { stateMachineArn: arn, creationDate: machine.creationDate, stateMachineVersionArn: machine.createVersionArn };
}

function updateStateMachine(
  input: { stateMachineArn: string; definition?: string; roleArn?: string; loggingConfiguration?: LoggingConfiguration; tracingConfiguration?: { enabled?: boolean }; publish?: boolean; versionDescription?: string; encryptionConfiguration?: EncryptionConfiguration },
  ctx: RequestContext,
) {
  const { machine, version } = resolveStateMachine(ctx, input.stateMachineArn);
  if (version) throw err('ValidationException', 'Updating a state machine version is not supported; use the state machine ARN.');
  if (input.definition === undefined && input.roleArn === undefined && !input.loggingConfiguration && !input.tracingConfiguration && !input.encryptionConfiguration) {
    throw err('MissingRequiredParameter', 'Either the definition, the role ARN, the LoggingConfiguration, the EncryptionConfiguration or the TracingConfiguration must be specified');
  }
  if (input.versionDescription !== undefined && !input.publish) throw err('ValidationException', 'Version description can only be set when publish is true');
  if (input.definition !== undefined) checkDefinition(input.definition);
  if (input.roleArn !== undefined) checkRoleArn(input.roleArn);
  checkLogging(input.loggingConfiguration);
  if (input.loggingConfiguration) checkName(machine.name, input.loggingConfiguration);
  checkEncryption(input.encryptionConfiguration, ctx.region);
  const updateKey = customerKey(input.encryptionConfiguration ?? machine.encryptionConfiguration);
  if (updateKey) useKey(ctx, 'UpdateStateMachine', updateKey, 'encrypt');
  if (input.definition !== undefined) machine.definition = input.definition;
  if (input.roleArn !== undefined) machine.roleArn = input.roleArn;
  if (input.loggingConfiguration) machine.loggingConfiguration = input.loggingConfiguration;
  if (input.tracingConfiguration) machine.tracingConfiguration = { enabled: input.tracingConfiguration.enabled ?? false };
  if (input.encryptionConfiguration) machine.encryptionConfiguration = normaliseEncryption(input.encryptionConfiguration);
  machine.updateDate = ctx.now;
  machine.revisionId = randomUUID();
  const stateMachineVersionArn = input.publish ? publishVersion(machine, input.versionDescription, ctx.now) : undefined;
  return { updateDate: machine.updateDate, revisionId: machine.revisionId, stateMachineVersionArn };
}

function describeStateMachine(input: { stateMachineArn: string; includedData?: 'ALL_DATA' | 'METADATA_ONLY' }, ctx: RequestContext) {
  const { machine, version } = resolveStateMachine(ctx, input.stateMachineArn);
  const key = customerKey(machine.encryptionConfiguration);
  if (key && needsDecrypt(input.includedData)) useKey(ctx, 'DescribeStateMachine', key, 'decrypt');
  const definition = version?.definition ?? machine.definition;
  return {
    stateMachineArn: version ? `${machine.arn}:${version.version}` : machine.arn,
    name: machine.name,
    status: 'ACTIVE',
    // The model: "If called with includedData = METADATA_ONLY, the returned definition will be {}."
    definition: needsDecrypt(input.includedData) ? definition : '{}',
    roleArn: version?.roleArn ?? machine.roleArn,
    type: machine.type,
    creationDate: version?.creationDate ?? machine.creationDate,
    loggingConfiguration: machine.loggingConfiguration,
    tracingConfiguration: machine.tracingConfiguration,
    revisionId: version?.revisionId ?? machine.revisionId,
    description: version?.description,
    encryptionConfiguration: machine.encryptionConfiguration,
  };
}

/** What the executions (stepfunctionsRuns.ts) need from the state machines, activities and keys here. */
const runsDeps: RunsDeps = {
  runs: sfnState,
  start(ctx, input) {
    const { machine, version, alias, name, payload } = startChecks('StartExecution', input, ctx);
    return {
      arn: machine.arn,
      name: machine.name,
      type: machine.type,
      versionArn: version ? `${machine.arn}:${version.version}` : undefined,
      aliasArn: alias ? `${machine.arn}:${alias.name}` : undefined,
      executionName: name,
      input: payload,
      ran: { definition: version?.definition ?? machine.definition, roleArn: version?.roleArn ?? machine.roleArn, revisionId: version?.revisionId ?? machine.revisionId, updateDate: machine.updateDate ?? machine.creationDate },
    };
  },
  resolve(ctx, arn) {
    const { machine, version, alias } = resolveStateMachine(ctx, arn, { aliases: true });
    if (alias) return { arn: machine.arn, type: machine.type, aliasArn: `${machine.arn}:${alias.name}` };
    return { arn: machine.arn, type: machine.type, versionArn: version ? `${machine.arn}:${version.version}` : undefined };
  },
  findExecution,
  withData(ctx, execution, operation, includedData) {
    const key = customerKey(sfnState(ctx).stateMachines[execution.stateMachineArn]?.encryptionConfiguration);
    const withData = needsDecrypt(includedData);
    if (key && withData) useKey(ctx, operation, key, 'decrypt');
    return withData;
  },
  activityExists: (ctx, arn) => !!sfnState(ctx).activities[arn],
};

const invalidToken = (token: string) => err('InvalidToken', `Invalid Token: '${token}'`);

export const stepFunctions: JsonService = {
  name: 'states',
  modelId: 'stepfunctions',
  pathStyle: 'coral',
  validationError(violations: ConstraintViolation[]) {
    // The service reports a data key reuse period out of range as an encryption problem.
    if (violations.every((v) => v.path.endsWith('encryptionConfiguration.kmsDataKeyReusePeriodSeconds'))) {
      return err('InvalidEncryptionConfiguration', `Invalid Encryption Configuration: kmsDataKeyReusePeriodSeconds must be between 60 and 900.`);
    }
    return err('ValidationException', coralValidationMessage(violations));
  },
  faults: {
    internal: () => new ServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500),
    throttle: () => err('ThrottlingException', 'Rate exceeded'),
    accessDenied: (op, region) => err('AccessDeniedException', deniedMessage('states', op, region)),
  },
  operations: {
    CreateStateMachine: createStateMachine,
    UpdateStateMachine: updateStateMachine,
    DescribeStateMachine: describeStateMachine,
    ListStateMachines(input: { maxResults?: number; nextToken?: string }, ctx) {
      const all = ctx.store.values(sfnState(ctx).stateMachines);
      const page = paginate(all, input, ctx.runtime.pageSize, `states:ListStateMachines:${ctx.region}`, invalidToken);
      return {
        stateMachines: page.items.map((m) => ({ stateMachineArn: m.arn, name: m.name, type: m.type, creationDate: m.creationDate })),
        nextToken: page.nextToken,
      };
    },
    DeleteStateMachine(input: { stateMachineArn: string }, ctx) {
      const { machine, version } = resolveStateMachine(ctx, input.stateMachineArn);
      if (version) machine.versions = machine.versions.filter((v) => v !== version);
      else delete sfnState(ctx).stateMachines[machine.arn];
      return {};
    },
    DeleteStateMachineVersion(input: { stateMachineVersionArn: string }, ctx) {
      const { machine, version } = resolveStateMachine(ctx, input.stateMachineVersionArn);
      if (!version) throw err('ValidationException', 'The ARN is not a state machine version ARN.');
      const routedBy = machine.aliases?.find((a) => a.routing.some((r) => r.version === version.version));
      if (routedBy) throw err('ConflictException', `Version ${version.version} is referenced by alias ${routedBy.name}; update or delete the alias first.`);
      machine.versions = machine.versions.filter((v) => v !== version);
      return {};
    },
    PublishStateMachineVersion(input: { stateMachineArn: string; description?: string }, ctx) {
      const { machine } = resolveStateMachine(ctx, input.stateMachineArn);
      const arn = publishVersion(machine, input.description, ctx.now);
      return { creationDate: ctx.now, stateMachineVersionArn: arn };
    },
    ListStateMachineVersions(input: { stateMachineArn: string; maxResults?: number; nextToken?: string }, ctx) {
      const { machine } = resolveStateMachine(ctx, input.stateMachineArn);
      const newestFirst = [...machine.versions].reverse();
      const page = paginate(newestFirst, input, ctx.runtime.pageSize, `states:ListStateMachineVersions:${machine.arn}`, invalidToken);
      return {
        stateMachineVersions: page.items.map((v) => ({ stateMachineVersionArn: `${machine.arn}:${v.version}`, creationDate: v.creationDate })),
        nextToken: page.nextToken,
      };
    },
    CreateStateMachineAlias(input: { name: string; description?: string; routingConfiguration: { stateMachineVersionArn: string; weight: number }[] }, ctx) {
      const { machine, routing } = checkRouting(ctx, undefined, input.routingConfiguration);
      const arn = `${machine.arn}:${input.name}`;
      const existing = machine.aliases?.find((a) => a.name === input.name);
      if (existing) {
        // The same request again answers the alias; other settings under the name conflict.
        if (JSON.stringify(existing.routing) === JSON.stringify(routing) && existing.description === input.description) return { stateMachineAliasArn: arn, creationDate: existing.creationDate };
        throw err('ConflictException', `Alias ${input.name} already exists with a different configuration: '${arn}'`);
      }
      (machine.aliases ??= []).push({ name: input.name, description: input.description, routing, creationDate: ctx.now, updateDate: ctx.now });
      return { stateMachineAliasArn: arn, creationDate: ctx.now };
    },
    DescribeStateMachineAlias(input: { stateMachineAliasArn: string }, ctx) {
      const { machine, alias } = findAlias(ctx, input.stateMachineAliasArn);
      return {
        stateMachineAliasArn: `${machine.arn}:${alias.name}`,
        name: alias.name,
        description: alias.description,
        routingConfiguration: alias.routing.map((r) => ({ stateMachineVersionArn: `${machine.arn}:${r.version}`, weight: r.weight })),
        creationDate: alias.creationDate,
        updateDate: alias.updateDate,
      };
    },
    ListStateMachineAliases(input: { stateMachineArn: string; maxResults?: number; nextToken?: string }, ctx) {
      const { machine } = resolveStateMachine(ctx, input.stateMachineArn);
      const page = paginate(machine.aliases ?? [], input, ctx.runtime.pageSize, `states:ListStateMachineAliases:${machine.arn}`, invalidToken);
      return { stateMachineAliases: page.items.map((a) => ({ stateMachineAliasArn: `${machine.arn}:${a.name}`, creationDate: a.creationDate })), nextToken: page.nextToken };
    },
    UpdateStateMachineAlias(input: { stateMachineAliasArn: string; description?: string; routingConfiguration?: { stateMachineVersionArn: string; weight: number }[] }, ctx) {
      const { machine, alias } = findAlias(ctx, input.stateMachineAliasArn);
      if (input.description === undefined && !input.routingConfiguration) throw err('ValidationException', 'Either the description or the RoutingConfiguration must be specified');
      if (input.routingConfiguration) alias.routing = checkRouting(ctx, machine.arn, input.routingConfiguration).routing;
      if (input.description !== undefined) alias.description = input.description;
      alias.updateDate = ctx.now;
      return { updateDate: alias.updateDate };
    },
    DeleteStateMachineAlias(input: { stateMachineAliasArn: string }, ctx) {
      const { machine, alias } = findAlias(ctx, input.stateMachineAliasArn);
      machine.aliases = (machine.aliases ?? []).filter((a) => a !== alias);
      return {};
    },
    ValidateStateMachineDefinition(input: { definition: string; severity?: 'ERROR' | 'WARNING'; maxResults?: number }) {
      let diagnostics = diagnoseDefinition(input.definition);
      if (input.severity !== 'WARNING') diagnostics = diagnostics.filter((d) => d.severity === 'ERROR');
      const limit = input.maxResults || 100;
      return {
        result: diagnostics.some((d) => d.severity === 'ERROR') ? 'FAIL' : 'OK',
        diagnostics: diagnostics.slice(0, limit),
        truncated: diagnostics.length > limit,
      };
    },
    CreateActivity(input: { name: string; tags?: Tag[]; encryptionConfiguration?: EncryptionConfiguration }, ctx) {
      checkName(input.name);
      checkEncryption(input.encryptionConfiguration, ctx.region);
      checkTags(input.tags);
      const key = customerKey(input.encryptionConfiguration);
      if (key) useKey(ctx, 'CreateActivity', key, 'encrypt');
      const arn = `${arnPrefix(ctx)}:activity:${input.name}`;
      const activities = sfnState(ctx).activities;
      const encryption = normaliseEncryption(input.encryptionConfiguration);
      const existing = activities[arn];
      if (existing) {
        // An activity's encryption cannot change after creation.
        if (JSON.stringify(existing.encryptionConfiguration) !== JSON.stringify(encryption)) throw err('ActivityAlreadyExists', `Activity already exists with a different encryption configuration: '${arn}'`);
        return { activityArn: arn, creationDate: existing.creationDate };
      }
      activities[arn] = { arn, name: input.name, creationDate: ctx.now, encryptionConfiguration: encryption, tags: input.tags ?? [] };
      return { activityArn: arn, creationDate: ctx.now };
    },
    DescribeActivity(input: { activityArn: string }, ctx) {
      const activity = findActivity(ctx, input.activityArn);
      return { activityArn: activity.arn, name: activity.name, creationDate: activity.creationDate, encryptionConfiguration: activity.encryptionConfiguration };
    },
    ListActivities(input: { maxResults?: number; nextToken?: string }, ctx) {
      const page = paginate(ctx.store.values(sfnState(ctx).activities), input, ctx.runtime.pageSize, `states:ListActivities:${ctx.region}`, invalidToken);
      return { activities: page.items.map((a) => ({ activityArn: a.arn, name: a.name, creationDate: a.creationDate })), nextToken: page.nextToken };
    },
    DeleteActivity(input: { activityArn: string }, ctx) {
      const activity = findActivity(ctx, input.activityArn);
      delete sfnState(ctx).activities[activity.arn];
      return {};
    },
    ...executionOperations(runsDeps),
    async StartSyncExecution(input: { stateMachineArn: string; name?: string; input?: string; includedData?: 'ALL_DATA' | 'METADATA_ONLY' }, ctx) {
      const { machine, version, alias, name, payload } = startChecks('StartSyncExecution', input, ctx);
      if (machine.type !== 'EXPRESS') throw err('StateMachineTypeNotSupported', 'This operation is not supported by this type of state machine');
      const key = customerKey(machine.encryptionConfiguration);
      if (key && needsDecrypt(input.includedData)) useKey(ctx, 'StartSyncExecution', key, 'decrypt');
      const outcome = await executionOutcome(runsDeps, ctx, { stateMachineArn: machine.arn, machineName: machine.name, executionArn: `${arnPrefix(ctx)}:express:${machine.name}:${name}`, name, definition: version?.definition ?? machine.definition, roleArn: version?.roleArn ?? machine.roleArn, input: payload });
      const withData = needsDecrypt(input.includedData);
      // Express executions are not recorded: the answer is all there is.
      return {
        executionArn: `${arnPrefix(ctx)}:express:${machine.name}:${name}`,
        stateMachineArn: alias ? `${machine.arn}:${alias.name}` : version ? `${machine.arn}:${version.version}` : machine.arn,
        name,
        startDate: ctx.now,
        stopDate: ctx.now,
        status: outcome.status,
        error: withData ? outcome.error : undefined,
        cause: withData ? outcome.cause : undefined,
        input: withData ? payload : undefined,
        inputDetails: { included: withData },
        output: withData ? outcome.output : undefined,
        outputDetails: { included: withData },
        billingDetails: { billedMemoryUsedInMB: 64, billedDurationInMilliseconds: 100 },
      };
    },
    DescribeStateMachineForExecution(input: { executionArn: string; includedData?: 'ALL_DATA' | 'METADATA_ONLY' }, ctx) {
      const execution = findExecution(ctx, input.executionArn);
      const machine = sfnState(ctx).stateMachines[execution.stateMachineArn];
      if (!machine) throw err('ExecutionDoesNotExist', `Execution Does Not Exist: '${input.executionArn}'`);
      const key = customerKey(machine.encryptionConfiguration);
      if (key && needsDecrypt(input.includedData)) useKey(ctx, 'DescribeStateMachineForExecution', key, 'decrypt');
      const ran = execution.ran ?? { definition: machine.definition, roleArn: machine.roleArn, revisionId: machine.revisionId, updateDate: machine.updateDate ?? machine.creationDate };
      return {
        stateMachineArn: machine.arn,
        name: machine.name,
        definition: needsDecrypt(input.includedData) ? ran.definition : '{}',
        roleArn: ran.roleArn,
        updateDate: ran.updateDate,
        loggingConfiguration: machine.loggingConfiguration,
        tracingConfiguration: machine.tracingConfiguration,
        revisionId: ran.revisionId,
        encryptionConfiguration: machine.encryptionConfiguration,
      };
    },
    TagResource(input: { resourceArn: string; tags: Tag[] }, ctx) {
      const resource = taggable(ctx, input.resourceArn);
      const merged = mergeTags(resource.tags, input.tags);
      checkTags(merged);
      resource.tags = merged;
      return {};
    },
    UntagResource(input: { resourceArn: string; tagKeys: string[] }, ctx) {
      const resource = taggable(ctx, input.resourceArn);
      resource.tags = resource.tags.filter((t) => !input.tagKeys.includes(t.key));
      return {};
    },
    ListTagsForResource(input: { resourceArn: string }, ctx) {
      return { tags: taggable(ctx, input.resourceArn).tags };
    },
  },
};

/** StartExecution and StartSyncExecution: the machine, a valid name and JSON input, the key to protect them. */
function startChecks(operation: string, input: { stateMachineArn: string; name?: string; input?: string }, ctx: RequestContext) {
  const { machine, version, alias } = resolveStateMachine(ctx, input.stateMachineArn, { aliases: true });
  const name = input.name ?? randomUUID();
  checkName(name);
  const payload = input.input ?? '{}';
  try {
    JSON.parse(payload);
  } catch (e) {
    throw err('InvalidExecutionInput', `Invalid State Machine Execution Input: '${(e as Error).message}'`);
  }
  const key = customerKey(machine.encryptionConfiguration);
  if (key) useKey(ctx, operation, key, 'encrypt');
  return { machine, version, alias, name, payload };
}

/** A recorded (Standard) execution; Express executions have no record to describe. */
function findExecution(ctx: RequestContext, executionArn: string): Execution {
  const kind = /^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:(execution|express):[^:]+:[^:]+$/.exec(executionArn)?.[1];
  if (kind !== 'execution') throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${kind ?? executionArn}'`);
  const execution = sfnState(ctx).executions[executionArn];
  if (!execution) throw err('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
  return execution;
}

function findActivity(ctx: RequestContext, arn: string): Activity {
  if (!/^arn:aws[a-z-]*:states:[a-z0-9-]+:\d{12}:activity:[^:]+$/.test(arn)) throw err('InvalidArn', `Invalid Arn: 'Resource type not valid in this context: ${arn}'`);
  const activity = sfnState(ctx).activities[arn];
  if (!activity) throw err('ActivityDoesNotExist', `Activity Does Not Exist: '${arn}'`);
  return activity;
}

function taggable(ctx: RequestContext, arn: string): { tags: Tag[] } {
  if (/:activity:/.test(arn)) {
    const activity = sfnState(ctx).activities[arn];
    if (!activity) throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    return activity;
  }
  try {
    return resolveStateMachine(ctx, arn).machine;
  } catch (e) {
    if (e instanceof ServiceError && e.code === 'StateMachineDoesNotExist') throw err('ResourceNotFound', `Resource not found: '${arn}'`);
    throw e;
  }
}
