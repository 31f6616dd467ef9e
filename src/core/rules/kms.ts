// KMS settings wherever they appear: encryption types per service, customer-managed keys, the
// data key reuse period, and the five key identifier forms. Used by the manifest checks and by
// the deploy wizard (validateKmsKeyId & co. for its input boxes).
//
// Cross-account rule (kms/cross-account-needs-arn): a bare key ID or alias name is resolved in
// the account that owns the resource, which is the account of the entry's roleArn (Step
// Functions and MWAA Serverless pass the role within their own account). When the role's account
// is known and another ARN in the same entry (such as logging.logGroupArn), or a key ARN / alias
// ARN naming the same key or alias elsewhere in the manifest, is in a different account, the key
// may live in that other account, and then only a key ARN or alias ARN reaches it: warn. A key
// ARN or alias ARN in another account than the role's is accepted as written.

import { AWS_FACTS } from '../facts/aws.generated';
import { suggest } from '../suggest';
import { partitionOfRegion, PARTITIONS, REGION_PATTERN } from './arns';
import type { RuleDoc } from './ruleDoc';
import { firstError, withArticle, type ValueFix, type ValueProblem } from './problem';

export type KmsService = 'stepFunctions' | 'mwaaServerless' | 'imageBuilder';
export type KmsKeyForm = 'keyId' | 'multiRegionKeyId' | 'keyArn' | 'aliasArn' | 'aliasName';

export interface KmsKeyRef {
  form: KmsKeyForm;
  /** The key ID or alias name (`alias/…`) the identifier names. */
  id: string;
  partition?: string;
  region?: string;
  account?: string;
  /** Offsets of the region and account inside the identifier, for precise ranges. */
  regionSpan?: [number, number];
}

const F = AWS_FACTS;
const KEY_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MRK_ID = /^mrk-[0-9a-f]{32}$/i;
const ALIAS_NAME = /^alias\/[a-zA-Z0-9/_-]{1,250}$/;
const KMS_ARN = /^arn:([a-z-]+):kms:([a-z0-9-]+):([0-9]{12}):(key|alias)\/(.+)$/;

export const KMS_FORM_LABEL: Record<KmsKeyForm, string> = {
  keyId: 'key ID',
  multiRegionKeyId: 'multi-Region key ID',
  keyArn: 'key ARN',
  aliasName: 'alias name',
  aliasArn: 'alias ARN',
};

/** Which form a key identifier has; undefined when it is none of the five. */
export function classifyKmsKeyId(value: string): KmsKeyRef | undefined {
  if (KEY_ID.test(value)) return { form: 'keyId', id: value };
  if (MRK_ID.test(value)) return { form: 'multiRegionKeyId', id: value };
  if (ALIAS_NAME.test(value)) return { form: 'aliasName', id: value };
  const m = KMS_ARN.exec(value);
  if (!m || !PARTITIONS.includes(m[1]) || !REGION_PATTERN.test(m[2])) return undefined;
  const regionStart = `arn:${m[1]}:kms:`.length;
  const ref = { partition: m[1], region: m[2], account: m[3], regionSpan: [regionStart, regionStart + m[2].length] as [number, number] };
  if (m[4] === 'key' && (KEY_ID.test(m[5]) || MRK_ID.test(m[5]))) return { form: 'keyArn', id: m[5], ...ref };
  if (m[4] === 'alias' && ALIAS_NAME.test(`alias/${m[5]}`)) return { form: 'aliasArn', id: `alias/${m[5]}`, ...ref };
  return undefined;
}

interface ServiceKms {
  label: string;
  /** Encryption types; undefined where the service has only a key (Image Builder). */
  types?: readonly string[];
  customerType?: string;
  defaultType?: string;
  forms: readonly KmsKeyForm[];
  maxLength?: number;
  reusePeriod?: { min: number; max: number };
}

const ALL_FORMS: readonly KmsKeyForm[] = ['keyId', 'multiRegionKeyId', 'keyArn', 'aliasName', 'aliasArn'];

