// Generates src/core/cfn/facts.generated.ts: the property facts (types, patterns, lengths, enums,
// required and allowed keys) of the template resources we check, from the CloudFormation registry
// schemas and the SAM schema extract in ../shared/reference/cloudformation/schemas.
// Usage: node scripts/generate-cfn-facts.mjs [--reference DIR] [--check]
// `$ref`s are inlined (the schemas are small and acyclic where we read them); descriptions are dropped.
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const refIndex = argv.indexOf('--reference');
const reference = refIndex >= 0 ? resolve(argv[refIndex + 1]) : resolve(root, '../shared/reference');
const check = argv.includes('--check');
const out = join(root, 'src', 'core', 'cfn', 'facts.generated.ts');

const REGISTRY = [
  'aws-stepfunctions-statemachine.json',
  'aws-stepfunctions-activity.json',
  'aws-imagebuilder-workflow.json',
  'aws-mwaaserverless-workflow.json',
  'aws-mwaa-environment.json',
];
const SAM = 'sam-serverless-statemachine.schema.json';
// SAM passes these properties through to AWS::StepFunctions::StateMachine under another name
// (cfn-facts.md §5, from samtranslator/model/stepfunctions/generators.py): their shape is CloudFormation's.
const SAM_PASS_THROUGH = { Name: 'StateMachineName', Type: 'StateMachineType', Logging: 'LoggingConfiguration', Tracing: 'TracingConfiguration', Role: 'RoleArn' };

function fail(message) {
  console.error(`generate-cfn-facts: ${message}`);
  process.exit(1);
}

function readSchema(file) {
  const path = join(reference, 'cloudformation', 'schemas', file);
  if (!existsSync(path)) fail(`${path} not found (pass --reference DIR).`);
  const text = readFileSync(path, 'utf8');
  return { json: JSON.parse(text), sha256: createHash('sha256').update(text).digest('hex') };
}

const KEPT = ['enum', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

/** The facts of one schema node, `$ref`/`allOf` inlined, `anyOf` of plain types folded into `types`. */
function facts(node, definitions, refs = []) {
  if (!node || typeof node !== 'object') return {};
  if (node.$ref) {
    const name = node.$ref.replace('#/definitions/', '');
    if (!definitions[name]) fail(`unresolved $ref ${node.$ref}`);
    // A recursive definition (SAM's event schemas) is cut off: its inner levels are not checked.
    if (refs.includes(name)) return {};
    const { $ref: _ref, ...rest } = node;
    return { ...facts(definitions[name], definitions, [...refs, name]), ...facts(rest, definitions, refs) };
  }
  const outNode = {};
  if (node.allOf) for (const part of node.allOf) Object.assign(outNode, facts(part, definitions, refs));
  const types = new Set();
  if (typeof node.type === 'string') types.add(node.type);
  if (Array.isArray(node.type)) node.type.forEach((t) => types.add(t));
  if (node.anyOf || node.oneOf) {
    for (const alt of node.anyOf ?? node.oneOf) {
      const f = facts(alt, definitions, refs);
      if (!f.types) { types.clear(); types.add('any'); break; }
      f.types.forEach((t) => types.add(t));
    }
  }
  if (types.size && !types.has('any')) outNode.types = [...types].sort();
  for (const k of KEPT) if (node[k] !== undefined) outNode[k] = node[k];
  if (node.properties) {
    outNode.properties = {};
    for (const [k, v] of Object.entries(node.properties)) outNode.properties[k] = facts(v, definitions, refs);
  }
  if (Array.isArray(node.required) && node.required.length) outNode.required = [...node.required];
  if (node.additionalProperties === false && node.properties) outNode.closed = true;
  if (node.items) outNode.items = facts(node.items, definitions, refs);
  const values = node.patternProperties ? Object.values(node.patternProperties)[0] : typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined;
  if (values) outNode.values = facts(values, definitions, refs);
  return outNode;
}

const sources = [];
const resources = {};
for (const file of REGISTRY) {
  const { json, sha256 } = readSchema(file);
  const readOnly = (json.readOnlyProperties ?? []).filter((p) => p.split('/').length === 3).map((p) => p.split('/')[2]);
  const top = facts({ ...json, definitions: undefined, required: json.required, additionalProperties: json.additionalProperties }, json.definitions ?? {});
  for (const r of readOnly) delete top.properties[r];
  resources[json.typeName] = { ...top, readOnly, source: `schemas/${file}` };
  sources.push(`//   ${file} (sha256 ${sha256})`);
}
{
  const { json, sha256 } = readSchema(SAM);
  const defs = json.definitions;
  const resourceDef = defs[json.$ref.replace('#/definitions/', '')];
  const props = facts(resourceDef.properties.Properties, defs);
  const sfn = resources['AWS::StepFunctions::StateMachine'];
  for (const [sam, cfn] of Object.entries(SAM_PASS_THROUGH)) {
    if (!props.properties[sam]) fail(`SAM property ${sam} not found`);
    if (!sfn.properties[cfn]) fail(`CloudFormation property ${cfn} not found`);
    props.properties[sam] = sfn.properties[cfn];
  }
  resources['AWS::Serverless::StateMachine'] = { ...props, readOnly: [], passThrough: SAM_PASS_THROUGH, source: `schemas/${SAM}` };
  sources.push(`//   ${SAM} (sha256 ${sha256})`);
}

const text = `// GENERATED FILE - DO NOT EDIT. Regenerate with \`npm run generate\` (scripts/generate-cfn-facts.mjs).
// Source: ../shared/reference/cloudformation/schemas:
${sources.join('\n')}

/* eslint-disable */
export interface PropertyFacts {
  types?: readonly string[];
  enum?: readonly (string | number)[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  minProperties?: number;
  maxProperties?: number;
  properties?: Readonly<Record<string, PropertyFacts>>;
  required?: readonly string[];
  /** additionalProperties: false */
  closed?: boolean;
  items?: PropertyFacts;
  /** The schema of every value of a map (patternProperties or additionalProperties). */
  values?: PropertyFacts;
}

export interface ResourceFacts extends PropertyFacts {
  /** Read-only attributes (removed from properties). */
  readOnly: readonly string[];
  /** SAM property → the CloudFormation property it becomes. */
  passThrough?: Readonly<Record<string, string>>;
  source: string;
}

export const CFN_RESOURCE_FACTS: Readonly<Record<string, ResourceFacts>> = ${JSON.stringify(resources, null, 2)};
`;

if (check) {
  const current = existsSync(out) ? readFileSync(out, 'utf8') : '';
  if (current !== text) fail(`${out.slice(root.length + 1)} is stale: run npm run generate.`);
  console.log('cfn facts are up to date');
} else {
  writeFileSync(out, text);
  console.log(`wrote ${out.slice(root.length + 1)}`);
}
