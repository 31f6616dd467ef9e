import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MemoryLogger } from '../../../src/core/log';
import { AwsSession, type SessionSettings } from '../../../src/aws/session';

describe('AwsSession', () => {
  let dir: string;
  let settings: SessionSettings;
  let env: NodeJS.ProcessEnv;
  let session: AwsSession;

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'aws-session-'));
    writeFileSync(path.join(dir, 'config'), '[default]\nregion = eu-west-1\n[profile dev]\nregion = ap-south-1\nendpoint_url = http://127.0.0.1:9\n');
    writeFileSync(path.join(dir, 'credentials'), '[dev]\naws_access_key_id = A\naws_secret_access_key = B\n');
    settings = {};
    env = { HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'), AWS_REGION: 'us-west-2' };
    session = new AwsSession({ logger: new MemoryLogger(), env, settings: () => settings });
  });

  afterEach(() => {
    session.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes region and endpoint from the chosen profile, and the region setting over both', async () => {
    assert.equal(await session.getRegion(), 'eu-west-1', 'the default profile region beats AWS_REGION');
    settings = { profile: 'dev' };
    session.refresh();
    assert.equal(session.getProfileName(), 'dev');
    assert.equal(await session.getRegion(), 'ap-south-1');
    assert.deepEqual(await session.getEndpoint('states'), { url: 'http://127.0.0.1:9', overridden: true, source: 'profile dev endpoint_url' });
    settings = { profile: 'dev', region: 'sa-east-1' };
    session.refresh();
    assert.equal(await session.getRegion(), 'sa-east-1');
  });

  it('tells listeners when the profile or region changes, and only then', () => {
    let changes = 0;
    const sub = session.onDidChange(() => changes++);
    session.refresh();
    assert.equal(changes, 0);
    settings = { region: 'us-east-2' };
    session.refresh();
    assert.equal(changes, 1);
    session.refresh({ force: true });
    assert.equal(changes, 2);
    sub.dispose();
    settings = { region: 'us-east-1' };
    session.refresh();
    assert.equal(changes, 2);
  });

  it('keeps one client per service and region, and builds new ones after a change', async () => {
    const a = await session.sfn('us-east-1');
    const b = await session.sfn('us-east-1');
    const c = await session.sfn('eu-central-1');
    assert.equal(a.client, b.client);
    assert.notEqual(a.client, c.client);
    assert.equal(c.region, 'eu-central-1');
    const s1 = await session.mwaaServerless('us-east-1');
    assert.equal((await session.mwaaServerless('us-east-1')).client, s1.client);
    settings = { profile: 'dev' };
    session.refresh();
    assert.notEqual((await session.sfn('us-east-1')).client, a.client);
    assert.notEqual((await session.mwaaServerless('us-east-1')).client, s1.client);
  });

  it("keeps MWAA's api./env. host prefixes and S3's virtual hosts only without an endpoint override", async () => {
    env.AWS_ACCESS_KEY_ID = 'A';
    env.AWS_SECRET_ACCESS_KEY = 'B';
    const mwaaDefault = (await session.mwaa('us-east-1')).client;
    assert.equal((await mwaaDefault.prepareRequest('ListEnvironments', {})).hostname, 'api.airflow.us-east-1.amazonaws.com');
    assert.equal((await mwaaDefault.prepareRequest('CreateWebLoginToken', { Name: 'Env' })).hostname, 'env.airflow.us-east-1.amazonaws.com');
    const s3Default = await session.s3('us-east-1');
    assert.notEqual(s3Default.client.config.forcePathStyle, true);
    settings = { profile: 'dev' }; // has endpoint_url
    session.refresh();
    const mwaaOverridden = (await session.mwaa('us-east-1')).client;
    assert.equal((await mwaaOverridden.prepareRequest('ListEnvironments', {})).hostname, '127.0.0.1');
    assert.equal((await mwaaOverridden.prepareRequest('CreateWebLoginToken', { Name: 'Env' })).hostname, '127.0.0.1');
    assert.equal((await session.s3('us-east-1')).client.config.forcePathStyle, true);
  });

  it('lists the profiles of both files', async () => {
    assert.deepEqual((await session.listProfiles()).map((p) => p.name), ['default', 'dev']);
  });
});

describe('package.json declares what src/profile registers', () => {
  const root = path.resolve(__dirname, '../../..');
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const source = readdirSync(path.join(root, 'src/profile')).map((f) => readFileSync(path.join(root, 'src/profile', f), 'utf8')).join('\n');

  it('every command id', () => {
    const ids = [...new Set([...source.matchAll(/'(awsWorkflows\.(?:choose|check)[A-Za-z]+)'/g)].map((m) => m[1]))];
    assert.deepEqual(ids.sort(), ['awsWorkflows.checkConnection', 'awsWorkflows.chooseProfile', 'awsWorkflows.chooseRegion']);
    for (const id of ids) assert.ok(pkg.contributes.commands.some((c: { command: string }) => c.command === id), id);
  });

  it('every setting, those choosing credentials or region at user level only', () => {
    const props = pkg.contributes.configuration.properties;
    for (const key of ['profile', 'region']) assert.ok(['application', 'machine'].includes(props[`awsWorkflows.${key}`]?.scope), key);
    assert.equal(props['awsWorkflows.regions']?.type, 'array');
  });
});