export const KMS_RULES_BY_SERVICE: Record<KmsService, ServiceKms> = {
  stepFunctions: {
    label: 'Step Functions',
    types: F.sfn.encryptionType,
    customerType: F.sfn.encryptionType.find((t) => t.startsWith('CUSTOMER')),
    defaultType: F.sfn.encryptionType.find((t) => !t.startsWith('CUSTOMER')),
    forms: ALL_FORMS,
    maxLength: F.sfn.kmsKeyId.max,
    reusePeriod: { min: F.sfn.kmsDataKeyReusePeriodSeconds.min, max: F.sfn.kmsDataKeyReusePeriodSeconds.max },
  },
  mwaaServerless: {
    label: 'MWAA Serverless',
    types: F.mwaaServerless.encryptionType,
    customerType: F.mwaaServerless.encryptionType.find((t) => t.startsWith('CUSTOMER')),
    defaultType: F.mwaaServerless.encryptionType.find((t) => !t.startsWith('CUSTOMER')),
    forms: ALL_FORMS,
  },
  imageBuilder: {
    label: 'Image Builder',
    forms: F.imagebuilder.kmsKeyId.forms as readonly KmsKeyForm[],
    maxLength: F.imagebuilder.kmsKeyId.max,
  },
};

export const DEFAULT_REUSE_PERIOD_SECONDS = 300;

export interface KmsContext {
  /** The Region the resource is deployed to. */
  region?: string;
  /** The account of the entry's roleArn, when it has one. */
  roleAccount?: string;
  /** Accounts seen in the entry's other ARNs, and in ARNs for the same key or alias elsewhere. */
  otherAccounts?: readonly { account: string; where: string; arn?: string }[];
}

export function kmsKeyIdProblems(service: KmsService, value: string, ctx: KmsContext = {}): ValueProblem[] {
  const rules = KMS_RULES_BY_SERVICE[service];
  if (rules.maxLength !== undefined && value.length > rules.maxLength) {
    return [{ code: 'kms/invalid-key-id', severity: 'error', message: `The KMS key identifier is ${value.length} characters long; ${rules.label} allows ${rules.maxLength}.` }];
  }
  const ref = classifyKmsKeyId(value);
  if (!ref) return [invalidKeyId(value)];
  const out: ValueProblem[] = [];
  if (/^alias\/aws\//.test(ref.id)) {
    out.push({
      code: 'kms/aws-managed-alias',
      severity: 'error',
      message: `'${ref.id}' is an AWS managed key, and AWS managed keys cannot be used as customer managed keys. Create a customer managed key (or use the service's ${rules.defaultType ?? 'default'} encryption).`,
      span: ref.form === 'aliasArn' ? [value.indexOf(':alias/') + 1, value.length] : [0, value.length],
    });
  }
  if (!rules.forms.includes(ref.form)) {
    out.push({
      code: 'kms/key-form-unsupported',
      severity: 'warning',
      message: `${rules.label} takes the KMS key as ${rules.forms.map((f) => withArticle(KMS_FORM_LABEL[f])).join(' or ')}, not ${withArticle(KMS_FORM_LABEL[ref.form])}: write arn:aws:kms:<region>:<account>:${ref.form === 'aliasName' ? ref.id : `key/${ref.id}`}.`,
    });
  }
  if (ref.region && ctx.region && REGION_PATTERN.test(ctx.region)) {
    if (ref.region !== ctx.region) {
      out.push({
        code: 'kms/region-mismatch',
        severity: 'error',
        message: `The KMS key is in ${ref.region} but the resource is deployed to ${ctx.region}: a KMS key can only be used in its own Region.`,
        span: ref.regionSpan,
      });
    } else if (ref.partition && ref.partition !== partitionOfRegion(ctx.region)) {
      out.push({ code: 'arn/partition-mismatch', severity: 'error', message: `The key ARN is in partition '${ref.partition}' but ${ctx.region} is in '${partitionOfRegion(ctx.region)}'.`, span: [4, 4 + ref.partition.length] });
    }
  }
  if ((ref.form === 'keyId' || ref.form === 'multiRegionKeyId' || ref.form === 'aliasName') && ctx.roleAccount) {
    const other = ctx.otherAccounts?.find((o) => o.account !== ctx.roleAccount);
    if (other) {
      const fixes: ValueFix[] | undefined = other.arn ? [{ kind: 'replace', title: `Use ${other.arn}`, value: other.arn }] : undefined;
      out.push({
        code: 'kms/cross-account-needs-arn',
        severity: 'warning',
        message: `'${value}' is looked up in account ${ctx.roleAccount} (the role's), but ${other.where} is in account ${other.account}. A key in another account must be given as a key ARN or alias ARN.`,
        fixes,
      });
    }
  }
  return out;
}

