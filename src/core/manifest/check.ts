// The rules for aws-workflows.yaml: names, versions, ARNs, logging, tags, KMS, definitions.
// Value-level validators live in src/core/rules (shared with the deploy wizard); this file
// places their problems on the manifest's exact characters and turns their fixes into edits.

import { compareFindings, type Finding, type Fix, type TextEdit } from '../findings';
import { AWS_FACTS } from '../facts/aws.generated';
import { kindFromContent, type DocumentKind } from '../kind';
import { parseArn, regionProblems, roleArnProblems } from '../rules/arns';
import { classifyKmsKeyId, encryptionProblems, kmsKeyIdProblems, type KmsContext } from '../rules/kms';
import { activityNameProblems, imageBuilderVersionProblems, imageBuilderWorkflowNameProblems, mwaaEnvironmentNameProblems, mwaaServerlessWorkflowNameProblems, stateMachineNameProblems } from '../rules/names';
import type { ValueFix, ValueProblem } from '../rules/problem';
import { compiled } from '../rules/problem';
import { tagProblems, type TaggedService } from '../rules/tags';
import { suggest } from '../suggest';
import { ENTRY_FIELDS, SECTIONS, type FieldDef } from './fields';
import { pathEscapeReason } from '../paths';
import { allEntries } from './model';
import type { FileProblem, ActivitySpec, AirflowWorkflowSpec, AnyManifestEntry, FieldRanges, ImageBuilderWorkflowSpec, ManifestCheckContext, ManifestEntry, ManifestEntryKind, ParsedManifest, StateMachineSpec } from './model';

/** Paths whose constraints have dedicated rules (with better messages than a generic pattern). */
const DEDICATED = new Set(['roleArn', 'encryption.type', 'encryption.kmsKeyId', 'encryption.kmsDataKeyReusePeriodSeconds', 'kmsKeyId', 'version', 'logging.logGroupArn', 'definition', 'region', 'tags', 'network.securityGroupIds', 'network.subnetIds']);

const EXPECTED_KIND: Partial<Record<ManifestEntryKind, DocumentKind>> = {
  stateMachine: 'stateMachine',
  imageBuilderWorkflow: 'imageBuilderWorkflow',
  airflowWorkflow: 'airflowWorkflow',
};

const KIND_LABEL: Record<DocumentKind, string> = {
  stateMachine: 'a state machine definition (Amazon States Language)',
  imageBuilderWorkflow: 'an Image Builder workflow document',
  airflowWorkflow: 'an MWAA Serverless workflow (DAG YAML)',
  manifest: 'an aws-workflows.yaml manifest',
  cloudFormationTemplate: 'a CloudFormation or SAM template',
  unknown: 'an unrecognised file',
};

interface KeyArnSighting {
  account: string;
  arn: string;
  where: string;
}

function outsideProblem(path: string, reason: string): ValueProblem {
  return { code: 'manifest/path-outside', severity: 'error', message: `The definition '${path}' is not used: ${reason}. Paths are relative to aws-workflows.yaml and stay inside its folder, so a workspace cannot make the CLI read or upload other files.` };
}

class ManifestChecker {
  readonly out: Finding[] = [];
  private readonly text: string;
  /** Key and alias ARNs by the key ID or alias they name, for the cross-account rule. */
  private readonly keyArns = new Map<string, KeyArnSighting[]>();

  constructor(private readonly parsed: ParsedManifest, private readonly ctx: ManifestCheckContext) {
    this.text = parsed.document.text;
  }

