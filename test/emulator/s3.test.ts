import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  HeadBucketCommand,
  ListObjectsV2Command,
  PutBucketVersioningCommand,
  PutObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import type { RequestLogEntry, RunningEmulator } from './server';
import { clients, control, rejection, startTestEmulator } from './testSupport';

describe('emulator: S3', () => {
  let emulator: RunningEmulator;
  let s3: S3Client;

  before(async () => {
    emulator = await startTestEmulator();
    s3 = clients(emulator).s3;
  });
  after(() => emulator.stop());

  it('creates and heads buckets', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'alpha' }));
    const head = await s3.send(new HeadBucketCommand({ Bucket: 'alpha' }));
    assert.equal(head.BucketRegion, 'us-east-1');
    const missing = await rejection(() => s3.send(new HeadBucketCommand({ Bucket: 'nope-bucket' })));
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    const again = await rejection(() => s3.send(new CreateBucketCommand({ Bucket: 'alpha' })));
    assert.equal(again.name, 'BucketAlreadyOwnedByYou');
  });

  it('stores objects (aws-chunked streams with checksum trailers included) and versions them', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'versioned' }));
    await s3.send(new PutBucketVersioningCommand({ Bucket: 'versioned', VersioningConfiguration: { Status: 'Enabled' } }));
    assert.equal((await s3.send(new GetBucketVersioningCommand({ Bucket: 'versioned' }))).Status, 'Enabled');
    const v1 = await s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'dir/file name.yaml', Body: 'one: 1\n' }));
    // A stream of unknown length goes out as aws-chunked with a CRC32 trailer.
    const v2 = await s3.send(new PutObjectCommand({ Bucket: 'versioned', Key: 'dir/file name.yaml', Body: Readable.from([Buffer.from('two: '), Buffer.from('2\n')]), ContentLength: 7 }));
    assert.ok(v1.VersionId && v2.VersionId && v1.VersionId !== v2.VersionId);
    const puts = (await control<RequestLogEntry[]>(emulator, 'GET', '/requests')).filter((r) => r.operation === 'PutObject');
    assert.equal(puts.at(-1)?.headers['content-encoding'], 'aws-chunked', 'the streamed upload really was aws-chunked');
    const latest = await s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'dir/file name.yaml' }));
    assert.equal(await latest.Body?.transformToString(), 'two: 2\n');
    assert.equal(latest.VersionId, v2.VersionId);
    const old = await s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'dir/file name.yaml', VersionId: v1.VersionId }));
    assert.equal(await old.Body?.transformToString(), 'one: 1\n');
    const missing = await rejection(() => s3.send(new GetObjectCommand({ Bucket: 'versioned', Key: 'absent' })));
    assert.equal(missing.name, 'NoSuchKey');
    const noBucket = await rejection(() => s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' })));
    assert.equal(noBucket.name, 'NoSuchBucket');
  });

  it('pages ListObjectsV2 across 3+ pages with continuation tokens, prefixes and delimiters', async () => {
    await s3.send(new CreateBucketCommand({ Bucket: 'many' }));
    for (let i = 0; i < 24; i++) await s3.send(new PutObjectCommand({ Bucket: 'many', Key: `items/${String(i).padStart(2, '0')}.txt`, Body: String(i) }));
    await s3.send(new PutObjectCommand({ Bucket: 'many', Key: 'other/x.txt', Body: 'x' }));
    const keys: string[] = [];
    let pages = 0;
    let token: string | undefined;
    do {
      const page = await s3.send(new ListObjectsV2Command({ Bucket: 'many', Prefix: 'items/', ContinuationToken: token }));
      pages++;
      keys.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
    } while (token);
    assert.equal(pages, 3);
    assert.equal(keys.length, 24);
    const top = await s3.send(new ListObjectsV2Command({ Bucket: 'many', Delimiter: '/' }));
    assert.deepEqual(top.CommonPrefixes?.map((p) => p.Prefix), ['items/', 'other/']);
    assert.equal((await s3.send(new ListObjectsV2Command({ Bucket: 'many', MaxKeys: 3 }))).Contents?.length, 3);
  });
});
