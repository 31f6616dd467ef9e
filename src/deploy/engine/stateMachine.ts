// Step Functions state machines: create with everything the entry sets, or update what changed.

import type {
  CreateStateMachineInput, DescribeStateMachineOutput, EncryptionConfiguration, LoggingConfiguration, UpdateStateMachineInput,
} from '@aws-sdk/client-sfn';
import type { SfnEncryptionSpec, StateMachineSpec } from '../../core/manifest/model';
import { describeStateMachineContent, withStateMachineKey } from '../../aws/stepFunctionsContent';
import { collectPages, type DeployRun } from './context';
import { prettyJson, sameJson, toStateMachineJson, tryParseJson } from './definition';
import { applyTags, tagChange, tagMapOf, tagsToApply } from './tags';
import { DeployFailure, type DeployResult, type PlannedChange } from './types';

/** Step Functions' default key-reuse period, which DescribeStateMachine reports even when not set. */
const DEFAULT_KMS_REUSE_SECONDS = 300;

export function sfnEncryption(spec: SfnEncryptionSpec | undefined): EncryptionConfiguration | undefined {
  if (!spec?.type) return undefined;
  // Only `type` goes with AWS-owned keys: the service rejects a key or period with them.
  if (spec.type === 'AWS_OWNED_KEY') return { type: 'AWS_OWNED_KEY' };
  return {
    type: spec.type as EncryptionConfiguration['type'],
    kmsKeyId: spec.kmsKeyId,
    kmsDataKeyReusePeriodSeconds: spec.kmsDataKeyReusePeriodSeconds,
  };
}

export function sfnLogging(spec: StateMachineSpec['logging']): LoggingConfiguration | undefined {
  if (!spec) return undefined;
  return {
    level: spec.level as LoggingConfiguration['level'],
    includeExecutionData: spec.includeExecutionData,
    destinations: spec.logGroupArn ? [{ cloudWatchLogsLogGroup: { logGroupArn: spec.logGroupArn } }] : undefined,
  };
}

export function createStateMachineInput(name: string, spec: StateMachineSpec, definition: string): CreateStateMachineInput {
  return {
    name,
    definition,
    roleArn: spec.roleArn,
    type: spec.type as CreateStateMachineInput['type'],
    loggingConfiguration: sfnLogging(spec.logging),
    tracingConfiguration: spec.tracing === undefined ? undefined : { enabled: spec.tracing },
    encryptionConfiguration: sfnEncryption(spec.encryption),
    tags: spec.tags ? Object.entries(spec.tags).map(([key, value]) => ({ key, value: String(value) })) : undefined,
    publish: spec.publish,
    versionDescription: spec.publish ? spec.versionDescription : undefined,
  };
}

function describeEncryption(e: EncryptionConfiguration | undefined): string {
  if (!e || e.type === 'AWS_OWNED_KEY' || !e.type) return 'AWS owned key';
  return `customer managed key ${e.kmsKeyId ?? '(none)'}${e.kmsDataKeyReusePeriodSeconds ? `, key reuse ${e.kmsDataKeyReusePeriodSeconds}s` : ''}`;
}

function describeLogging(l: LoggingConfiguration | undefined): string {
  if (!l || !l.level || l.level === 'OFF') return 'off';
  const dest = l.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
  return `${l.level}${l.includeExecutionData ? ' with execution data' : ''}${dest ? ` to ${dest}` : ''}`;
}

/**
 * What an update would change, field by field. Fields the entry leaves out are not sent,
 * so they cannot change and are not listed.
 */