  run(): void {
    const m = this.parsed.manifest;
    this.indexKeyArns();
    const defaultsRegion = m.defaultsFields.region;
    if (m.defaults.region !== undefined && defaultsRegion) this.place(defaultsRegion, m.defaults.region, regionProblems(m.defaults.region));
    for (const e of allEntries(m)) {
      // U+FFFD is what bytes that are not UTF-8 decode to: deployed, the name would be mojibake.
      if (e.name.includes('\uFFFD')) this.out.push({ code: 'manifest/invalid-utf8', severity: 'error', message: `The name '${e.name}' contains bytes that are not UTF-8 (shown as \uFFFD); save aws-workflows.yaml as UTF-8 and retype the name.`, range: e.nameRange });
    }
    for (const e of m.stateMachines) this.guard(e, () => this.stateMachine(e));
    for (const e of m.activities) this.guard(e, () => this.activity(e));
    for (const e of m.imageBuilderWorkflows) this.guard(e, () => this.imageBuilderWorkflow(e));
    this.imageBuilderCaseDuplicates();
    for (const e of m.airflowWorkflows) this.guard(e, () => this.airflowWorkflow(e));
    for (const env of m.airflowEnvironments) {
      for (const p of mwaaEnvironmentNameProblems(env.name)) this.out.push({ code: p.code, severity: p.severity, message: p.message, range: env.range });
      if (env.region !== undefined) for (const p of regionProblems(env.region)) this.out.push({ code: p.code, severity: p.severity, message: p.message, range: env.range });
    }
  }

  /** One entry's bug must not hide the others' findings. */
  private guard(entry: AnyManifestEntry, check: () => void): void {
    try {
      check();
    } catch (e) {
      this.out.push({ code: 'manifest/internal-error', severity: 'warning', message: `'${entry.name}' could not be fully checked: ${e instanceof Error ? e.message : String(e)}.`, range: entry.nameRange });
    }
  }

  private region(entry: AnyManifestEntry): string | undefined {
    return entry.spec.region ?? this.parsed.manifest.defaults.region ?? this.ctx.defaultRegion;
  }

  private indexKeyArns(): void {
    const m = this.parsed.manifest;
    const note = (value: unknown, where: string): void => {
      if (typeof value !== 'string') return;
      const ref = classifyKmsKeyId(value);
      if (!ref?.account) return;
      const list = this.keyArns.get(ref.id) ?? [];
      list.push({ account: ref.account, arn: value, where });
      this.keyArns.set(ref.id, list);
    };
    for (const e of [...m.stateMachines, ...m.activities, ...m.airflowWorkflows]) note(e.spec.encryption?.kmsKeyId, `the key ARN in ${e.name}`);
    for (const e of m.imageBuilderWorkflows) note(e.spec.kmsKeyId, `the key ARN in ${e.name}`);
  }

  private kmsContext(entry: AnyManifestEntry, keyId: unknown, extraArns: { arn?: string; where: string }[]): KmsContext {
    const roleArn = 'roleArn' in entry.spec ? entry.spec.roleArn : undefined;
    const roleAccount = roleArn ? parseArn(roleArn)?.account : undefined;
    const otherAccounts: { account: string; where: string; arn?: string }[] = [];
    for (const x of extraArns) {
      const account = x.arn ? parseArn(x.arn)?.account : undefined;
      if (account && /^\d{12}$/.test(account)) otherAccounts.push({ account, where: x.where });
    }
    if (typeof keyId === 'string') {
      const ref = classifyKmsKeyId(keyId);
      if (ref && !ref.account) for (const s of this.keyArns.get(ref.id) ?? []) otherAccounts.push({ account: s.account, where: s.where, arn: s.arn });
    }
    return { region: this.region(entry), roleAccount, otherAccounts };
  }

  // ---- per kind ----

