// The resources we know, checked: the schema facts, then dedicated rules shared with
// aws-workflows.yaml (names, role ARNs, KMS, tags, Image Builder versions) in CloudFormation's
// property names, then the rules about where a definition comes from.

import type { ObjectNode, PropertyNode, ValueNode } from '../parse/node';
import { property } from '../parse/node';
import { roleArnProblems } from '../rules/arns';
import { encryptionProblems, kmsKeyIdProblems, type KmsService } from '../rules/kms';
import { activityNameProblems, imageBuilderVersionProblems, imageBuilderWorkflowNameProblems, mwaaEnvironmentNameProblems, mwaaServerlessWorkflowNameProblems, stateMachineNameProblems } from '../rules/names';
import type { ValueProblem } from '../rules/problem';
import { tagProblems, type TaggedService } from '../rules/tags';
import { CFN_RESOURCE_FACTS } from './facts.generated';
import { intrinsicOf, isNoValue, knownString, objectOf } from './parse';
import type { TemplateReporter } from './report';
import { SchemaChecker } from './schema';
import type { TemplateResource } from './template';

export const STATE_MACHINE_TYPES = new Set(['AWS::StepFunctions::StateMachine', 'AWS::Serverless::StateMachine']);

/** CloudFormation's and SAM's names for the same state machine settings. */
export interface StateMachineNames {
  name: string;
  type: string;
  role: string;
  logging: string;
}

export function stateMachineNames(resourceType: string): StateMachineNames {
  return resourceType === 'AWS::Serverless::StateMachine'
    ? { name: 'Name', type: 'Type', role: 'Role', logging: 'Logging' }
    : { name: 'StateMachineName', type: 'StateMachineType', role: 'RoleArn', logging: 'LoggingConfiguration' };
}

const DEDICATED: Record<string, string[]> = {
  'AWS::StepFunctions::StateMachine': ['StateMachineName', 'RoleArn', 'EncryptionConfiguration.KmsKeyId', 'Tags[].Key', 'Tags[].Value'],
  'AWS::Serverless::StateMachine': ['Name', 'Role'],
  'AWS::StepFunctions::Activity': ['Name', 'EncryptionConfiguration.KmsKeyId', 'Tags[].Key', 'Tags[].Value'],
  'AWS::ImageBuilder::Workflow': ['Name', 'Version', 'KmsKeyId'],
  'AWS::MWAAServerless::Workflow': ['Name', 'RoleArn', 'EncryptionConfiguration.KmsKeyId'],
  'AWS::MWAA::Environment': ['Name'],
};

const LABEL: Record<string, string> = {
  'AWS::StepFunctions::StateMachine': 'state machine',
  'AWS::Serverless::StateMachine': 'state machine',
  'AWS::StepFunctions::Activity': 'activity',
  'AWS::ImageBuilder::Workflow': 'Image Builder workflow',
  'AWS::MWAAServerless::Workflow': 'MWAA Serverless workflow',
  'AWS::MWAA::Environment': 'MWAA environment',
};

export function isCheckedResource(type: string | undefined): boolean {
  return type !== undefined && CFN_RESOURCE_FACTS[type] !== undefined;
}