function invalidKeyId(value: string): ValueProblem {
  const base = `'${value}' is not a KMS key identifier: use a key ID (1234abcd-12ab-34cd-56ef-1234567890ab), a multi-Region key ID (mrk-…), a key ARN, an alias name (alias/…) or an alias ARN.`;
  if (/^[a-zA-Z0-9/_-]+$/.test(value) && !value.startsWith('alias/') && !KEY_ID.test(value) && !/^mrk-/i.test(value)) {
    const fixed = `alias/${value}`;
    return { code: 'kms/invalid-key-id', severity: 'error', message: `${base} Did you mean the alias '${fixed}'?`, fixes: [{ kind: 'replace', title: `Change to ${fixed}`, value: fixed }] };
  }
  const arn = /^arn:([^:]*):kms:([^:]*):([^:]*):(.*)$/.exec(value);
  if (arn) {
    let why = 'a KMS ARN is arn:aws:kms:<region>:<12-digit account>:key/<key id> or …:alias/<name>';
    if (!PARTITIONS.includes(arn[1])) why = `'${arn[1]}' is not an AWS partition`;
    else if (!REGION_PATTERN.test(arn[2])) why = arn[2] === '' ? 'it has no Region' : `'${arn[2]}' is not a Region`;
    else if (!/^[0-9]{12}$/.test(arn[3])) why = 'the account must be 12 digits';
    else if (/^key\//.test(arn[4])) why = `'${arn[4].slice(4)}' is not a key ID`;
    return { code: 'kms/invalid-key-id', severity: 'error', message: `'${value}' is not a valid KMS key ARN: ${why}.` };
  }
  return { code: 'kms/invalid-key-id', severity: 'error', message: base };
}

export interface EncryptionSpecInput {
  type?: unknown;
  kmsKeyId?: unknown;
  kmsDataKeyReusePeriodSeconds?: unknown;
}

/**
 * Problems with an encryption setting; `field` is relative to the encryption object
 * (`type`, `kmsKeyId`, `kmsDataKeyReusePeriodSeconds`).
 */
export function encryptionProblems(service: Exclude<KmsService, 'imageBuilder'>, spec: EncryptionSpecInput, ctx: KmsContext = {}): ValueProblem[] {
  const rules = KMS_RULES_BY_SERVICE[service];
  const types = rules.types ?? [];
  const out: ValueProblem[] = [];
  const type = typeof spec.type === 'string' ? spec.type : undefined;
  const hasKey = spec.kmsKeyId !== undefined;
  const hasPeriod = spec.kmsDataKeyReusePeriodSeconds !== undefined;
  let effectiveType = type;
  if (type !== undefined && !types.includes(type)) {
    const suggestion = equivalentType(service, type, hasKey) ?? suggest(type, types);
    effectiveType = suggestion;
    out.push({
      code: 'kms/invalid-encryption-type',
      severity: 'error',
      message: `'${type}' is not ${withArticle(`${rules.label} encryption type`)}: use ${types.join(' or ')}.${suggestion ? ` Did you mean ${suggestion}?` : ''}`,
      field: 'type',
      fixes: suggestion ? [{ kind: 'replace', field: 'type', title: `Change the type to ${suggestion}`, value: suggestion, preferred: true }] : undefined,
    });
  }
  const customer = effectiveType === rules.customerType;
  if (customer && !hasKey) {
    out.push({
      code: 'kms/missing-key',
      severity: 'error',
      message: `${rules.customerType} needs kmsKeyId: the key ID, key ARN, alias name or alias ARN of a symmetric KMS key.`,
      field: 'type',
      fixes: rules.defaultType ? [{ kind: 'replace', field: 'type', title: `Use ${rules.defaultType} instead`, value: rules.defaultType }] : undefined,
    });
  }
  if (effectiveType !== undefined && !customer) {
    if (hasKey) {
      out.push({
        code: 'kms/stray-key',
        severity: 'error',
        message: `kmsKeyId only applies to ${rules.customerType}; with ${effectiveType}, send the type alone. Remove the key, or change the type.`,
        field: 'kmsKeyId',
        on: 'key',
        fixes: [
          { kind: 'remove', field: 'kmsKeyId', title: 'Remove kmsKeyId', preferred: true },
          ...(rules.customerType ? [{ kind: 'replace' as const, field: 'type', title: `Change the type to ${rules.customerType}`, value: rules.customerType }] : []),
        ],
      });
    }
    if (hasPeriod && rules.reusePeriod) {
      out.push({
        code: 'kms/stray-key',
        severity: 'error',
        message: `kmsDataKeyReusePeriodSeconds only applies to ${rules.customerType}; remove it with ${effectiveType}.`,
        field: 'kmsDataKeyReusePeriodSeconds',
        on: 'key',
        fixes: [{ kind: 'remove', field: 'kmsDataKeyReusePeriodSeconds', title: 'Remove kmsDataKeyReusePeriodSeconds', preferred: true }],
      });
    }
  }
  if (hasPeriod && rules.reusePeriod && (customer || effectiveType === undefined)) {
    const message = reusePeriodMessage(spec.kmsDataKeyReusePeriodSeconds, rules.reusePeriod);
    if (message) {
      out.push({
        code: 'kms/reuse-period-invalid',
        severity: 'error',
        message,
        field: 'kmsDataKeyReusePeriodSeconds',
        fixes: [{ kind: 'replace', field: 'kmsDataKeyReusePeriodSeconds', title: `Set it to ${DEFAULT_REUSE_PERIOD_SECONDS} (the default)`, value: String(DEFAULT_REUSE_PERIOD_SECONDS), preferred: true }],
      });
    }
  }
  if (typeof spec.kmsKeyId === 'string' && (customer || effectiveType === undefined)) {
    for (const p of kmsKeyIdProblems(service, spec.kmsKeyId, ctx)) out.push({ ...p, field: 'kmsKeyId', fixes: p.fixes?.map((f) => ({ ...f, field: f.kind === 'remove' ? f.field : 'kmsKeyId' }) as ValueFix) });
  }
  return out;
}

/** The same intent in the other service's words (MWAA Serverless's CUSTOMER_MANAGED_KEY in Step Functions). */
function equivalentType(service: Exclude<KmsService, 'imageBuilder'>, type: string, hasKey: boolean): string | undefined {
  const rules = KMS_RULES_BY_SERVICE[service];
  const t = type.toUpperCase().replace(/[\s-]+/g, '_');
  if (rules.types?.includes(t)) return t;
  if (/CUSTOMER|CMK|KMS/.test(t)) return rules.customerType;
  if (/AWS_(OWNED|MANAGED)|DEFAULT|NONE/.test(t)) return hasKey ? rules.customerType : rules.defaultType;
  return undefined;
}

function reusePeriodMessage(value: unknown, range: { min: number; max: number }): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `kmsDataKeyReusePeriodSeconds must be a whole number of seconds from ${range.min} to ${range.max}.`;
  if (!Number.isInteger(value)) return `kmsDataKeyReusePeriodSeconds must be a whole number of seconds (${range.min}–${range.max}), not ${value}.`;
  if (value < range.min || value > range.max) return `kmsDataKeyReusePeriodSeconds is ${value}: it must be from ${range.min} to ${range.max} seconds (default ${DEFAULT_REUSE_PERIOD_SECONDS}).`;
  return undefined;
}

