// Reads the service models in ../shared/reference/aws-models and extracts the rule facts the
// manifest checks need: patterns, lengths, enums, numeric ranges and list limits. Shared by
// generate-facts.mjs (TypeScript tables) and generate-manifest-schema.mjs (JSON Schema), so no
// pattern is written twice. Where a model states a rule only in prose (Step Functions names and
// tags, Image Builder version nodes), the prose is parsed here and the script fails loudly if
// the wording changes.

import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repoRoot = resolve(here, '..', '..');

export function referenceDir() {
  const candidates = [process.env.WORKFLOWS_REFERENCE_DIR, resolve(repoRoot, '..', 'shared', 'reference'), resolve(repoRoot, 'reference')].filter(Boolean);
  const found = candidates.find((dir) => existsSync(join(dir, 'aws-models')));
  if (!found) throw new Error(`No aws-models folder found (looked in ${candidates.join(', ')}). Set WORKFLOWS_REFERENCE_DIR.`);
  return found;
}

const MODEL_FILES = { sfn: 'stepfunctions.json', imagebuilder: 'imagebuilder.json', mwaa: 'mwaa.json', mwaaServerless: 'mwaa-serverless.json' };

function fail(message) {
  throw new Error(`aws-facts: ${message}`);
}

/** Smithy/botocore patterns are not anchored; every rule here means the whole value. */
export function anchor(pattern) {
  if (pattern === undefined) return undefined;
  const starts = pattern.startsWith('^');
  const ends = pattern.endsWith('$') && !pattern.endsWith('\\$');
  if (starts && ends) return pattern;
  return `^(?:${pattern.slice(starts ? 1 : 0, ends ? -1 : undefined)})$`;
}

function checkRegex(pattern, where) {
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    fail(`${where}: pattern ${pattern} is not a valid JavaScript regular expression (${e.message})`);
  }
  return pattern;
}

function stripHtml(html) {
  return (html ?? '').replace(/<[^>]+>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/\s+/g, ' ').trim();
}

class Model {
  constructor(name, file, json) {
    this.name = name;
    this.file = file;
    this.json = json;
    this.shapes = json.shapes;
  }
  shape(name) {
    return this.shapes[name] ?? fail(`${this.file}: no shape ${name}`);
  }
  member(structure, member) {
    const s = this.shape(structure);
    const m = s.members?.[member] ?? fail(`${this.file}: ${structure} has no member ${member}`);
    return { ...m, target: this.shape(m.shape), required: (s.required ?? []).includes(member) };
  }
  /** A string constraint: {min?, max?, pattern?} (anchored, validated). */
  string(structure, member) {
    const { target, shape } = this.member(structure, member);
    if (target.type !== 'string') fail(`${this.file}: ${structure}.${member} is ${target.type}, not string`);
    const out = {};
    if (target.min !== undefined) out.min = target.min;
    if (target.max !== undefined) out.max = target.max;
    if (target.pattern !== undefined && target.pattern !== '.*') out.pattern = checkRegex(anchor(target.pattern), `${this.file} ${shape}`);
    if (target.enum) out.enum = [...target.enum];
    return out;
  }
  /** Constraints of a list shape's member. */
  listMember(listShape) {
    const list = this.shape(listShape);
    if (list.type !== 'list') fail(`${this.file}: ${listShape} is not a list`);
    return constraint(this.shape(list.member.shape), this.file);
  }
  enum(structure, member) {
    const { target, shape } = this.member(structure, member);
    return target.enum ? [...target.enum] : fail(`${this.file}: ${shape} has no enum`);
  }
  range(structure, member) {
    const { target } = this.member(structure, member);
    return { min: target.min, max: target.max };
  }
  doc(structure, member) {
    return stripHtml(this.member(structure, member).documentation);
  }
  /** Tag limits: a map shape (count, key/value constraints) or a list of {key, value}. */
  tags(structure, member) {
    const { target } = this.member(structure, member);
    if (target.type === 'map') {
      const key = this.shape(target.key.shape);
      const value = this.shape(target.value.shape);
      // A map with min 1 refuses `{}` (Image Builder's TagMap); min 0 says nothing.
      return { ...(target.min ? { minCount: target.min } : {}), maxCount: target.max, key: constraint(key, this.file), value: constraint(value, this.file) };
    }
    if (target.type === 'list') {
      const tag = this.shape(target.member.shape);
      const key = this.shape(tag.members.key.shape);
      const value = this.shape(tag.members.value.shape);
      return { maxCount: target.max, key: constraint(key, this.file), value: constraint(value, this.file) };
    }
    return fail(`${this.file}: ${structure}.${member} is not a tag map or list`);
  }
}