  private stateMachine(e: ManifestEntry<StateMachineSpec>): void {
    const s = e.spec;
    const logging = s.logging;
    const loggingEnabled = logging?.level !== undefined && logging.level !== 'OFF';
    this.placeName(e, stateMachineNameProblems(e.name, { loggingEnabled }));
    this.common(e, 'stepFunctions');
    if (s.roleArn !== undefined) this.place(e.fields.roleArn, s.roleArn, roleArnProblems(s.roleArn, this.region(e)));
    if (s.versionDescription !== undefined && s.publish !== true) {
      const fixes: ValueFix[] = [];
      if (e.fields.publish) fixes.push({ kind: 'replace', field: 'publish', title: 'Set publish to true', value: 'true', preferred: true });
      fixes.push({ kind: 'remove', field: 'versionDescription', title: 'Remove versionDescription' });
      this.placeIn(e, '', {
        code: 'sfn/version-description-without-publish',
        severity: 'error',
        message: `versionDescription is only allowed with publish: true${s.publish === false ? ' (publish is false)' : ''}; otherwise Step Functions rejects the request.`,
        field: 'versionDescription',
        on: 'key',
        fixes,
      });
    }
    if (logging) {
      if (loggingEnabled && logging.logGroupArn === undefined && e.fields['logging.level']) {
        this.placeIn(e, '', { code: 'sfn/logging-destination-required', severity: 'error', message: `Logging level ${logging.level} needs logging.logGroupArn (the log group's ARN ending in :*); only OFF needs none.`, field: 'logging.level' });
      }
      if (logging.logGroupArn !== undefined) this.logGroupArn(e, logging.logGroupArn);
    }
    if (s.encryption) {
      const ctx = this.kmsContext(e, s.encryption.kmsKeyId, [{ arn: logging?.logGroupArn, where: 'logging.logGroupArn' }]);
      for (const p of encryptionProblems('stepFunctions', s.encryption, ctx)) this.placeIn(e, 'encryption.', p);
    }
  }

  private logGroupArn(e: AnyManifestEntry, value: string): void {
    const arn = parseArn(value);
    const fr = e.fields['logging.logGroupArn'];
    if (!arn || arn.service !== 'logs' || !arn.resource.startsWith('log-group:')) {
      this.place(fr, value, [{ code: 'sfn/log-group-arn-invalid', severity: 'error', message: `'${value}' is not a CloudWatch Logs log group ARN: arn:aws:logs:<region>:<account>:log-group:<name>:*.` }]);
      return;
    }
    if (!value.endsWith(':*')) {
      this.place(fr, value, [{
        code: 'sfn/log-group-arn-suffix',
        severity: 'error',
        message: 'Step Functions needs the log group ARN to end with :* (arn:…:log-group:<name>:*).',
        span: [value.length, value.length],
        fixes: [{ kind: 'append', title: 'Append :*', text: value.endsWith(':') ? '*' : ':*', preferred: true }],
      }]);
    }
  }

  private activity(e: ManifestEntry<ActivitySpec>): void {
    const s = e.spec;
    this.placeName(e, activityNameProblems(e.name));
    this.common(e, 'stepFunctions');
    if (s.encryption) for (const p of encryptionProblems('stepFunctions', s.encryption, this.kmsContext(e, s.encryption.kmsKeyId, []))) this.placeIn(e, 'encryption.', p);
  }

