// Trims the botocore service models in ../shared/reference/aws-models to what the emulator needs
// (operations, shapes with their constraints, errors with HTTP status) and writes
// test/emulator/models/<service>.json. Documentation strings are dropped.
// Run: node scripts/generate-emulator-models.mjs [--check]   (--check: exit 1 if a file is stale)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const referenceDir = path.resolve(root, '..', 'shared', 'reference', 'aws-models');
const outDir = path.join(root, 'test', 'emulator', 'models');

/** The emulated services: output file name -> model file and signing name. */
const services = {
  stepfunctions: { model: 'stepfunctions.json', signingName: 'states' },
  imagebuilder: { model: 'imagebuilder.json', signingName: 'imagebuilder' },
  mwaa: { model: 'mwaa.json', signingName: 'airflow' },
  'mwaa-serverless': { model: 'mwaa-serverless.json', signingName: 'airflow-serverless' },
  // No CloudWatch Logs model in the reference set: scripts/models/logs.json is botocore's, cut to
  // the operations the emulator answers (its _source says which file and version).
  logs: { model: 'logs.json', signingName: 'logs', dir: path.join(root, 'scripts', 'models') },
};

/**
 * The MWAA Serverless botocore model carries no `error.httpStatusCode`; api-facts.md
 * ("Errors carry HTTP codes") lists them from the service's Smithy model.
 */
const statusOverrides = {
  'mwaa-serverless': {
    ValidationException: 400,
    AccessDeniedException: 403,
    ResourceNotFoundException: 404,
    ConflictException: 409,
    ServiceQuotaExceededException: 402,
    ThrottlingException: 429,
    InternalServerException: 500,
    OperationTimeoutException: 504,
  },
  // CloudWatch Logs answers its client errors with 400 and ServiceUnavailableException with 500.
  logs: {
    InvalidParameterException: 400,
    ResourceNotFoundException: 400,
    ResourceAlreadyExistsException: 400,
    LimitExceededException: 400,
    OperationAbortedException: 400,
    InvalidSequenceTokenException: 400,
    DataAlreadyAcceptedException: 400,
    UnrecognizedClientException: 400,
    ServiceUnavailableException: 500,
  },
};

const SHAPE_KEYS = ['type', 'required', 'pattern', 'min', 'max', 'enum', 'timestampFormat', 'sensitive', 'document', 'exception', 'fault', 'box'];
const MEMBER_KEYS = ['shape', 'location', 'locationName', 'idempotencyToken', 'jsonvalue', 'hostLabel'];

function pick(source, keys) {
  const out = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

function trimShape(shape, overrides, name) {
  const out = pick(shape, SHAPE_KEYS);
  if (shape.members) {
    out.members = Object.fromEntries(Object.entries(shape.members).map(([member, ref]) => [member, pick(ref, MEMBER_KEYS)]));
  }
  if (shape.member) out.member = pick(shape.member, MEMBER_KEYS);
  if (shape.key) out.key = pick(shape.key, MEMBER_KEYS);
  if (shape.value) out.value = pick(shape.value, MEMBER_KEYS);
  if (shape.exception) {
    const status = shape.error?.httpStatusCode ?? overrides?.[name];
    if (status !== undefined) out.httpStatusCode = status;
    if (shape.retryable) out.retryable = shape.retryable;
  }
  return out;
}

const check = process.argv.includes('--check');
let stale = 0;
mkdirSync(outDir, { recursive: true });
for (const [id, { model: file, signingName, dir }] of Object.entries(services)) {
  const model = JSON.parse(readFileSync(path.join(dir ?? referenceDir, file), 'utf8'));
  const metadata = pick(model.metadata, ['apiVersion', 'protocol', 'jsonVersion', 'targetPrefix', 'serviceId', 'endpointPrefix']);
  metadata.signingName = model.metadata.signingName ?? signingName;
  const operations = {};
  for (const [name, op] of Object.entries(model.operations)) {
    operations[name] = {
      http: pick(op.http ?? {}, ['method', 'requestUri', 'responseCode']),
      ...(op.input ? { input: op.input.shape } : {}),
      ...(op.output ? { output: op.output.shape } : {}),
      errors: (op.errors ?? []).map((e) => e.shape),
      ...(op.endpoint?.hostPrefix ? { hostPrefix: op.endpoint.hostPrefix } : {}),
    };
  }
  const shapes = {};
  for (const name of Object.keys(model.shapes).sort()) shapes[name] = trimShape(model.shapes[name], statusOverrides[id], name);
  for (const [name, shape] of Object.entries(shapes)) {
    if (shape.pattern) {
      try {
        new RegExp(shape.pattern, 'u');
      } catch {
        new RegExp(shape.pattern); // must at least compile without the unicode flag
        console.warn(`${id}: ${name} pattern only compiles without the u flag`);
      }
    }
  }
  const out = { source: dir ? path.relative(root, path.join(dir, file)) : `../shared/reference/aws-models/${file}`, metadata, operations, shapes };
  const target = path.join(outDir, `${id}.json`);
  const text = JSON.stringify(out, null, 1) + '\n';
  if (check) {
    if (!existsSync(target) || readFileSync(target, 'utf8') !== text) {
      console.error(`${path.relative(root, target)} is stale: run node scripts/generate-emulator-models.mjs`);
      stale++;
    }
    continue;
  }
  writeFileSync(target, text);
  console.log(`${path.relative(root, target)}: ${Object.keys(operations).length} operations, ${Object.keys(shapes).length} shapes`);
}
if (stale) process.exitCode = 1;