function constraint(shape, file) {
  const out = {};
  if (shape.min !== undefined) out.min = shape.min;
  if (shape.max !== undefined) out.max = shape.max;
  if (shape.pattern !== undefined && shape.pattern !== '.*') out.pattern = checkRegex(anchor(shape.pattern), file);
  return out;
}

/** Characters a Step Functions name must not contain, read from the name's documentation. */
function sfnNameRules(doc, file) {
  const m = /must not contain: (.*?) To enable logging with CloudWatch Logs, the name should only contain ([^.]*)\./.exec(doc);
  if (!m) fail(`${file}: the Step Functions name documentation changed; update sfnNameRules`);
  const list = m[1];
  const chars = new Set();
  // "brackets < > { } [ ]", "wildcard characters ? *", "special characters " # % \ ^ | ~ ` $ & , ; : /"
  for (const group of list.matchAll(/(?:brackets|wildcard characters|special characters) ((?:\S )*?\S)(?= control| wildcard| special| white|$)/g)) {
    for (const ch of group[1].split(' ')) if (ch.length === 1) chars.add(ch);
  }
  // "U+0000-001F", "U+D800-DFFF", and single code points such as "U+10FFFF".
  const ranges = [...list.matchAll(/U\+([0-9A-F]{4,6})(?:-([0-9A-F]{4,6}))?/g)].map((r) => [parseInt(r[1], 16), parseInt(r[2] ?? r[1], 16)]);
  const inClass = ([a, b]) => b <= 0xffff && (b < 0xd800 || a > 0xdfff);
  if (chars.size < 15 || ranges.length < 3 || !/white space/.test(list)) fail(`${file}: could not read the forbidden characters from the Step Functions name documentation`);
  const esc = (c) => (/[\\\]^[-]/.test(c) ? `\\${c}` : c);
  const hex = (n) => `\\u${n.toString(16).padStart(4, '0')}`;
  const forbiddenClass = `[\\s${[...chars].map(esc).join('')}${ranges.filter(inClass).map(([a, b]) => `${hex(a)}-${hex(b)}`).join('')}]`;
  checkRegex(forbiddenClass, 'sfn name');
  // The logging-safe set is stated as "0-9, A-Z, a-z, - and _".
  const safe = m[2].split(/,\s*|\s+and\s+/).map((s) => s.trim()).filter(Boolean);
  if (!safe.includes('0-9') || !safe.includes('A-Z') || !safe.includes('a-z')) fail(`${file}: the logging-safe character list changed`);
  const safeClass = `[${safe.map((s) => (s.length === 1 ? esc(s) : s)).join('')}]`;
  return {
    forbiddenCharacters: [...chars].join(''),
    forbiddenPattern: forbiddenClass,
    // Surrogates and code points past U+FFFF are checked by code point: a character class for them
    // needs the regex 'u' flag, which the JSON schema's copy of forbiddenPattern cannot count on.
    forbiddenCodePoints: ranges.filter((r) => !inClass(r)),
    loggingSafePattern: `^${safeClass}+$`,
    loggingSafeDescription: m[2].trim(),
    forbiddenDescription: list,
  };
}