export function checkResource(report: TemplateReporter, resource: TemplateResource): void {
  const type = resource.type!;
  const facts = CFN_RESOURCE_FACTS[type];
  const where = `the ${LABEL[type]} '${resource.logicalId}'`;
  new SchemaChecker(report, { dedicated: new Set(DEDICATED[type] ?? []), where }).checkProperties(resource.properties, facts, resource.propertiesProp ?? resource.idProp);
  const props = resource.properties;
  if (!props) return;
  const place = new ProblemPlacer(report, props);
  switch (type) {
    case 'AWS::StepFunctions::StateMachine':
    case 'AWS::Serverless::StateMachine': {
      const names = stateMachineNames(type);
      const level = knownString(property(objectOf(property(props, names.logging)?.value), 'Level')?.value);
      place.value(names.name, (v) => stateMachineNameProblems(v, { loggingEnabled: level !== undefined && level !== 'OFF' }));
      place.value(names.role, (v) => roleArnProblems(v));
      if (type === 'AWS::StepFunctions::StateMachine') {
        place.encryption('EncryptionConfiguration', 'stepFunctions');
        place.tagList('Tags', 'stepFunctions');
      } else {
        place.tagMap('Tags', 'stepFunctions');
      }
      break;
    }
    case 'AWS::StepFunctions::Activity':
      place.value('Name', activityNameProblems);
      place.encryption('EncryptionConfiguration', 'stepFunctions');
      place.tagList('Tags', 'stepFunctions');
      break;
    case 'AWS::ImageBuilder::Workflow': {
      place.value('Name', imageBuilderWorkflowNameProblems);
      place.value('Version', imageBuilderVersionProblems);
      place.value('KmsKeyId', (v) => kmsKeyIdProblems('imageBuilder', v));
      place.tagMap('Tags', 'imageBuilder');
      const data = present(props, 'Data');
      const uri = present(props, 'Uri');
      if (data && uri) {
        report.key('cfn/imagebuilder-data-and-uri', 'error', `${where} has both Data and Uri: give the workflow document one way, inline in Data or as an S3 URL in Uri.`, uri, { fixes: [report.removeFix('Remove Uri', uri), report.removeFix('Remove Data', data)] });
      } else if (!data && !uri) {
        report.key('cfn/imagebuilder-data-or-uri', 'error', `${where} needs its workflow document: Data (inline YAML, up to 16,000 characters) or Uri (an S3 URL).`, resource.propertiesProp ?? resource.idProp);
      }
      break;
    }
    case 'AWS::MWAAServerless::Workflow':
      place.value('Name', mwaaServerlessWorkflowNameProblems);
      place.value('RoleArn', (v) => roleArnProblems(v));
      place.encryption('EncryptionConfiguration', 'mwaaServerless');
      place.tagMap('Tags', 'mwaaServerless');
      break;
    case 'AWS::MWAA::Environment':
      place.value('Name', mwaaEnvironmentNameProblems);
      place.tagMap('Tags', 'mwaa');
      break;
  }
}

/** A property that is set (not `!Ref AWS::NoValue`). */
export function present(props: ObjectNode | undefined, key: string): PropertyNode | undefined {
  const prop = property(props, key);
  return prop && !isNoValue(prop.value) ? prop : undefined;
}

/** Value problems (src/core/rules) placed on the template's characters. */
class ProblemPlacer {
  constructor(private readonly report: TemplateReporter, private readonly props: ObjectNode) {}

  value(key: string, check: (value: string) => ValueProblem[]): void {
    const prop = present(this.props, key);
    // CloudFormation reads a number as its text (`Version: 1.0` is "1.0").
    const value = knownString(prop?.value) ?? (prop?.value.kind === 'number' ? prop.value.raw : undefined);
    if (!prop || value === undefined) return;
    for (const p of check(value)) this.place(p, prop.value, prop);
  }

