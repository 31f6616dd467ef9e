// EC2 Image Builder workflows (restJson1): CreateWorkflow with clientToken idempotency and
// dryRun, ListWorkflows, ListWorkflowBuildVersions, GetWorkflow, DeleteWorkflow, tags.
import { parse as parseYaml } from 'yaml';
import { ServiceError, type ConstraintViolation } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import { deniedMessage, type JsonService, type RequestContext } from './context';
import { imageOperations, type ImageBuildRecord } from './imagebuilderImages';
import { readObject } from './s3';

type WorkflowType = 'BUILD' | 'TEST' | 'DISTRIBUTION';

export interface ImageBuilderWorkflow {
  /** Build-version ARN: `.../workflow/<type>/<name>/<x.y.z>/<n>`. */
  arn: string;
  name: string;
  version: string;
  buildVersion: number;
  type: WorkflowType;
  description?: string;
  changeDescription?: string;
  data: string;
  kmsKeyId?: string;
  dateCreated: string;
  tags: Record<string, string>;
}

export interface ImageBuilderState {
  workflows: Record<string, ImageBuilderWorkflow>;
  /** Image builds and their workflow executions (imagebuilderImages.ts); absent in older state files. */
  images?: Record<string, ImageBuildRecord>;
}

export const err = (code: string, message: string, status = 400) => new ServiceError(code, message, status);
const MAX_VERSION_NODE = 2 ** 30 - 1;

export function ibState(ctx: RequestContext): ImageBuilderState {
  return ctx.store.region(ctx.region).imagebuilder;
}

/** The ARN's resource name: lower case, spaces as hyphens. */
export function arnName(name: string): string {
  return name.toLowerCase().replace(/ /g, '-');
}

function versionArn(ctx: RequestContext, type: WorkflowType, name: string, version: string): string {
  return `arn:aws:imagebuilder:${ctx.region}:${ctx.accountId}:workflow/${type.toLowerCase()}/${arnName(name)}/${version}`;
}

interface CreateWorkflowInput {
  name: string;
  semanticVersion: string;
  description?: string;
  changeDescription?: string;
  data?: string;
  uri?: string;
  kmsKeyId?: string;
  tags?: Record<string, string>;
  clientToken: string;
  type: WorkflowType;
  dryRun?: boolean;
}

