import assert from 'node:assert/strict';
import { request } from 'node:https';
import type { MwaaClient } from '../../src/aws/mwaa';
import type { RunningEmulator } from './server';
import { clients, rejection, signedJsonRequest, startTestEmulator } from './testSupport';

/** HTTPS to the Airflow web server on loopback, with the Host the browser would send; the certificate is self-signed. */
function airflowRequest(emulator: RunningEmulator, host: string, method: string, path: string, body?: unknown): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: emulator.airflowPort, method, path, rejectUnauthorized: false, servername: 'localhost', headers: { host, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('emulator: MWAA and its Airflow web server', () => {
  let emulator: RunningEmulator;
  let mwaa: MwaaClient;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    mwaa = clients(emulator).mwaa;
  });
  after(() => emulator.stop());

  it('lists and describes the seeded environments with statuses, versions and access modes', async () => {
    const { Environments } = await mwaa.listEnvironments({});
    assert.deepEqual(Environments, ['DemoAirflow', 'DemoAirflow3', 'PrivateAirflow']);
    const env = (await mwaa.getEnvironment({ Name: 'DemoAirflow3' })).Environment!;
    assert.equal(env.Status, 'UPDATING');
    assert.equal(env.AirflowVersion, '3.0.6');
    assert.equal(env.WebserverUrl, `https://demoairflow3.airflow.localhost:${emulator.airflowPort}`);
    assert.ok(env.CreatedAt instanceof Date && !Number.isNaN(env.CreatedAt.getTime()));
    assert.equal(env.LastUpdate?.CreatedAt?.getTime(), env.CreatedAt.getTime());
    assert.equal((await mwaa.getEnvironment({ Name: 'PrivateAirflow' })).Environment?.WebserverAccessMode, 'PRIVATE_ONLY');
    const eu = await clients(emulator, 'eu-west-1').mwaa.listEnvironments({});
    assert.deepEqual(eu.Environments, ['EuropeAirflow']);
  });

  it('answers ResourceNotFoundException and validation errors with the service shapes', async () => {
    const missing = await rejection(() => mwaa.getEnvironment({ Name: 'Nope' }));
    assert.equal(missing.name, 'ResourceNotFoundException');
    assert.equal(missing.$metadata?.httpStatusCode, 404);
    const pattern = await rejection(() => mwaa.getEnvironment({ Name: '1bad' }));
    assert.equal(pattern.name, 'ValidationException');
    assert.match(pattern.message, /at 'Name' failed to satisfy constraint: Member must satisfy regular expression pattern/);
    const range = await rejection(() => mwaa.listEnvironments({ MaxResults: 26 }));
    assert.equal(range.name, 'ValidationException');
  });

  it('pages ListEnvironments with MaxResults', async () => {
    const first = await mwaa.listEnvironments({ MaxResults: 1 });
    const second = await mwaa.listEnvironments({ MaxResults: 1, NextToken: first.NextToken });
    const third = await mwaa.listEnvironments({ MaxResults: 1, NextToken: second.NextToken });
    assert.deepEqual([...first.Environments!, ...second.Environments!, ...third.Environments!], ['DemoAirflow', 'DemoAirflow3', 'PrivateAirflow']);
    assert.equal(third.NextToken, undefined);
  });

  it('tags environments', async () => {
    const arn = (await mwaa.getEnvironment({ Name: 'DemoAirflow' })).Environment!.Arn!;
    const tags = (method: string, query?: Record<string, string[]>, body?: unknown) =>
      signedJsonRequest(emulator.endpoint, 'us-east-1', 'airflow', { method, path: `/tags/${encodeURIComponent(arn)}`, query, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined });
    assert.equal((await tags('POST', undefined, { Tags: { owner: 'me', stage: 'demo', team: 'data' } })).status, 200);
    assert.equal((await tags('DELETE', { tagKeys: ['stage', 'team'] })).status, 200);
    assert.deepEqual((await tags('GET')).body.Tags, { owner: 'me' });
  });

  it('creates a web login token whose hostname points at the Airflow web server', async () => {
    const token = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    assert.equal(token.WebServerHostname, `demoairflow.airflow.localhost:${emulator.airflowPort}`);
    assert.ok(token.WebToken && token.AirflowIdentity && token.IamIdentity);
  });

  it('serves the console-SSO page (Airflow 2 and 3 paths) whose script posts the fragment token back', async () => {
    for (const path of ['/aws_mwaa/aws-console-sso?login=true', '/pluginsv2/aws_mwaa/aws-console-sso?login=true']) {
      const page = await airflowRequest(emulator, 'demoairflow.airflow.localhost', 'GET', path);
      assert.equal(page.status, 200);
      assert.match(page.text, /id="login-status"/);
      assert.match(page.text, /location\.hash/);
    }
  });

  it('accepts a token once and refuses a replay', async () => {
    const { WebToken } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    const host = 'demoairflow.airflow.localhost';
    const first = await airflowRequest(emulator, host, 'POST', '/aws_mwaa/aws-console-sso', { token: WebToken });
    assert.equal(first.status, 200);
    assert.deepEqual(JSON.parse(first.text), { ok: true, environment: 'DemoAirflow', airflowIdentity: 'iam-user/test' });
    const replay = await airflowRequest(emulator, host, 'POST', '/aws_mwaa/aws-console-sso', { token: WebToken });
    assert.equal(replay.status, 403);
    assert.match(JSON.parse(replay.text).reason, /already been used/);
  });

  it('refuses an expired token and a token for another environment', async () => {
    const { WebToken } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    // Age the token past its 60-second lifetime through the emulator's own token table.
    const { WebToken: other } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    const expired = await expireToken(emulator, WebToken!);
    assert.equal(expired.status, 403);
    assert.match(JSON.parse(expired.text).reason, /expired/);
    const wrongHost = await airflowRequest(emulator, 'privateairflow.airflow.localhost', 'POST', '/aws_mwaa/aws-console-sso', { token: other });
    assert.equal(wrongHost.status, 403);
    assert.match(JSON.parse(wrongHost.text).reason, /for environment DemoAirflow/);
  });
});

/** Ages a token by rewriting its creation time in the running emulator (test-only hook). */
async function expireToken(emulator: RunningEmulator, token: string): Promise<{ status: number; text: string }> {
  const res = await fetch(`${emulator.controlUrl}/web-login-tokens/${encodeURIComponent(token)}/expire`, { method: 'POST', headers: { 'content-type': 'application/json' } });
  assert.equal(res.status, 200);
  return airflowRequest(emulator, 'demoairflow.airflow.localhost', 'POST', '/aws_mwaa/aws-console-sso', { token });
}