  encryption(key: string, service: Exclude<KmsService, 'imageBuilder'>): void {
    const node = objectOf(present(this.props, key)?.value);
    if (!node) return;
    const field = (k: string): { prop?: PropertyNode; value: unknown } => {
      const prop = present(node, k);
      if (!prop) return { value: undefined };
      const v = prop.value;
      if (intrinsicOf(v)) return { prop, value: knownString(v) ?? COMPUTED };
      return { prop, value: v.kind === 'number' ? v.value : v.kind === 'string' ? (k === 'KmsDataKeyReusePeriodSeconds' && /^\d+$/.test(v.value) ? Number(v.value) : v.value) : COMPUTED };
    };
    const type = field('Type');
    const key_ = field('KmsKeyId');
    const period = field('KmsDataKeyReusePeriodSeconds');
    // A computed type could be either: the rules that depend on it wait.
    if (type.value === COMPUTED) return;
    const problems = encryptionProblems(service, {
      type: type.value,
      kmsKeyId: key_.value === COMPUTED ? {} : key_.value,
      kmsDataKeyReusePeriodSeconds: period.value === COMPUTED ? undefined : period.value,
    });
    for (const p of problems) {
      const target = { type, kmsKeyId: key_, kmsDataKeyReusePeriodSeconds: period }[p.field as 'type'] ?? type;
      const message = cfnNames(p.message);
      if (!target.prop) continue;
      const fixes = (p.fixes ?? []).flatMap((f) => {
        const fieldProp = f.field ? { type, kmsKeyId: key_, kmsDataKeyReusePeriodSeconds: period }[f.field as 'type']?.prop : target.prop;
        if (!fieldProp) return [];
        if (f.kind === 'remove') return [this.report.removeFix(cfnNames(f.title), fieldProp)];
        if (f.kind === 'replace') return [{ ...this.report.replaceFix(cfnNames(f.title), fieldProp.value, f.value, f.preferred ?? false) }];
        return [];
      });
      this.place({ ...p, message, fixes: undefined }, target.prop.value, target.prop, fixes);
    }
  }

  tagList(key: string, service: TaggedService): void {
    const list = present(this.props, key)?.value;
    if (list?.kind !== 'array') return;
    const tags: Record<string, string> = {};
    const nodes = new Map<string, { key: ValueNode; value: ValueNode; prop: PropertyNode }>();
    for (const item of list.items) {
      const k = property(item, 'Key');
      const v = property(item, 'Value');
      const ks = knownString(k?.value);
      const vs = knownString(v?.value);
      if (!k || !v || ks === undefined || vs === undefined) continue;
      tags[ks] = vs;
      nodes.set(ks, { key: k.value, value: v.value, prop: k });
    }
    for (const p of tagProblems(service, tags)) {
      const at = p.field !== undefined ? nodes.get(p.field) : undefined;
      if (!at) this.report.node(p.code, p.severity, p.message, list);
      else this.place({ ...p, on: 'value' }, p.on === 'key' ? at.key : at.value, at.prop);
    }
  }

  tagMap(key: string, service: TaggedService): void {
    const map = objectOf(present(this.props, key)?.value);
    if (!map) return;
    const tags: Record<string, string> = {};
    for (const e of map.entries) {
      const v = knownString(e.value) ?? (e.value.kind === 'number' || e.value.kind === 'boolean' ? String(e.value.value) : undefined);
      if (v !== undefined) tags[e.key] = v;
    }
    for (const p of tagProblems(service, tags)) {
      const entry = p.field !== undefined ? property(map, p.field) : undefined;
      if (!entry) this.report.node(p.code, p.severity, p.message, map);
      else this.place(p, entry.value, entry);
    }
  }

  private place(p: ValueProblem, value: ValueNode, prop: PropertyNode, fixes = p.fixes?.flatMap((f) => (f.kind === 'replace' && !f.field ? [this.report.replaceFix(f.title, value, f.value, f.preferred ?? false)] : []))): void {
    const extra = { fixes };
    if (p.on === 'key') this.report.key(p.code, p.severity, p.message, prop, extra);
    else if (p.span && value.kind === 'string') this.report.inString(p.code, p.severity, p.message, value, p.span[0], p.span[1], extra);
    else this.report.node(p.code, p.severity, p.message, value, extra);
  }
}

const COMPUTED = Symbol('computed');

/** The shared KMS messages speak aws-workflows.yaml; templates spell the same fields CloudFormation's way. */
function cfnNames(message: string): string {
  return message.replace(/\bkmsKeyId\b/g, 'KmsKeyId').replace(/\bkmsDataKeyReusePeriodSeconds\b/g, 'KmsDataKeyReusePeriodSeconds');
}