export function createWorkflow(input: CreateWorkflowInput, ctx: RequestContext) {
  const { clientToken, ...params } = input;
  const idempotencyKey = `imagebuilder:${ctx.region}:CreateWorkflow:${clientToken}`;
  const fingerprint = JSON.stringify(params);
  const previous = ctx.store.state.idempotency[idempotencyKey];
  if (previous) {
    if (previous.fingerprint !== fingerprint) {
      throw err('IdempotentParameterMismatchException', `The client token '${clientToken}' was already used with different request parameters.`);
    }
    return previous.response;
  }
  const nodes = input.semanticVersion.split('.').map(Number);
  if (nodes.some((n) => n > MAX_VERSION_NODE)) {
    throw err('InvalidVersionNumberException', `The semantic version '${input.semanticVersion}' is not valid: each node must be between 0 and ${MAX_VERSION_NODE}.`);
  }
  if (input.data !== undefined && input.uri !== undefined) throw err('InvalidParameterCombinationException', "You can't specify both 'data' and 'uri'. Specify one of them.");
  if (input.data === undefined && input.uri === undefined) throw err('InvalidRequestException', "You must specify either 'data' or 'uri'.");
  let data = input.data;
  if (input.uri !== undefined) {
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(input.uri);
    const object = m ? readObject(ctx.store, m[1], m[2]) : undefined;
    if (!object) throw err('InvalidParameterValueException', `The value supplied for parameter 'uri' is not valid. The object '${input.uri}' does not exist or is not accessible.`);
    // The model's 16000-character cap is on inline `data`; S3 is the documented route for larger documents.
    data = object.body.toString('utf8');
  }
  try {
    parseYaml(data!);
  } catch (e) {
    throw err('InvalidRequestException', `The workflow document is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  const base = versionArn(ctx, input.type, input.name, input.semanticVersion);
  const workflows = ibState(ctx).workflows;
  const existing = Object.values(workflows).find((w) => w.arn.startsWith(`${base}/`));
  if (existing) throw err('ResourceAlreadyExistsException', `The following resource 'Workflow' already exists: '${base}'.`);
  if (input.dryRun) throw err('DryRunOperationException', 'The request would have succeeded, but the dryRun flag is set.', 412);
  const arn = `${base}/1`;
  workflows[arn] = {
    arn,
    name: input.name,
    version: input.semanticVersion,
    buildVersion: 1,
    type: input.type,
    description: input.description,
    changeDescription: input.changeDescription,
    data: data!,
    kmsKeyId: input.kmsKeyId,
    dateCreated: ctx.now,
    tags: input.tags ?? {},
  };
  const response = { clientToken, workflowBuildVersionArn: arn, latestVersionReferences: latestReferences(ctx, workflows[arn]) };
  ctx.store.state.idempotency[idempotencyKey] = { fingerprint, response };
  return response;
}

function compareVersions(a: ImageBuilderWorkflow, b: ImageBuilderWorkflow): number {
  const x = a.version.split('.').map(Number);
  const y = b.version.split('.').map(Number);
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.buildVersion - b.buildVersion;
}

/** The newest version overall, of the same major, of the same minor, and of the same patch. */
function latestReferences(ctx: RequestContext, w: ImageBuilderWorkflow) {
  const same = Object.values(ibState(ctx).workflows).filter((o) => o.type === w.type && arnName(o.name) === arnName(w.name));
  const [major, minor] = w.version.split('.');
  const newest = (filter: (nodes: string[]) => boolean) => {
    const match = same.filter((o) => filter(o.version.split('.'))).sort(compareVersions).at(-1);
    return match ? versionArn(ctx, w.type, w.name, match.version) : undefined;
  };
  return {
    latestVersionArn: newest(() => true),
    latestMajorVersionArn: newest((n) => n[0] === major),
    latestMinorVersionArn: newest((n) => n[0] === major && n[1] === minor),
    latestPatchVersionArn: newest((n) => n.join('.') === w.version),
  };
}

/** Finds a workflow by build-version ARN, or the newest build matching a version ARN (nodes may be `x`). */
function findWorkflow(ctx: RequestContext, arn: string): ImageBuilderWorkflow {
  const workflows = ibState(ctx).workflows;
  const exact = workflows[arn];
  if (exact) return exact;
  const m = /^(arn:aws[^:]*:imagebuilder:[^:]+:[^:]+:workflow\/[a-z]+\/[a-z0-9-_]+)\/([0-9x]+)\.([0-9x]+)\.([0-9x]+)$/.exec(arn);
  if (m) {
    const wanted = [m[2], m[3], m[4]];
    const match = Object.values(workflows)
      .filter((w) => w.arn.startsWith(`${m[1]}/`) && w.version.split('.').every((node, i) => wanted[i] === 'x' || wanted[i] === node))
      .sort(compareVersions)
      .at(-1);
    if (match) return match;
  }
  throw err('ResourceNotFoundException', `The resource '${arn}' was not found.`, 404);
}

export const invalidToken = () => err('InvalidPaginationTokenException', 'The pagination token is not valid.');

export const imageBuilder: JsonService = {
  name: 'imagebuilder',
  modelId: 'imagebuilder',
  pathStyle: 'coral',
  validationError(violations: ConstraintViolation[]) {
    const v = violations[0];
    const why =
      v.kind === 'required'
        ? `${v.member} must not be null`
        : v.kind === 'pattern'
          ? `${v.member} must match pattern ${v.detail}`
          : v.kind === 'enum'
            ? `${v.member} must be one of [${v.detail}]`
            : `${v.member}: ${v.constraint.replace(/^Member /, '')}`;
    return err('InvalidParameterValueException', `The value supplied for parameter '${v.member}' is not valid. ${why}`);
  },
  faults: {
    internal: () => err('ServiceException', 'An internal error occurred. Retry the request.', 500),
    throttle: () => err('CallRateLimitExceededException', 'You have exceeded the permitted request rate for the specific operation.', 429),
    accessDenied: (op, region) => new ServiceError('AccessDeniedException', deniedMessage('imagebuilder', op, region), 403),
  },
  operations: {
    CreateWorkflow: createWorkflow,
    ListWorkflows(input: { owner?: string; filters?: { name?: string; values?: string[] }[]; byName?: boolean; maxResults?: number; nextToken?: string }, ctx) {
      if (input.owner && input.owner !== 'Self') return { workflowVersionList: [] };
      let all = Object.values(ibState(ctx).workflows).sort((a, b) => a.name.localeCompare(b.name) || compareVersions(a, b));
      for (const filter of input.filters ?? []) {
        const values = filter.values ?? [];
        if (filter.name === 'name') all = all.filter((w) => values.includes(w.name));
        else if (filter.name === 'type') all = all.filter((w) => values.includes(w.type));
        else throw err('InvalidParameterValueException', `The value supplied for parameter 'filters' is not valid. Unsupported filter '${filter.name}'.`);
      }
      // One entry per semantic version (builds collapse); byName keeps the newest version of each name.
      const versions = new Map<string, ImageBuilderWorkflow>();
      for (const w of all) versions.set(input.byName ? `${w.type}/${arnName(w.name)}` : w.arn.replace(/\/\d+$/, ''), w);
      const page = paginate([...versions.values()], input, ctx.runtime.pageSize, `imagebuilder:ListWorkflows:${ctx.region}:${JSON.stringify([input.filters, input.byName])}`, invalidToken);
      return {
        workflowVersionList: page.items.map((w) => ({
          arn: input.byName ? versionArn(ctx, w.type, w.name, 'x.x.x') : versionArn(ctx, w.type, w.name, w.version),
          name: w.name,
          version: w.version,
          description: w.description,
          type: w.type,
          owner: ctx.accountId,
          dateCreated: w.dateCreated,
        })),
        nextToken: page.nextToken,
      };
    },
    ListWorkflowBuildVersions(input: { workflowVersionArn?: string; maxResults?: number; nextToken?: string }, ctx) {
      if (!input.workflowVersionArn) throw err('InvalidRequestException', "The request must include 'workflowVersionArn'.");
      const m = /^(.*)\/([0-9x]+)\.([0-9x]+)\.([0-9x]+)$/.exec(input.workflowVersionArn)!;
      const wanted = [m[2], m[3], m[4]];
      const builds = Object.values(ibState(ctx).workflows)
        .filter((w) => w.arn.startsWith(`${m[1]}/`) && w.version.split('.').every((node, i) => wanted[i] === 'x' || wanted[i] === node))
        .sort(compareVersions);
      const page = paginate(builds, input, ctx.runtime.pageSize, `imagebuilder:ListWorkflowBuildVersions:${input.workflowVersionArn}`, invalidToken);
      return {
        workflowSummaryList: page.items.map((w) => ({
          arn: w.arn,
          name: w.name,
          version: w.version,
          description: w.description,
          changeDescription: w.changeDescription,
          type: w.type,
          owner: ctx.accountId,
          dateCreated: w.dateCreated,
          tags: Object.keys(w.tags).length ? w.tags : undefined,
        })),
        nextToken: page.nextToken,
      };
    },
    GetWorkflow(input: { workflowBuildVersionArn: string }, ctx) {
      const w = findWorkflow(ctx, input.workflowBuildVersionArn);
      return {
        workflow: {
          arn: w.arn,
          name: w.name,
          version: w.version,
          description: w.description,
          changeDescription: w.changeDescription,
          type: w.type,
          owner: ctx.accountId,
          data: w.data,
          kmsKeyId: w.kmsKeyId,
          dateCreated: w.dateCreated,
          tags: Object.keys(w.tags).length ? w.tags : undefined,
          parameters: workflowParameters(w.data),
        },
        latestVersionReferences: latestReferences(ctx, w),
      };
    },
    DeleteWorkflow(input: { workflowBuildVersionArn: string }, ctx) {
      const w = ibState(ctx).workflows[input.workflowBuildVersionArn];
      if (!w) throw err('ResourceNotFoundException', `The resource '${input.workflowBuildVersionArn}' was not found.`, 404);
      delete ibState(ctx).workflows[w.arn];
      return { workflowBuildVersionArn: w.arn };
    },
    TagResource(input: { resourceArn: string; tags: Record<string, string> }, ctx) {
      const w = findWorkflow(ctx, input.resourceArn);
      w.tags = { ...w.tags, ...input.tags };
      return {};
    },
    UntagResource(input: { resourceArn: string; tagKeys: string[] }, ctx) {
      const w = findWorkflow(ctx, input.resourceArn);
      for (const key of input.tagKeys) delete w.tags[key];
      return {};
    },
    ListTagsForResource(input: { resourceArn: string }, ctx) {
      return { tags: findWorkflow(ctx, input.resourceArn).tags };
    },
    ...imageOperations,
  },
};

function workflowParameters(data: string) {
  try {
    const doc = parseYaml(data) as { parameters?: { name?: string; type?: string; default?: unknown; description?: string }[] };
    if (!Array.isArray(doc?.parameters)) return undefined;
    return doc.parameters
      .filter((p) => p && typeof p.name === 'string' && typeof p.type === 'string')
      .map((p) => ({
        name: p.name!,
        type: p.type!,
        defaultValue: p.default === undefined ? undefined : Array.isArray(p.default) ? p.default.map(String) : [String(p.default)],
        description: p.description,
      }));
  } catch {
    return undefined;
  }
}