export function stateMachineChanges(deployed: DescribeStateMachineOutput, desired: CreateStateMachineInput): PlannedChange[] {
  const changes: PlannedChange[] = [];
  const localDef = tryParseJson(desired.definition);
  const deployedDef = tryParseJson(deployed.definition);
  if (deployed.definition === undefined) {
    // Not readable (its KMS key refused kms:Decrypt): never reported as unchanged.
    changes.push({ field: 'definition', summary: 'definition (the deployed one could not be read to compare)' });
  } else if (localDef === undefined || deployedDef === undefined ? desired.definition !== deployed.definition : !sameJson(localDef, deployedDef)) {
    changes.push({ field: 'definition', summary: 'definition' });
  }
  if (desired.roleArn && desired.roleArn !== deployed.roleArn) {
    changes.push({ field: 'role', summary: `role ${deployed.roleArn ?? '(none)'} → ${desired.roleArn}` });
  }
  if (desired.loggingConfiguration) {
    const a = deployed.loggingConfiguration;
    const b = desired.loggingConfiguration;
    const dest = (l?: LoggingConfiguration) => l?.destinations?.[0]?.cloudWatchLogsLogGroup?.logGroupArn;
    if ((a?.level ?? 'OFF') !== (b.level ?? 'OFF') || Boolean(a?.includeExecutionData) !== Boolean(b.includeExecutionData) || dest(a) !== dest(b)) {
      changes.push({ field: 'logging', summary: `logging ${describeLogging(a)} → ${describeLogging(b)}` });
    }
  }
  if (desired.tracingConfiguration && Boolean(deployed.tracingConfiguration?.enabled) !== Boolean(desired.tracingConfiguration.enabled)) {
    changes.push({ field: 'tracing', summary: `X-Ray tracing ${desired.tracingConfiguration.enabled ? 'on' : 'off'}` });
  }
  if (desired.encryptionConfiguration) {
    const a = deployed.encryptionConfiguration;
    const b = desired.encryptionConfiguration;
    const aType = a?.type ?? 'AWS_OWNED_KEY';
    const differs = aType !== b.type || (b.type === 'CUSTOMER_MANAGED_KMS_KEY'
      && (a?.kmsKeyId !== b.kmsKeyId || (a?.kmsDataKeyReusePeriodSeconds ?? DEFAULT_KMS_REUSE_SECONDS) !== (b.kmsDataKeyReusePeriodSeconds ?? DEFAULT_KMS_REUSE_SECONDS)));
    if (differs) changes.push({ field: 'encryption', summary: `encryption ${describeEncryption(a)} → ${describeEncryption(b)}` });
  }
  return changes;
}

/** The version number at the end of a state machine version ARN (`…:stateMachine:name:3`). */
export function versionFromArn(versionArn: string | undefined): string | undefined {
  const m = versionArn ? /:(\d+)$/.exec(versionArn) : null;
  return m ? m[1] : undefined;
}

