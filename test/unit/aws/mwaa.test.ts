// Our MWAA client: restJson1 bindings from the generated table, the `api.`/`env.` host prefixes,
// SigV4 as the SDK signer signs, and timestamps read as the SDK reads them.
import * as assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MwaaClient, OPERATIONS, RESTAPI_PATH_MAX, SHAPES } from '../../../src/aws/mwaa';
import { deserializeShape, type ShapeTable } from '../../../src/aws/signedClient';
import { REFERENCE_DIR } from '../../support/reference';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const signingDate = new Date('2026-11-22T01:02:03Z');
const input = { Name: 'Demo', Path: '/dags', Method: 'GET' as const, QueryParameters: { limit: 5 } };

/** The Authorization header the SDK's own signer writes for the same HTTPS request. */
async function sdkAuthorization(region: string, request: { method: string; hostname: string; path: string; query: Record<string, string>; headers: Record<string, string>; body: string }): Promise<string> {
  const signer = new SignatureV4({ service: 'airflow', region, credentials, sha256: Sha256 });
  const signed = await signer.sign({ ...request, protocol: 'https:', headers: { host: request.hostname, ...request.headers } }, { signingDate });
  return (signed.headers as Record<string, string>).authorization;
}

describe('MWAA client (ours)', () => {
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
    const client = new MwaaClient({ region: 'us-east-1', endpoint: 'https://airflow.us-east-1.amazonaws.com', credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('InvokeRestApi', input);
    assert.equal(ours.hostname, 'env.airflow.us-east-1.amazonaws.com');
    assert.equal(ours.path, '/restapi/Demo');
    assert.deepEqual(JSON.parse(ours.body), { Path: '/dags', Method: 'GET', QueryParameters: { limit: 5 } });
    const expected = await sdkAuthorization('us-east-1', {
      method: 'POST',
      hostname: 'env.airflow.us-east-1.amazonaws.com',
      path: '/restapi/Demo',
      query: {},
      headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(ours.body)) },
      body: ours.body,
    });
    assert.equal(ours.headers.authorization, expected);
    client.destroy();
  });

  it('adds no host prefix to an overridden endpoint (a local emulator has no env.* name)', async () => {
    const client = new MwaaClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', endpointOverridden: true, credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('InvokeRestApi', input);
    assert.equal(ours.hostname, '127.0.0.1');
    assert.equal(ours.headers.host, '127.0.0.1:4566');
    assert.match(ours.headers.authorization, /\/us-east-1\/airflow\/aws4_request/);
    client.destroy();
  });

  it('is generated from the model for every operation we call: method, URI, host prefix, query members', () => {
    const binding = (op: keyof typeof OPERATIONS) => {
      const { method, requestUri, hostPrefix, query } = OPERATIONS[op].http;
      return { method, requestUri, hostPrefix, query };
    };
    assert.deepEqual(binding('ListEnvironments'), { method: 'GET', requestUri: '/environments', hostPrefix: 'api.', query: { NextToken: 'NextToken', MaxResults: 'MaxResults' } });
    assert.deepEqual(binding('GetEnvironment'), { method: 'GET', requestUri: '/environments/{Name}', hostPrefix: 'api.', query: {} });
    assert.deepEqual(binding('CreateWebLoginToken'), { method: 'POST', requestUri: '/webtoken/{Name}', hostPrefix: 'env.', query: {} });
  });

  it('sends ListEnvironments as a signed GET to api.airflow.<region>, the page in the query and no body', async () => {
    const client = new MwaaClient({ region: 'eu-west-1', endpoint: 'https://airflow.eu-west-1.amazonaws.com', credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('ListEnvironments', { MaxResults: 25, NextToken: 'tok/en+=' });
    assert.equal(ours.hostname, 'api.airflow.eu-west-1.amazonaws.com');
    assert.equal(ours.path, '/environments?NextToken=tok%2Fen%2B%3D&MaxResults=25');
    assert.equal(ours.body, '');
    assert.equal(ours.headers['content-type'], undefined);
    const expected = await sdkAuthorization('eu-west-1', {
      method: 'GET',
      hostname: 'api.airflow.eu-west-1.amazonaws.com',
      path: '/environments',
      query: { MaxResults: '25', NextToken: 'tok/en+=' },
      headers: { 'content-length': '0' },
      body: '',
    });
    assert.equal(ours.headers.authorization, expected);
    assert.equal((await client.prepareRequest('ListEnvironments', {})).path, '/environments');
    client.destroy();
  });

  it('puts the environment name in the URI, percent-encoded, for GetEnvironment and CreateWebLoginToken', async () => {
    const client = new MwaaClient({ region: 'us-east-1', endpoint: 'https://airflow.us-east-1.amazonaws.com', credentials: async () => credentials });
    const get = await client.prepareRequest('GetEnvironment', { Name: 'My Env' });
    assert.deepEqual([get.method, get.hostname, get.path, get.body], ['GET', 'api.airflow.us-east-1.amazonaws.com', '/environments/My%20Env', '']);
    const token = await client.prepareRequest('CreateWebLoginToken', { Name: 'Demo' });
    assert.deepEqual([token.method, token.hostname, token.path, token.body], ['POST', 'env.airflow.us-east-1.amazonaws.com', '/webtoken/Demo', '']);
    client.destroy();
  });

  it('reads epoch-second timestamps (CreatedAt, LastUpdate.CreatedAt) into Dates rounded to the millisecond, as the SDK does', () => {
    const out = deserializeShape(SHAPES as ShapeTable, 'GetEnvironmentOutput', {
      Environment: { Name: 'Demo', CreatedAt: 1763773323.1239, LastUpdate: { Status: 'SUCCESS', CreatedAt: 1763773400 }, Tags: { team: 'data' } },
    }) as { Environment: { CreatedAt: Date; LastUpdate: { CreatedAt: Date }; Tags: Record<string, string> } };
    assert.ok(out.Environment.CreatedAt instanceof Date);
    assert.equal(out.Environment.CreatedAt.getTime(), 1763773323124);
    assert.equal(out.Environment.LastUpdate.CreatedAt.toISOString(), '2025-11-22T01:03:20.000Z');
    assert.deepEqual(out.Environment.Tags, { team: 'data' });
    assert.throws(() => deserializeShape(SHAPES as ShapeTable, 'GetEnvironmentOutput', { Environment: { CreatedAt: 'yesterday' } }), /CreatedAt is not a valid timestamp/);
  });
});
