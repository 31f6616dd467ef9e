// ARNs: parsing, partitions, and the IAM role ARN rule (pattern from the models).

import { AWS_FACTS } from '../facts/aws.generated';
import type { RuleDoc } from './ruleDoc';
import { compiled, firstError, withArticle, type ValueProblem } from './problem';

export interface ParsedArn {
  partition: string;
  service: string;
  region: string;
  account: string;
  resource: string;
}

/** Splits an ARN into its parts; undefined when it is not `arn:partition:service:region:account:resource`. */
export function parseArn(value: string): ParsedArn | undefined {
  const m = /^arn:([a-z][a-z0-9-]*):([a-z0-9-]+):([a-z0-9-]*):([0-9]{12}|aws|):(.+)$/.exec(value);
  if (!m) return undefined;
  return { partition: m[1], service: m[2], region: m[3], account: m[4], resource: m[5] };
}

export const PARTITIONS: readonly string[] = AWS_FACTS.iam.partitions;

/** The partition a Region belongs to (cn-north-1 → aws-cn, us-gov-west-1 → aws-us-gov, …). */
export function partitionOfRegion(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-isof-') || region.startsWith('eu-isof-')) return 'aws-iso-f';
  if (region.startsWith('eu-isoe-')) return 'aws-iso-e';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}

export const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** Whether a string has the form of every AWS Region code; only such a string may name a host. */
export function isRegionCode(region: string): boolean {
  return REGION_PATTERN.test(region);
}

export function regionProblems(region: string): ValueProblem[] {
  if (REGION_PATTERN.test(region)) return [];
  // An error, not a warning: the region becomes part of the endpoint's host name, so nothing is sent for it.
  return [{ code: 'manifest/invalid-region', severity: 'error', message: `'${region}' is not an AWS Region code such as eu-west-1 (lowercase letters, dashes and a number), so no request is sent for it.` }];
}

/**
 * An IAM role ARN, checked against the models' role ARN pattern; with a Region, also that the
 * partition matches it (an aws-cn role cannot be used in eu-west-1).
 */
export function roleArnProblems(value: string, region?: string): ValueProblem[] {
  const trimmed = value.trim();
  if (!compiled(AWS_FACTS.iam.roleArnPattern).test(trimmed)) {
    const arn = parseArn(trimmed);
    let why = 'an IAM role ARN looks like arn:aws:iam::123456789012:role/my-role';
    if (!trimmed.startsWith('arn:')) why = `it is not an ARN: ${why}`;
    else if (arn && arn.service !== 'iam') why = `it is ${withArticle(arn.service)} ARN, not an IAM role ARN`;
    else if (arn && !arn.resource.startsWith('role/')) why = `it names an IAM ${arn.resource.split('/')[0]}, not a role`;
    else if (arn && arn.region !== '') why = 'IAM ARNs have no Region (arn:aws:iam::account:role/name)';
    else if (arn && !PARTITIONS.includes(arn.partition)) why = `'${arn.partition}' is not an AWS partition (${PARTITIONS.join(', ')})`;
    else if (trimmed !== value) why = 'it has leading or trailing spaces';
    return [{ code: 'iam/role-arn-invalid', severity: 'error', message: `'${value}' is not a valid IAM role ARN: ${why}.` }];
  }
  if (trimmed !== value) return [{ code: 'iam/role-arn-invalid', severity: 'error', message: `The role ARN has leading or trailing spaces.` }];
  const arn = parseArn(trimmed);
  if (arn && region && REGION_PATTERN.test(region)) {
    const expected = partitionOfRegion(region);
    if (arn.partition !== expected) {
      return [{
        code: 'arn/partition-mismatch',
        severity: 'error',
        message: `The role is in partition '${arn.partition}' but ${region} is in '${expected}': use arn:${expected}:iam::….`,
        span: [4, 4 + arn.partition.length],
        fixes: [{ kind: 'replace', title: `Change the partition to ${expected}`, value: `arn:${expected}:${trimmed.slice(5 + arn.partition.length)}`, preferred: true }],
      }];
    }
  }
  return [];
}

/** For InputBox validation: the first error, else undefined. */
export function validateRoleArn(value: string, region?: string): string | undefined {
  return firstError(roleArnProblems(value, region));
}

export const RULES: RuleDoc[] = [
  { code: 'iam/role-arn-invalid', severity: 'error', source: 'Model: the roleArn pattern of each service', summary: 'A `roleArn` that is not an IAM role ARN (pattern from the service models).', example: 'roleArn: arn:aws:iam::123456789012:user/deployer' },
  { code: 'arn/partition-mismatch', severity: 'error', source: 'Model: the ARN patterns of each service (partition); AWS ARN format documentation', summary: "An ARN whose partition is not the Region's (aws-cn ARN for eu-west-1).", example: 'region: eu-west-1\nroleArn: arn:aws-cn:iam::123456789012:role/r' },
  { code: 'manifest/invalid-region', severity: 'error', source: 'Model: the partitions\' regionRegex in the endpoint rulesets (every Region code is lowercase letters, dashes and a number)', summary: '`region` that is not shaped like a Region code (`^[a-z]{2}(-[a-z]+)+-\\d{1,2}$`). The region becomes part of the host name, so no client is built and nothing is sent for it.', example: 'region: "x@127.0.0.1:4600/#"' },
];