/** For InputBox validation: the first error, else undefined. */
export function validateKmsKeyId(service: KmsService, value: string, ctx: KmsContext = {}): string | undefined {
  return firstError(kmsKeyIdProblems(service, value, ctx));
}

export function validateKmsDataKeyReusePeriod(value: number | string): string | undefined {
  const n = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  return reusePeriodMessage(n, KMS_RULES_BY_SERVICE.stepFunctions.reusePeriod!);
}

export function validateEncryption(service: Exclude<KmsService, 'imageBuilder'>, spec: EncryptionSpecInput, ctx: KmsContext = {}): string | undefined {
  return firstError(encryptionProblems(service, spec, ctx));
}

export const RULES: RuleDoc[] = [
  { code: 'kms/invalid-encryption-type', severity: 'error', source: 'Model: EncryptionType enum of each service', summary: "An encryption `type` the service does not have (Step Functions: AWS_OWNED_KEY / CUSTOMER_MANAGED_KMS_KEY; MWAA Serverless: AWS_MANAGED_KEY / CUSTOMER_MANAGED_KEY); the fix changes it.", example: 'stateMachines:\n  orders:\n    encryption: { type: CUSTOMER_MANAGED_KEY, kmsKeyId: alias/orders }' },
  { code: 'kms/missing-key', severity: 'error', source: 'Service error InvalidEncryptionConfiguration (customer managed type without kmsKeyId); Step Functions and MWAA Serverless API references', summary: 'A customer managed encryption type without `kmsKeyId`.', example: 'encryption: { type: CUSTOMER_MANAGED_KMS_KEY }' },
  { code: 'kms/stray-key', severity: 'error', source: 'Service error InvalidEncryptionConfiguration (key fields with an AWS owned/managed type); API references', summary: '`kmsKeyId` or `kmsDataKeyReusePeriodSeconds` with an AWS owned/managed type; the fix removes it.', example: 'encryption: { type: AWS_OWNED_KEY, kmsKeyId: alias/orders }' },
  { code: 'kms/reuse-period-invalid', severity: 'error', source: 'Model: stepfunctions.json KmsDataKeyReusePeriodSeconds range 60–900', summary: '`kmsDataKeyReusePeriodSeconds` not an integer from 60 to 900; the fix sets 300.', example: 'encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/orders, kmsDataKeyReusePeriodSeconds: 30 }' },
  { code: 'kms/invalid-key-id', severity: 'error', source: 'AWS KMS Developer Guide, key identifiers (KeyId)', summary: 'A key identifier that is none of key ID, multi-Region key ID, key ARN, alias name, alias ARN.', example: 'kmsKeyId: orders-key' },
  { code: 'kms/aws-managed-alias', severity: 'error', source: 'AWS KMS Developer Guide, AWS managed keys (aliases alias/aws/… cannot be used as customer managed keys)', summary: '`alias/aws/…`: AWS managed keys cannot be used as customer managed keys.', example: 'encryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/aws/states }' },
  { code: 'kms/region-mismatch', severity: 'error', source: 'AWS KMS Developer Guide: KMS keys are Regional; the key must be in the Region of the resource that uses it', summary: "A key ARN or alias ARN in another Region than the resource's (entry `region`, else `defaults.region`, else the active Region).", example: 'defaults: { region: eu-west-1 }\n…kmsKeyId: arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab' },
  { code: 'kms/cross-account-needs-arn', severity: 'warning', summary: "A bare key ID or alias name while the entry's roleArn is in one account and another ARN for the entry (or for the same key elsewhere) is in another: cross-account keys need an ARN.", example: 'roleArn: arn:aws:iam::111111111111:role/r\nlogging: { logGroupArn: "arn:aws:logs:eu-west-1:222222222222:log-group:x:*" }\nencryption: { type: CUSTOMER_MANAGED_KMS_KEY, kmsKeyId: alias/shared }' },
  { code: 'kms/key-form-unsupported', severity: 'warning', summary: 'A key form the service does not document (Image Builder takes a key ARN or alias ARN).', example: 'imageBuilderWorkflows:\n  build: { kmsKeyId: alias/images, … }' },
];
