// Amazon S3 (REST-XML, path-style): buckets, objects with versioning, ListObjectsV2.
// Decodes the aws-chunked bodies (with checksum trailers) that current SDKs send.
import { createHash, randomBytes } from 'node:crypto';
import { ServiceError } from '../protocol/errors';
import { paginate } from '../protocol/paging';
import type { StateStore } from '../state';
import type { RequestContext } from './context';

export interface S3ObjectVersion {
  versionId: string;
  /** Base64: the state file is JSON. */
  body: string;
  etag: string;
  size: number;
  lastModified: string;
  contentType: string;
  checksums: Record<string, string>;
}

export interface Bucket {
  name: string;
  region: string;
  creationDate: string;
  versioning?: 'Enabled' | 'Suspended';
  /** Versions of each key, oldest first. */
  objects: Record<string, S3ObjectVersion[]>;
}

export interface S3State {
  buckets: Record<string, Bucket>;
}

export interface S3Request {
  method: string;
  /** Decoded path segments: [bucket, ...key]. */
  bucket?: string;
  key?: string;
  query: Record<string, string>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface S3Response {
  status: number;
  headers: Record<string, string>;
  body?: string | Buffer;
}

const XMLNS = 'http://s3.amazonaws.com/doc/2006-03-01/';
const BUCKET_NAME = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Names the S3 operation a request is, for routing, the request log and faults. */
export function s3Operation(req: Pick<S3Request, 'method' | 'bucket' | 'key' | 'query'>): string {
  const { method, bucket, key, query } = req;
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unknown';
  if (key === undefined) {
    if ('versioning' in query) return method === 'PUT' ? 'PutBucketVersioning' : method === 'GET' ? 'GetBucketVersioning' : 'Unknown';
    if (method === 'PUT') return 'CreateBucket';
    if (method === 'HEAD') return 'HeadBucket';
    if (method === 'DELETE') return 'DeleteBucket';
    if (method === 'GET') return query['list-type'] === '2' ? 'ListObjectsV2' : 'ListObjects';
    return 'Unknown';
  }
  return ({ PUT: 'PutObject', GET: 'GetObject', HEAD: 'HeadObject', DELETE: 'DeleteObject' } as Record<string, string>)[method] ?? 'Unknown';
}

export function s3Error(code: string, message: string, status: number, extra: Record<string, string> = {}): ServiceError {
  return new ServiceError(code, message, status, extra);
}

export function renderS3Error(e: ServiceError, requestId: string): string {
  const extra = Object.entries(e.fields).map(([k, v]) => `<${k}>${xml(String(v))}</${k}>`).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${xml(e.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>${requestId}</HostId></Error>`;
}

/** Reads an object (latest or a given version) for other services (Image Builder `uri`, MWAA Serverless definitions). */
export function readObject(store: StateStore, bucket: string, key: string, versionId?: string): { body: Buffer; versionId: string } | undefined {
  const versions = store.state.s3.buckets[bucket]?.objects[key];
  const found = versionId ? versions?.find((v) => v.versionId === versionId) : versions?.at(-1);
  return found ? { body: Buffer.from(found.body, 'base64'), versionId: found.versionId } : undefined;
}

export function createBucket(store: StateStore, name: string, region: string, now: string, versioning?: 'Enabled'): Bucket {
  return (store.state.s3.buckets[name] ??= { name, region, creationDate: now, versioning, objects: {} });
}

export function putObject(bucket: Bucket, key: string, body: Buffer, now: string, contentType = 'application/octet-stream', checksums: Record<string, string> = {}): S3ObjectVersion {
  const version: S3ObjectVersion = {
    versionId: bucket.versioning === 'Enabled' ? randomBytes(16).toString('base64url') : 'null',
    body: body.toString('base64'),
    etag: `"${createHash('md5').update(body).digest('hex')}"`,
    size: body.length,
    lastModified: now,
    contentType,
    checksums,
  };
  const versions = bucket.versioning === 'Enabled' ? (bucket.objects[key] ?? []) : (bucket.objects[key] ?? []).filter((v) => v.versionId !== 'null');
  bucket.objects[key] = [...versions, version];
  return version;
}

/** Decodes `aws-chunked` content: `<hex size>[;ext]\r\n<data>\r\n ... 0\r\n<trailers>\r\n\r\n`. */
export function decodeAwsChunked(raw: Buffer): { body: Buffer; trailers: Record<string, string> } {
  const chunks: Buffer[] = [];
  const trailers: Record<string, string> = {};
  let pos = 0;
  for (;;) {
    const lineEnd = raw.indexOf('\r\n', pos);
    if (lineEnd < 0) throw s3Error('IncompleteBody', 'The request body terminated unexpectedly', 400);
    const size = parseInt(raw.subarray(pos, lineEnd).toString('latin1').split(';')[0], 16);
    if (Number.isNaN(size)) throw s3Error('InvalidChunkSizeError', 'Only the last chunk is allowed to have a size less than 8192 bytes', 400);
    pos = lineEnd + 2;
    if (size === 0) break;
    chunks.push(raw.subarray(pos, pos + size));
    pos += size + 2;
  }
  for (const line of raw.subarray(pos).toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(chunks), trailers };
}

function header(req: S3Request, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v.join(',') : v;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmlResponse(body: string, status = 200): S3Response {
  return { status, headers: { 'content-type': 'application/xml' }, body: `<?xml version="1.0" encoding="UTF-8"?>\n${body}` };
}

function requireBucket(store: StateStore, name: string): Bucket {
  const bucket = store.state.s3.buckets[name];
  if (!bucket) throw s3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: name });
  return bucket;
}

function objectHeaders(bucket: Bucket, v: S3ObjectVersion, withChecksums: boolean): Record<string, string> {
  const headers: Record<string, string> = {
    etag: v.etag,
    'content-type': v.contentType,
    'last-modified': new Date(v.lastModified).toUTCString(),
    'accept-ranges': 'bytes',
  };
  if (bucket.versioning) headers['x-amz-version-id'] = v.versionId;
  if (withChecksums) for (const [name, value] of Object.entries(v.checksums)) headers[name] = value;
  return headers;
}

export function handleS3(operation: string, req: S3Request, ctx: RequestContext): S3Response {
  const store = ctx.store;
  const bucketName = req.bucket ?? '';
  switch (operation) {
    case 'ListBuckets': {
      const buckets = Object.values(store.state.s3.buckets)
        .map((b) => `<Bucket><Name>${xml(b.name)}</Name><CreationDate>${b.creationDate}</CreationDate><BucketRegion>${b.region}</BucketRegion></Bucket>`)
        .join('');
      return xmlResponse(`<ListAllMyBucketsResult xmlns="${XMLNS}"><Owner><ID>${ctx.accountId}</ID></Owner><Buckets>${buckets}</Buckets></ListAllMyBucketsResult>`);
    }
    case 'CreateBucket': {
      if (!BUCKET_NAME.test(bucketName)) throw s3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucketName });
      if (store.state.s3.buckets[bucketName]) throw s3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, { BucketName: bucketName });
      const constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(req.body.toString('utf8'))?.[1];
      createBucket(store, bucketName, constraint || ctx.region, ctx.now);
      return { status: 200, headers: { location: `/${bucketName}` } };
    }
    case 'HeadBucket': {
      const bucket = store.state.s3.buckets[bucketName];
      if (!bucket) return { status: 404, headers: {} };
      return { status: 200, headers: { 'x-amz-bucket-region': bucket.region } };
    }
    case 'PutBucketVersioning': {
      const bucket = requireBucket(store, bucketName);
      const status = /<Status>([^<]*)<\/Status>/.exec(req.body.toString('utf8'))?.[1];
      if (status !== 'Enabled' && status !== 'Suspended') throw s3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400);
      bucket.versioning = status;
      return { status: 200, headers: {} };
    }
    case 'GetBucketVersioning': {
      const bucket = requireBucket(store, bucketName);
      return xmlResponse(`<VersioningConfiguration xmlns="${XMLNS}">${bucket.versioning ? `<Status>${bucket.versioning}</Status>` : ''}</VersioningConfiguration>`);
    }
    case 'ListObjectsV2': {
      const bucket = requireBucket(store, bucketName);
      const prefix = req.query.prefix ?? '';
      const delimiter = req.query.delimiter;
      const startAfter = req.query['start-after'];
      const maxKeys = req.query['max-keys'] !== undefined ? Number(req.query['max-keys']) : undefined;
      if (maxKeys !== undefined && (!Number.isInteger(maxKeys) || maxKeys < 0)) throw s3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range', 400);
      const entries: { key?: string; commonPrefix?: string }[] = [];
      const seenPrefixes = new Set<string>();
      for (const key of Object.keys(bucket.objects).sort()) {
        if (!key.startsWith(prefix) || (startAfter && key <= startAfter)) continue;
        const rest = key.slice(prefix.length);
        const cut = delimiter ? rest.indexOf(delimiter) : -1;
        if (delimiter && cut >= 0) {
          const commonPrefix = prefix + rest.slice(0, cut + delimiter.length);
          if (!seenPrefixes.has(commonPrefix)) entries.push({ commonPrefix });
          seenPrefixes.add(commonPrefix);
        } else entries.push({ key });
      }
      const page = paginate(entries, { maxResults: maxKeys, nextToken: req.query['continuation-token'] }, ctx.runtime.pageSize, `s3:ListObjectsV2:${bucketName}:${prefix}:${delimiter ?? ''}`, () =>
        s3Error('InvalidArgument', 'The continuation token provided is incorrect', 400, { ArgumentName: 'continuation-token' }),
      );
      const contents = page.items
        .filter((e) => e.key !== undefined)
        .map((e) => {
          const v = bucket.objects[e.key!].at(-1)!;
          return `<Contents><Key>${xml(e.key!)}</Key><LastModified>${v.lastModified}</LastModified><ETag>${xml(v.etag)}</ETag><Size>${v.size}</Size><StorageClass>STANDARD</StorageClass></Contents>`;
        })
        .join('');
      const prefixes = page.items.filter((e) => e.commonPrefix).map((e) => `<CommonPrefixes><Prefix>${xml(e.commonPrefix!)}</Prefix></CommonPrefixes>`).join('');
      return xmlResponse(
        `<ListBucketResult xmlns="${XMLNS}"><Name>${xml(bucketName)}</Name><Prefix>${xml(prefix)}</Prefix>${delimiter ? `<Delimiter>${xml(delimiter)}</Delimiter>` : ''}` +
          `<KeyCount>${page.items.length}</KeyCount><MaxKeys>${maxKeys ?? 1000}</MaxKeys><IsTruncated>${page.nextToken ? 'true' : 'false'}</IsTruncated>` +
          `${req.query['continuation-token'] ? `<ContinuationToken>${xml(req.query['continuation-token'])}</ContinuationToken>` : ''}` +
          `${page.nextToken ? `<NextContinuationToken>${page.nextToken}</NextContinuationToken>` : ''}${contents}${prefixes}</ListBucketResult>`,
      );
    }
    case 'PutObject': {
      const bucket = requireBucket(store, bucketName);
      let body = req.body;
      const checksums: Record<string, string> = {};
      const sha = header(req, 'x-amz-content-sha256') ?? '';
      if (/aws-chunked/.test(header(req, 'content-encoding') ?? '') || sha.startsWith('STREAMING-')) {
        const decoded = decodeAwsChunked(req.body);
        body = decoded.body;
        Object.assign(checksums, Object.fromEntries(Object.entries(decoded.trailers).filter(([k]) => k.startsWith('x-amz-checksum-'))));
      }
      for (const [name, value] of Object.entries(req.headers)) {
        if (name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-algorithm' && typeof value === 'string') checksums[name] = value;
      }
      if (/^[0-9a-f]{64}$/.test(sha) && createHash('sha256').update(body).digest('hex') !== sha) {
        throw s3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
      }
      const version = putObject(bucket, req.key!, body, ctx.now, header(req, 'content-type'), checksums);
      const headers: Record<string, string> = { etag: version.etag, ...checksums };
      if (bucket.versioning) headers['x-amz-version-id'] = version.versionId;
      return { status: 200, headers };
    }
    case 'GetObject':
    case 'HeadObject': {
      const bucket = requireBucket(store, bucketName);
      const versions = bucket.objects[req.key!];
      const versionId = req.query.versionId;
      const version = versionId ? versions?.find((v) => v.versionId === versionId) : versions?.at(-1);
      if (!version) {
        if (operation === 'HeadObject') return { status: 404, headers: {} };
        throw versionId && versions
          ? s3Error('NoSuchVersion', 'The specified version does not exist.', 404, { Key: req.key!, VersionId: versionId })
          : s3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: req.key! });
      }
      const headers = { ...objectHeaders(bucket, version, header(req, 'x-amz-checksum-mode') === 'ENABLED'), 'content-length': String(version.size) };
      return { status: 200, headers, body: operation === 'GetObject' ? Buffer.from(version.body, 'base64') : undefined };
    }
    case 'DeleteObject': {
      const bucket = requireBucket(store, bucketName);
      delete bucket.objects[req.key!];
      return { status: 204, headers: {} };
    }
    default:
      throw s3Error('NotImplemented', `The emulator does not implement this S3 request (${req.method}).`, 501);
  }
}
