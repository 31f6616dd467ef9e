// Our InvokeRestApi client: restJson1 binding from the generated table and the `env.` host prefix.
import * as assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MwaaRestApiClient, OPERATIONS, RESTAPI_PATH_MAX } from '../../../src/aws/mwaaRestApi';
import { REFERENCE_DIR } from '../../support/reference';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const signingDate = new Date('2026-11-22T01:02:03Z');
const input = { Name: 'Demo', Path: '/dags', Method: 'GET' as const, QueryParameters: { limit: 5 } };

describe('MWAA InvokeRestApi client', () => {
  (REFERENCE_DIR ? it : it.skip)('src/aws/mwaa.generated.ts is what scripts/generate-mwaa-client.mjs writes from ../shared/reference', async () => {
    const gen = (await import('../../../scripts/generate-mwaa-client.mjs')) as { mwaaClientModule(dir: string): string; MWAA_GENERATED: string };
    assert.equal(readFileSync(gen.MWAA_GENERATED, 'utf8'), gen.mwaaClientModule(path.join(REFERENCE_DIR!, 'aws-models')), 'run node scripts/generate-mwaa-client.mjs');
  });

  it('is generated from the model: POST /restapi/{Name}, host prefix env., Path at most 64 characters', () => {
    assert.equal(OPERATIONS.InvokeRestApi.http.method, 'POST');
    assert.equal(OPERATIONS.InvokeRestApi.http.requestUri, '/restapi/{Name}');
    assert.equal(OPERATIONS.InvokeRestApi.http.hostPrefix, 'env.');
    assert.equal(RESTAPI_PATH_MAX, 64);
  });

  it('sends to env.airflow.<region> on AWS, signed as the SDK signer does, with Name in the URI and the rest as JSON', async () => {
    const client = new MwaaRestApiClient({ region: 'us-east-1', endpoint: 'https://airflow.us-east-1.amazonaws.com', credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('InvokeRestApi', input);
    assert.equal(ours.hostname, 'env.airflow.us-east-1.amazonaws.com');
    assert.equal(ours.path, '/restapi/Demo');
    assert.deepEqual(JSON.parse(ours.body), { Path: '/dags', Method: 'GET', QueryParameters: { limit: 5 } });
    const signer = new SignatureV4({ service: 'airflow', region: 'us-east-1', credentials, sha256: Sha256 });
    const expected = await signer.sign(
      {
        method: 'POST',
        protocol: 'https:',
        hostname: 'env.airflow.us-east-1.amazonaws.com',
        path: '/restapi/Demo',
        query: {},
        headers: { host: 'env.airflow.us-east-1.amazonaws.com', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(ours.body)) },
        body: ours.body,
      },
      { signingDate },
    );
    assert.equal(ours.headers.authorization, (expected.headers as Record<string, string>).authorization);
    client.destroy();
  });

  it('adds no host prefix to an overridden endpoint (a local emulator has no env.* name)', async () => {
    const client = new MwaaRestApiClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', endpointOverridden: true, credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('InvokeRestApi', input);
    assert.equal(ours.hostname, '127.0.0.1');
    assert.equal(ours.headers.host, '127.0.0.1:4566');
    assert.match(ours.headers.authorization, /\/us-east-1\/airflow\/aws4_request/);
    client.destroy();
  });
});