  /**
   * Image Builder keeps one workflow per lowercase name: its build-version ARN's name part is
   * `[a-z0-9-_]+` (model pattern WorkflowBuildVersionArn), so 'Harden' and 'harden' of one type
   * in one region are the same workflow.
   */
  private imageBuilderCaseDuplicates(): void {
    const first = new Map<string, ManifestEntry<ImageBuilderWorkflowSpec>>();
    for (const e of this.parsed.manifest.imageBuilderWorkflows) {
      const key = `${String(e.spec.type ?? '').toUpperCase()}|${this.region(e) ?? ''}|${e.name.toLowerCase()}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, e);
        continue;
      }
      if (earlier.name === e.name) continue; // the same spelling twice is the parser's duplicate-name finding
      this.out.push({
        code: 'manifest/duplicate-name',
        severity: 'error',
        message: `'${e.name}' and '${earlier.name}' are one Image Builder workflow: the service names workflows in lowercase. Rename one of them.`,
        range: e.nameRange,
        related: [{ range: earlier.nameRange, message: `'${earlier.name}' is defined here.` }],
      });
    }
  }

  private imageBuilderWorkflow(e: ManifestEntry<ImageBuilderWorkflowSpec>): void {
    const s = e.spec;
    this.placeName(e, imageBuilderWorkflowNameProblems(e.name));
    this.common(e, 'imageBuilder');
    if (s.version !== undefined) this.place(e.fields.version, s.version, imageBuilderVersionProblems(s.version));
    if (s.kmsKeyId !== undefined) this.place(e.fields.kmsKeyId, s.kmsKeyId, kmsKeyIdProblems('imageBuilder', s.kmsKeyId, this.kmsContext(e, s.kmsKeyId, [])));
  }

  private airflowWorkflow(e: ManifestEntry<AirflowWorkflowSpec>): void {
    const s = e.spec;
    this.placeName(e, mwaaServerlessWorkflowNameProblems(e.name));
    this.common(e, 'mwaaServerless');
    if (s.roleArn !== undefined) this.place(e.fields.roleArn, s.roleArn, roleArnProblems(s.roleArn, this.region(e)));
    if (s.encryption) for (const p of encryptionProblems('mwaaServerless', s.encryption, this.kmsContext(e, s.encryption.kmsKeyId, []))) this.placeIn(e, 'encryption.', p);
    if (s.logGroup !== undefined && s.logGroup.startsWith('arn:')) {
      const name = /:log-group:(.+?)(?::\*)?$/.exec(s.logGroup)?.[1];
      this.place(e.fields.logGroup, s.logGroup, [{
        code: 'mwaa-serverless/log-group-is-arn',
        severity: 'warning',
        message: `logGroup is the log group's name (LoggingConfiguration.LogGroupName), not its ARN${name ? `: ${name}` : ''}.`,
        fixes: name ? [{ kind: 'replace', title: `Change to ${name}`, value: name, preferred: true }] : undefined,
      }]);
    }
    const lists: [string, string[] | undefined, string, string][] = [
      ['network.securityGroupIds', s.network?.securityGroupIds, 'mwaa-serverless/security-group-id-invalid', 'a security group ID (sg-…, lowercase letters and digits)'],
      ['network.subnetIds', s.network?.subnetIds, 'mwaa-serverless/subnet-id-invalid', 'a subnet ID (subnet-…, lowercase letters and digits)'],
    ];
    for (const [path, values, code, what] of lists) {
      const def = fieldDef('airflowWorkflow', path);
      if (!values || def?.type !== 'stringList' || !def.item.pattern) continue;
      values.forEach((v, i) => {
        if (!compiled(def.item.pattern!).test(v)) this.place(e.fields[`${path}.${i}`], v, [{ code, severity: 'error', message: `'${v}' is not ${what}.` }]);
      });
    }
    if (!this.parsed.manifest.defaults.definitionBucket) {
      this.out.push({ code: 'mwaa-serverless/definition-bucket-missing', severity: 'warning', message: `MWAA Serverless reads workflows from S3: set defaults.definitionBucket so '${e.name}' can be uploaded.`, range: e.nameRange });
    }
  }

  /** Rules every kind shares: region, tags, enums and lengths from the field table, the definition file. */
  private common(e: AnyManifestEntry, service: TaggedService): void {
    const spec = e.spec as Record<string, unknown>;
    if (typeof spec.region === 'string' && e.fields.region) this.place(e.fields.region, spec.region, regionProblems(spec.region));
    if (spec.tags && typeof spec.tags === 'object') {
      for (const p of tagProblems(service, spec.tags as Record<string, string>)) {
        if (p.field === undefined) this.placeIn(e, '', { ...p, field: 'tags', on: 'key' });
        else this.placeIn(e, 'tags.', p);
      }
    }
    this.generic(e, ENTRY_FIELDS[e.kind], spec, '');
    if (typeof spec.definition === 'string') this.definition(e, spec.definition);
  }

  private generic(e: AnyManifestEntry, defs: Record<string, FieldDef>, values: Record<string, unknown>, prefix: string): void {
    for (const key in values) {
      const def = defs[key];
      const path = prefix + key;
      const value = values[key];
      if (!def || value === undefined || DEDICATED.has(path)) continue;
      const fr = e.fields[path];
      if (!fr) continue;
      if (def.type === 'object' && typeof value === 'object' && value !== null) {
        this.generic(e, def.fields, value as Record<string, unknown>, `${path}.`);
      } else if (def.type === 'string' && typeof value === 'string') {
        if (def.enum && !def.enum.includes(value)) {
          const suggestion = suggest(value, def.enum) ?? (def.enum.includes(value.toUpperCase()) ? value.toUpperCase() : undefined);
          this.place(fr, value, [{
            code: 'manifest/invalid-enum',
            severity: 'error',
            message: `'${value}' is not a valid ${key}: use ${def.enum.join(', ')}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
            fixes: suggestion ? [{ kind: 'replace', title: `Change to ${suggestion}`, value: suggestion, preferred: true }] : undefined,
          }]);
        } else {
          const n = codePointLength(value);
          if ((def.minLength !== undefined && n < def.minLength) || (def.maxLength !== undefined && n > def.maxLength)) {
            this.place(fr, value, [{ code: 'manifest/value-length', severity: 'error', message: `${key} is ${n} characters long; it must have ${def.minLength ?? 0}–${def.maxLength ?? '∞'} characters.` }]);
          } else if (def.pattern && /[\n\r]/.test(value) && !compiled(def.pattern).test(value)) {
            // The model's `.+` (MWAA Serverless Description): one line only.
            this.place(fr, value, [{ code: 'manifest/line-break', severity: 'error', message: `${key} cannot contain a line break: the service takes it on one line (pattern ${def.pattern}). Write it on one line, or as a folded scalar (>-).` }]);
          }
        }
      } else if (def.type === 'integer' && typeof value === 'number' && def.enum && !def.enum.includes(value)) {
        this.place(fr, String(value), [{
          code: 'manifest/invalid-enum',
          severity: 'error',
          message: `${key} ${value} is not supported: use ${def.enum.join(' or ')}.`,
          fixes: def.enum.length === 1 ? [{ kind: 'replace', title: `Change to ${def.enum[0]}`, value: String(def.enum[0]), preferred: true }] : undefined,
        }], true);
      }
    }
  }

  private definition(e: AnyManifestEntry, path: string): void {
    const fr = e.fields.definition;
    if (!fr) return;
    if (path.trim() === '') return;
    const escape = pathEscapeReason(path);
    if (escape) {
      this.place(fr, path, [outsideProblem(path, escape)]);
      return;
    }
    let exists: boolean;
    let problem: FileProblem | undefined;
    try {
      exists = this.ctx.fileExists(path);
      problem = exists ? this.ctx.fileProblem?.(path) : undefined;
    } catch {
      return;
    }
    if (problem) {
      this.place(fr, path, [problem.outside ? outsideProblem(path, problem.reason) : { code: 'manifest/definition-unreadable', severity: 'error', message: `The definition '${path}' cannot be read: ${problem.reason}.` }]);
      return;
    }
    if (!exists) {
      this.place(fr, path, [{ code: 'manifest/definition-not-found', severity: 'error', message: `The definition file '${path}' does not exist (paths are relative to aws-workflows.yaml).` }]);
      return;
    }
    const expected = EXPECTED_KIND[e.kind];
    if (!expected || !this.ctx.readFile) return;
    let content: string | undefined;
    try {
      content = this.ctx.readFile(path);
    } catch {
      return;
    }
    if (content === undefined) return;
    const actual = kindFromContent(content);
    if (actual !== 'unknown' && actual !== expected) {
      const section = SECTIONS.find((s) => s.kind === e.kind);
      this.place(fr, path, [{ code: 'manifest/definition-kind-mismatch', severity: 'error', message: `'${path}' looks like ${KIND_LABEL[actual]}, but ${section?.section ?? 'this section'} expects ${KIND_LABEL[expected]}.` }]);
    }
    const inlineMax = AWS_FACTS.imagebuilder.inlineData.max;
    if (e.kind === 'imageBuilderWorkflow' && content.length > inlineMax && !this.parsed.manifest.defaults.definitionBucket) {
      this.place(fr, path, [{ code: 'imagebuilder/definition-bucket-missing', severity: 'warning', message: `'${path}' has ${content.length} characters, more than the ${inlineMax} Image Builder takes inline, so it is uploaded to S3: set defaults.definitionBucket.` }]);
    }
  }

  // ---- placing problems on the text ----

  private placeName(e: AnyManifestEntry, problems: ValueProblem[]): void {
    if (problems.length === 0) return;
    const lines = this.parsed.document.lines;
    const keyStart = lines.offsetAt(e.nameRange.start);
    const keyEnd = lines.offsetAt(e.nameRange.end);
    const fr: FieldRanges = { keyStart, keyEnd, valueStart: keyStart, valueEnd: keyEnd, keyRange: e.nameRange, valueRange: e.nameRange };
    this.place(fr, e.name, problems);
  }

  /** Places a problem whose `field` is relative to `prefix` inside the entry. */
  private placeIn(e: AnyManifestEntry, prefix: string, p: ValueProblem): void {
    const path = prefix + (p.field ?? '');
    const fr = e.fields[path] ?? e.fields[prefix.replace(/\.$/, '')];
    if (!fr) {
      this.out.push({ code: p.code, severity: p.severity, message: p.message, range: e.nameRange });
      return;
    }
    const fixes = p.fixes?.map((f) => this.toFix(f, (field) => e.fields[field === undefined ? path : prefix + field], fr)).filter((f): f is Fix => f !== undefined);
    const value = (p.on ?? 'value') === 'key' ? unquote(this.text.slice(fr.keyStart, fr.keyEnd)) : unquote(this.text.slice(fr.valueStart, fr.valueEnd));
    this.out.push(this.finding(fr, p, fixes, value));
  }

  /** Places problems about one value (or the field itself when `on: 'key'`). */
  private place(fr: FieldRanges | undefined, value: string, problems: ValueProblem[], raw = false): void {
    if (!fr) return;
    for (const p of problems) {
      const fixes = p.fixes?.map((f) => this.toFix(f, () => fr, fr, raw)).filter((f): f is Fix => f !== undefined);
      this.out.push(this.finding(fr, p, fixes, value));
    }
  }

  private finding(fr: FieldRanges, p: ValueProblem, fixes: Fix[] | undefined, value?: string): Finding {
    const onKey = p.on === 'key';
    const start = onKey ? fr.keyStart : fr.valueStart;
    const end = onKey ? fr.keyEnd : fr.valueEnd;
    let range = onKey ? fr.keyRange : fr.valueRange;
    if (p.span && value !== undefined) {
      // Narrow to the offending characters when the source spells the value literally.
      const quote = this.text[start] === '"' || this.text[start] === "'" ? 1 : 0;
      if (this.text.slice(start + quote, start + quote + value.length) === value && end - start >= value.length + 2 * quote) {
        range = this.parsed.document.lines.range(start + quote + p.span[0], start + quote + p.span[1]);
      }
    }
    const f: Finding = { code: p.code, severity: p.severity, message: p.message, range };
    if (fixes && fixes.length > 0) f.fixes = fixes;
    return f;
  }

  private toFix(fix: ValueFix, fieldOf: (field: string | undefined) => FieldRanges | undefined, self: FieldRanges, raw = false): Fix | undefined {
    const fr = fieldOf(fix.field) ?? (fix.field === undefined ? self : undefined);
    if (!fr) return undefined;
    let edit: TextEdit;
    const lines = this.parsed.document.lines;
    if (fix.kind === 'remove') {
      const [s, e] = removalSpan(this.text, fr);
      edit = { range: lines.range(s, e), newText: '' };
    } else if (fix.kind === 'append') {
      const closing = this.text[fr.valueEnd - 1];
      const quoted = (closing === '"' || closing === "'") && this.text[fr.valueStart] === closing && fr.valueEnd - fr.valueStart >= 2;
      const at = quoted ? fr.valueEnd - 1 : fr.valueEnd;
      edit = { range: lines.range(at, at), newText: fix.text };
    } else {
      const original = this.text.slice(fr.valueStart, fr.valueEnd);
      // Numbers and booleans go in as written; everything else as a YAML string.
      const isRaw = raw || fix.field === 'kmsDataKeyReusePeriodSeconds' || fix.field === 'publish';
      edit = { range: lines.range(fr.valueStart, fr.valueEnd), newText: isRaw ? fix.value : yamlScalar(fix.value, original) };
    }
    return { title: fix.title, edits: [edit], preferred: fix.preferred };
  }
}

function codePointLength(s: string): number {
  // Only strings with surrogate pairs count differently from their UTF-16 length.
  if (!/[\uD800-\uDBFF]/.test(s)) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function unquote(source: string): string {
  const q = source[0];
  return (q === '"' || q === "'") && source.endsWith(q) && source.length >= 2 ? source.slice(1, -1) : source;
}

function fieldDef(kind: ManifestEntryKind, path: string): FieldDef | undefined {
  let defs: Record<string, FieldDef> | undefined = ENTRY_FIELDS[kind];
  let def: FieldDef | undefined;
  for (const part of path.split('.')) {
    def = defs?.[part];
    defs = def?.type === 'object' ? def.fields : undefined;
  }
  return def;
}

/** A YAML scalar for `value`, keeping the original's quoting style. */
export function yamlScalar(value: string, original: string): string {
  if (original.startsWith('"')) return JSON.stringify(value);
  if (original.startsWith("'")) return `'${value.replace(/'/g, "''")}'`;
  const plainSafe = /^[A-Za-z0-9_./@$-][^,[\]{}#&*!|>'"%@`]*$/.test(value) && !/:\s|\s#|\s$/.test(value) && !/^(true|false|null|~|yes|no|on|off|y|n)$/i.test(value) && !/^[-+]?(\d[\d_]*(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(value);
  return plainSafe ? value : JSON.stringify(value);
}

/** The text to delete to remove a field: its whole line(s) in block style, `key: value, ` in flow style. */
export function removalSpan(text: string, fr: FieldRanges): [number, number] {
  const lineStart = text.lastIndexOf('\n', fr.keyStart - 1) + 1;
  let lineEnd = text.indexOf('\n', fr.valueEnd);
  if (lineEnd < 0) lineEnd = text.length;
  if (/^[ \t]*$/.test(text.slice(lineStart, fr.keyStart)) && /^[ \t]*(#.*)?\r?$/.test(text.slice(fr.valueEnd, lineEnd))) {
    return [lineStart, Math.min(lineEnd + 1, text.length)];
  }
  let end = fr.valueEnd;
  while (text[end] === ' ' || text[end] === '\t') end++;
  if (text[end] === ',') {
    end++;
    while (text[end] === ' ' || text[end] === '\t') end++;
    return [fr.keyStart, end];
  }
  let start = fr.keyStart;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  if (text[start - 1] === ',') return [start - 1, fr.valueEnd];
  return [fr.keyStart, fr.valueEnd];
}

/**
 * The rule findings for a parsed manifest. Parse and shape findings are not repeated here: they
 * are in `parsed.findings` (callers show `[...parsed.findings, ...checkManifest(parsed, ctx)]`).
 */
export function checkManifest(parsed: ParsedManifest, ctx: ManifestCheckContext): Finding[] {
  const checker = new ManifestChecker(parsed, ctx);
  try {
    checker.run();
  } catch (e) {
    checker.out.push({ code: 'manifest/internal-error', severity: 'warning', message: `aws-workflows.yaml could not be fully checked: ${e instanceof Error ? e.message : String(e)}.`, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
  }
  return checker.out.sort(compareFindings);
}
