import * as assert from 'node:assert/strict';
import { SignatureV4 } from '@smithy/signature-v4';
import { Sha256 } from '@aws-crypto/sha256-js';
import { MwaaServerlessClient } from '../../../src/aws/mwaaServerless';

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const signingDate = new Date('2026-11-22T01:02:03Z');
const body = JSON.stringify({ MaxResults: 10 });

/** The same request, built by hand from the protocol's rules and signed by the SDK's own signer. */
async function signIndependently(host: string): Promise<Record<string, string>> {
  const signer = new SignatureV4({ service: 'airflow-serverless', region: 'us-east-1', credentials, sha256: Sha256 });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: host,
      path: '/',
      query: {},
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'AmazonMWAAServerless.ListWorkflows',
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    },
    { signingDate },
  );
  return signed.headers as Record<string, string>;
}

describe('MWAA Serverless SigV4 signing', () => {
  it('signs exactly as the SDK signer does for the real host (signing name airflow-serverless)', async () => {
    const client = new MwaaServerlessClient({
      region: 'us-east-1',
      endpoint: 'https://airflow-serverless.us-east-1.api.aws',
      credentials: async () => credentials,
      systemClock: () => signingDate,
    });
    const ours = await client.prepareRequest('ListWorkflows', body);
    const expected = await signIndependently('airflow-serverless.us-east-1.api.aws');
    assert.equal(ours.headers.authorization, expected.authorization);
    assert.equal(ours.headers['x-amz-date'], '20261122T010203Z');
    assert.equal(ours.headers['x-amz-content-sha256'], expected['x-amz-content-sha256']);
    assert.equal(ours.hostname, 'airflow-serverless.us-east-1.api.aws');
    assert.equal(ours.path, '/');
    // The known pair, pinned: a change in signing (scope, signed headers, canonical request) fails here.
    assert.equal(
      ours.headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/us-east-1/airflow-serverless/aws4_request, ' +
        'SignedHeaders=content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target, ' +
        `Signature=${PINNED_SIGNATURE}`,
    );
    client.destroy();
  });

  it('signs the host and port of an endpoint override', async () => {
    const client = new MwaaServerlessClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', credentials: async () => credentials, systemClock: () => signingDate });
    const ours = await client.prepareRequest('ListWorkflows', body);
    assert.equal(ours.headers.host, '127.0.0.1:4566');
    assert.match(ours.headers.authorization, /Credential=AKIDEXAMPLE\/20261122\/us-east-1\/airflow-serverless\/aws4_request/);
    client.destroy();
  });

  it('adds the session token when the credentials have one', async () => {
    const client = new MwaaServerlessClient({
      region: 'eu-west-1',
      endpoint: 'https://airflow-serverless.eu-west-1.api.aws',
      credentials: async () => ({ ...credentials, sessionToken: 'TOKEN' }),
      systemClock: () => signingDate,
    });
    const ours = await client.prepareRequest('GetWorkflow', '{}');
    assert.equal(ours.headers['x-amz-security-token'], 'TOKEN');
    assert.match(ours.headers.authorization, /x-amz-security-token/);
    client.destroy();
  });
});

// Computed with the SDK's SignatureV4 for the request above (fixed date and example keys).
const PINNED_SIGNATURE = 'aa778c98d9a688ae7636ae77f8347fd3f08fc8ad0c27826ba76647c4569d36e1';
