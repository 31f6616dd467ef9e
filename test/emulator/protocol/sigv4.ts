// Verifies SigV4 signatures by recomputing them over the received request with the
// emulator's fixed credentials (access key `test`, secret `test`).
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';

export const ACCESS_KEY_ID = 'test';
export const SECRET_ACCESS_KEY = 'test';

/** SHA-256 (or HMAC-SHA-256 with a secret) on node:crypto, in the shape the signer expects. */
class NodeSha256 {
  private hash: Hash | Hmac;
  constructor(private readonly secret?: SourceData) {
    this.hash = this.fresh();
  }
  private fresh(): Hash | Hmac {
    return this.secret === undefined ? createHash('sha256') : createHmac('sha256', toBytes(this.secret));
  }
  update(data: Uint8Array): void {
    this.hash.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return this.hash.digest();
  }
  reset(): void {
    this.hash = this.fresh();
  }
}

function toBytes(data: SourceData): Uint8Array | string {
  if (typeof data === 'string' || data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return new Uint8Array(data);
}

export interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_RE = /^AWS4-HMAC-SHA256\s+Credential=([^/,\s]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]+)$/;

export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const m = header ? AUTH_RE.exec(header.trim()) : null;
  if (!m) return undefined;
  return { accessKeyId: m[1], date: m[2], region: m[3], service: m[4], signedHeaders: m[5].split(';'), signature: m[6] };
}

export interface ReceivedRequest {
  method: string;
  /** The raw path as received (still percent-encoded). */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export type SignatureCheck = { ok: true } | { ok: false; reason: 'unknown-key' | 'mismatch' | 'bad-date' };

export async function verifySignature(req: ReceivedRequest, auth: ParsedAuthorization): Promise<SignatureCheck> {
  if (auth.accessKeyId !== ACCESS_KEY_ID) return { ok: false, reason: 'unknown-key' };
  const amzDate = headerValue(req.headers['x-amz-date']);
  const m = amzDate ? /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(amzDate) : null;
  if (!m || `${m[1]}${m[2]}${m[3]}` !== auth.date) return { ok: false, reason: 'bad-date' };
  const signingDate = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  const headers: Record<string, string> = {};
  for (const name of auth.signedHeaders) {
    const value = headerValue(req.headers[name]);
    if (value !== undefined) headers[name] = value;
  }
  const signer = new SignatureV4({
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY },
    region: auth.region,
    service: auth.service,
    sha256: NodeSha256,
    // S3 signs the path as sent; every other service encodes it once more.
    uriEscapePath: auth.service !== 's3',
    applyChecksum: false,
  });
  const signed = await signer.sign(
    { method: req.method, protocol: 'http:', hostname: headers.host ?? '', path: req.path, query: req.query, headers, body: req.body.length ? req.body : undefined },
    { signingDate, signingRegion: auth.region, signingService: auth.service },
  );
  const expected = parseAuthorization(String(signed.headers.authorization ?? signed.headers.Authorization));
  return expected?.signature === auth.signature ? { ok: true } : { ok: false, reason: 'mismatch' };
}

function headerValue(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v.join(',') : v;
}