export async function deployStateMachine(run: DeployRun, definitionText: string, definitionFile: string): Promise<DeployResult> {
  const target = run.target;
  if (target.kind !== 'stateMachine') throw new Error('not a state machine');
  const spec = target.spec;
  if (!spec.roleArn) throw new DeployFailure(`State machine ${target.name} has no roleArn: set one in aws-workflows.yaml (the IAM role Step Functions assumes to run it).`);
  const definition = toStateMachineJson(definitionText, definitionFile);
  const desired = createStateMachineInput(target.name, spec, definition);
  const { client, sdk } = await run.options.clients.sfn(target.region);

  run.step(`Looking for state machine ${target.name} in ${target.region}`);
  const all = await run.listOnce('states:ListStateMachines', () => collectPages((nextToken) => run.call({ service: 'states', operation: 'ListStateMachines' }, async () => {
    const page = await client.send(new sdk.ListStateMachinesCommand({ nextToken, maxResults: 1000 }));
    return { items: page.stateMachines ?? [], next: page.nextToken };
  })));
  const existing = all.find((s) => s.name === target.name);

  if (run.options.dryRun) {
    await validateWithStepFunctions(run, definition, desired.type, definitionFile);
    return run.result('validated', `${run.label} is valid; it would be ${existing ? 'updated' : 'created'} in ${target.region}.`, { arn: existing?.stateMachineArn });
  }

  if (!existing) {
    run.throwIfCancelled();
    run.step(`Creating state machine ${target.name}`);
    run.logRequest('states', 'CreateStateMachine', { name: target.name, type: desired.type, roleArn: desired.roleArn, encryption: desired.encryptionConfiguration?.type, kmsKeyId: desired.encryptionConfiguration?.kmsKeyId, logging: desired.loggingConfiguration?.level, tracing: desired.tracingConfiguration?.enabled, publish: desired.publish, tags: desired.tags?.map((t) => t.key) });
    const out = await run.call({ service: 'states', operation: 'CreateStateMachine', resource: target.name, kmsKey: desired.encryptionConfiguration?.kmsKeyId }, () =>
      client.send(new sdk.CreateStateMachineCommand(desired)));
    const version = versionFromArn(out.stateMachineVersionArn);
    return run.result('created', `Created ${run.label} in ${target.region}${version ? ` and published version ${version}` : ''}.`, { arn: out.stateMachineArn, version });
  }

  const arn = existing.stateMachineArn!;
  run.step(`Reading the deployed ${target.name}`);
  const content = await describeStateMachineContent({ client, sdk }, arn, { region: target.region, resource: target.name });
  const deployed = content.machine;
  if (content.unreadable) run.warnings.push(`${content.unreadable} The deploy cannot compare it with the local definition, so it updates it.`);
  if (desired.type && deployed.type && desired.type !== deployed.type) {
    throw new DeployFailure(`${run.label} is ${deployed.type} in ${target.region} and the entry says ${desired.type}; Step Functions cannot change a state machine's type. Delete it and deploy again, or set type: ${deployed.type}.`);
  }
  const changes = stateMachineChanges(deployed, desired);
  let newTags: Record<string, string> = {};
  if (spec.tags && Object.keys(spec.tags).length > 0) {
    const listed = await run.call({ service: 'states', operation: 'ListTagsForResource', resource: arn }, () =>
      client.send(new sdk.ListTagsForResourceCommand({ resourceArn: arn })));
    const deployedTags = tagMapOf(listed.tags);
    newTags = tagsToApply(spec.tags, deployedTags);
    const change = tagChange(newTags, deployedTags);
    if (change) changes.push(change);
  }
  if (changes.length === 0) {
    return run.result('unchanged', `${run.label} in ${target.region} already matches the local definition and settings.`, { arn });
  }
  const proceed = await (run.options.hooks?.confirmUpdate?.({
    target, arn, changes, deployedDefinition: deployed.definition ? prettyJson(deployed.definition) : undefined, localDefinition: prettyJson(definition),
    cannotCompare: content.unreadable,
  }) ?? Promise.resolve(true));
  if (!proceed) return run.result('cancelled', `Update of ${run.label} cancelled; nothing was sent.`, { arn });

  const fields = changes.map((c) => c.field).join(', ');
  run.throwIfCancelled();
  // Tags alone do not go through UpdateStateMachine, so they never publish a version.
  let version: string | undefined;
  if (changes.some((c) => c.field !== 'tags')) {
    const update: UpdateStateMachineInput = {
      stateMachineArn: arn,
      definition: desired.definition,
      roleArn: desired.roleArn,
      loggingConfiguration: desired.loggingConfiguration,
      tracingConfiguration: desired.tracingConfiguration,
      encryptionConfiguration: desired.encryptionConfiguration,
      publish: desired.publish,
      versionDescription: desired.versionDescription,
    };
    run.step(`Updating state machine ${target.name} (${fields})`);
    run.logRequest('states', 'UpdateStateMachine', { stateMachineArn: arn, changes: changes.map((c) => c.field), publish: update.publish });
    const kmsKey = desired.encryptionConfiguration?.kmsKeyId ?? content.kmsKey;
    const out = await withStateMachineKey({ client, sdk }, arn, { service: 'states', operation: 'UpdateStateMachine', region: target.region, resource: target.name, kmsKey }, () =>
      client.send(new sdk.UpdateStateMachineCommand(update)));
    version = versionFromArn(out.stateMachineVersionArn);
  }
  const updated = `Updated ${run.label} in ${target.region} (${fields})${version ? ` and published version ${version}` : ''}`;
  const tagFailure = await applyTags(run, 'states', arn, newTags, changes.some((c) => c.field !== 'tags') ? updated : undefined, () =>
    client.send(new sdk.TagResourceCommand({ resourceArn: arn, tags: Object.entries(newTags).map(([key, value]) => ({ key, value })) })));
  if (tagFailure) return { ...tagFailure, version };
  return run.result('updated', `${updated}.${content.unreadable ? ` ${content.unreadable}` : ''}`, { arn, version });
}

/** ValidateStateMachineDefinition: errors stop with a sentence, warnings are kept on the result. */
async function validateWithStepFunctions(run: DeployRun, definition: string, type: CreateStateMachineInput['type'], definitionFile: string): Promise<void> {
  const target = run.target;
  const { client, sdk } = await run.options.clients.sfn(target.region);
  run.step('Validating the definition with Step Functions');
  const validation = await run.call({ service: 'states', operation: 'ValidateStateMachineDefinition', resource: target.name }, () =>
    client.send(new sdk.ValidateStateMachineDefinitionCommand({ definition, type, maxResults: 100 })));
  for (const d of validation.diagnostics ?? []) {
    if (d.severity === 'WARNING') run.warnings.push(`${d.code}: ${d.message}${d.location ? ` (at ${d.location})` : ''}`);
  }
  if (validation.result === 'FAIL') {
    const errors = (validation.diagnostics ?? []).filter((d) => d.severity !== 'WARNING');
    const first = errors[0];
    throw new DeployFailure(`Step Functions rejected the definition of ${target.name}: ${first ? `${first.code}: ${first.message}${first.location ? ` (at ${first.location})` : ''}` : 'no reason given'}${errors.length > 1 ? ` and ${errors.length - 1} more` : ''}. Fix it in ${definitionFile} and deploy again.`);
  }
}