function sfnTagCharacters(doc, file) {
  const m = /Tags may only contain Unicode letters, digits, white space, or these symbols: ((?:\S ?)+)\./.exec(doc);
  if (!m) fail(`${file}: the Step Functions tag documentation changed`);
  const symbols = m[1].split(' ').filter((s) => s.length === 1);
  const esc = (c) => (/[\\\]^[-]/.test(c) ? `\\${c}` : c);
  return { pattern: checkRegex(`^[\\p{L}\\p{N}\\s${symbols.map(esc).join('')}]*$`, 'sfn tags'), symbols: symbols.join(' ') };
}

function partitionsFrom(rolePattern) {
  const m = /arn:aws\(\?:-\(\?:([a-z|-]+)\)\)\?/.exec(rolePattern);
  if (!m) fail(`IAM role pattern ${rolePattern} does not list partitions`);
  return ['aws', ...m[1].split('|').map((p) => `aws-${p}`)];
}

function sha(text) {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

export function loadFacts() {
  const dir = referenceDir();
  const models = {};
  const sources = {};
  for (const [key, file] of Object.entries(MODEL_FILES)) {
    const text = readFileSync(join(dir, 'aws-models', file), 'utf8');
    models[key] = new Model(key, file, JSON.parse(text));
    sources[file] = { apiVersion: models[key].json.metadata.apiVersion, sha256: sha(text) };
  }
  const apiFacts = existsSync(join(dir, 'api-facts.md')) ? readFileSync(join(dir, 'api-facts.md'), 'utf8') : '';
  const commit = /botocore commit ([0-9a-f]{7,40}),?\s+([0-9]{4}-[0-9]{2}-[0-9]{2})?/.exec(apiFacts);
  const { sfn, imagebuilder: ib, mwaa, mwaaServerless: ms } = models;

  const sfnName = sfn.string('CreateStateMachineInput', 'name');
  const activityName = sfn.string('CreateActivityInput', 'name');
  const semverDoc = ib.doc('CreateWorkflowRequest', 'semanticVersion');
  const nodeMax = /upper limit of [^,]*, or (\d+) for each node/.exec(semverDoc);
  if (!nodeMax) fail('imagebuilder.json: the semanticVersion documentation no longer states the node limit');
  const ibKmsDoc = ib.doc('CreateWorkflowRequest', 'kmsKeyId');
  const ibKmsForms = /either the Key ARN or the Alias ARN/i.test(ibKmsDoc) ? ['keyArn', 'aliasArn'] : ['keyId', 'multiRegionKeyId', 'keyArn', 'aliasName', 'aliasArn'];
  const engineDoc = ms.doc('CreateWorkflowRequest', 'EngineVersion');
  const engineVersions = [...engineDoc.matchAll(/supports version (\d+)/g)].map((m) => Number(m[1]));
  if (engineVersions.length === 0) fail('mwaa-serverless.json: EngineVersion documentation no longer names the supported versions');
  const msRole = ms.string('CreateWorkflowRequest', 'RoleArn');
  const sfnKmsDoc = sfn.doc('EncryptionConfiguration', 'kmsKeyId');

  const facts = {
    sfn: {
      stateMachineName: { ...sfnName, ...sfnNameRules(sfn.doc('CreateStateMachineInput', 'name'), sfn.file) },
      activityName: { ...activityName, ...sfnNameRules(sfn.doc('CreateActivityInput', 'name'), sfn.file) },
      roleArn: sfn.string('CreateStateMachineInput', 'roleArn'),
      stateMachineType: sfn.enum('CreateStateMachineInput', 'type'),
      definition: sfn.string('CreateStateMachineInput', 'definition'),
      versionDescription: sfn.string('CreateStateMachineInput', 'versionDescription'),
      encryptionType: sfn.enum('EncryptionConfiguration', 'type'),
      kmsKeyId: { ...sfn.string('EncryptionConfiguration', 'kmsKeyId'), crossAccountNeedsArn: /different Amazon Web Services account, you must use the key ARN or alias ARN/.test(sfnKmsDoc) },
      kmsDataKeyReusePeriodSeconds: sfn.range('EncryptionConfiguration', 'kmsDataKeyReusePeriodSeconds'),
      logLevel: sfn.enum('LoggingConfiguration', 'level'),
      logGroupArn: { ...sfn.string('CloudWatchLogsLogGroup', 'logGroupArn'), mustEndWith: /must end with :\*/.test(sfn.doc('CloudWatchLogsLogGroup', 'logGroupArn')) ? ':*' : fail('logGroupArn doc changed') },
      tags: { ...sfn.tags('CreateStateMachineInput', 'tags'), ...{ characters: sfnTagCharacters(sfn.doc('CreateStateMachineInput', 'tags'), sfn.file) } },
    },
    imagebuilder: {
      workflowName: ib.string('CreateWorkflowRequest', 'name'),
      semanticVersion: { ...ib.string('CreateWorkflowRequest', 'semanticVersion'), nodeMax: Number(nodeMax[1]) },
      workflowType: ib.enum('CreateWorkflowRequest', 'type'),
      description: ib.string('CreateWorkflowRequest', 'description'),
      changeDescription: ib.string('CreateWorkflowRequest', 'changeDescription'),
      kmsKeyId: { ...ib.string('CreateWorkflowRequest', 'kmsKeyId'), forms: ibKmsForms },
      inlineData: ib.string('CreateWorkflowRequest', 'data'),
      tags: ib.tags('CreateWorkflowRequest', 'tags'),
    },
    mwaa: {
      environmentName: mwaa.string('CreateEnvironmentInput', 'Name'),
      executionRoleArn: mwaa.string('CreateEnvironmentInput', 'ExecutionRoleArn'),
      kmsKey: mwaa.string('CreateEnvironmentInput', 'KmsKey'),
      tags: mwaa.tags('CreateEnvironmentInput', 'Tags'),
    },
    mwaaServerless: {
      workflowName: ms.string('CreateWorkflowRequest', 'Name'),
      roleArn: msRole,
      description: ms.string('CreateWorkflowRequest', 'Description'),
      engineVersions,
      encryptionType: ms.enum('EncryptionConfiguration', 'Type'),
      kmsKeyId: ms.string('EncryptionConfiguration', 'KmsKeyId'),
      logGroupName: ms.string('LoggingConfiguration', 'LogGroupName'),
      securityGroupId: { ...ms.listMember('SecurityGroupIds'), maxCount: ms.shape('SecurityGroupIds').max },
      subnetId: { ...ms.listMember('SubnetIds'), maxCount: ms.shape('SubnetIds').max },
      triggerMode: ms.string('CreateWorkflowRequest', 'TriggerMode'),
      tags: ms.tags('CreateWorkflowRequest', 'Tags'),
      clientToken: ms.string('CreateWorkflowRequest', 'ClientToken'),
    },
    iam: {
      // The strictest role ARN pattern among the models (partition-aware), used for every service.
      roleArnPattern: msRole.pattern,
      partitions: partitionsFrom(msRole.pattern),
    },
  };
  return { facts, sources, modelCommit: commit ? `botocore ${commit[1]}${commit[2] ? ` (${commit[2]})` : ''}` : 'unknown', referenceDir: dir };
}

/**
 * StartExecution's name and input limits, for src/core/facts/execution.generated.ts: a module of its
 * own because only Start Execution (loaded on first use) reads them, and aws.generated.ts loads at activation.
 */
export function loadExecutionFacts() {
  const file = MODEL_FILES.sfn;
  const text = readFileSync(join(referenceDir(), 'aws-models', file), 'utf8');
  const sfn = new Model('sfn', file, JSON.parse(text));
  return {
    source: `${file} (API ${sfn.json.metadata.apiVersion}, sha256 ${sha(text)})`,
    facts: {
      executionName: { ...sfn.string('StartExecutionInput', 'name'), ...sfnNameRules(sfn.doc('StartExecutionInput', 'name'), file) },
      executionInput: sfn.string('StartExecutionInput', 'input'),
    },
  };
}
