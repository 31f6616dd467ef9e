// The MWAA calls behind Open Airflow UI, through the real AwsSession and SDK against the emulator.
import * as assert from 'node:assert/strict';
import { createWebLogin, describeWebLoginError, getEnvironment, listEnvironmentNames } from '../../../src/airflow/mwaa';
import { mapWithLimit } from '../../../src/core/concurrency';
import { AwsActionError } from '../../../src/aws/errors';
import { AwsSession } from '../../../src/aws/session';
import { MemoryLogger } from '../../../src/core/log';
import { startEmulator, type RunningEmulator } from '../../emulator/server';

describe('Open Airflow UI: MWAA calls against the emulator (demo seed)', function () {
  this.timeout(30_000);
  let emulator: RunningEmulator;
  let session: AwsSession;
  let logger: MemoryLogger;

  before(async () => {
    emulator = await startEmulator({ port: 0, seed: 'demo', quiet: true });
  });
  beforeEach(() => {
    logger = new MemoryLogger();
    session = new AwsSession({
      logger,
      env: { AWS_ENDPOINT_URL: emulator.endpoint, AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test', AWS_REGION: 'us-east-1', AWS_CONFIG_FILE: '/nonexistent', AWS_SHARED_CREDENTIALS_FILE: '/nonexistent' },
      retry: { maxAttempts: 1 },
    });
  });
  afterEach(() => session.dispose());
  after(() => emulator?.stop());

  async function fault(operation: string, kind: string): Promise<void> {
    const res = await fetch(`${emulator.controlUrl}/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ service: 'airflow', operation, count: 1, kind }) });
    assert.ok(res.ok, await res.text());
  }

  async function calls(operation: string): Promise<number> {
    const requests = (await (await fetch(`${emulator.controlUrl}/requests`)).json()) as { operation: string }[];
    return requests.filter((r) => r.operation === operation).length;
  }

  async function rejection(p: Promise<unknown>): Promise<AwsActionError> {
    const err = await p.then(() => undefined, (e: unknown) => e);
    assert.ok(err instanceof AwsActionError, `expected an AwsActionError, got ${String(err)}`);
    return err;
  }

  it('lists every page of environment names', async () => {
    const before = await calls('ListEnvironments');
    // One environment per page, so listing has to follow NextToken.
    assert.deepEqual(await listEnvironmentNames(session, 'us-east-1', 1), ['DemoAirflow', 'DemoAirflow3', 'PrivateAirflow']);
    assert.equal((await calls('ListEnvironments')) - before, 3);
    assert.deepEqual(await listEnvironmentNames(session, 'eu-west-1'), ['EuropeAirflow']);
    assert.deepEqual(await listEnvironmentNames(session, 'ap-south-1'), []);
  });

  it('reads status, Airflow version and web server access mode', async () => {
    assert.deepEqual(await getEnvironment(session, 'PrivateAirflow', 'us-east-1'), {
      name: 'PrivateAirflow', region: 'us-east-1', status: 'AVAILABLE', airflowVersion: '2.10.3', webserverAccessMode: 'PRIVATE_ONLY', readable: true,
    });
    const updating = await getEnvironment(session, 'DemoAirflow3', 'us-east-1');
    assert.equal(updating.status, 'UPDATING');
    assert.equal(updating.airflowVersion, '3.0.6');
  });

  it('goes on without the status when GetEnvironment is denied (AmazonMWAAWebServerAccess grants only the token)', async () => {
    await fault('GetEnvironment', 'accessDenied');
    assert.deepEqual(await getEnvironment(session, 'DemoAirflow', 'us-east-1'), { name: 'DemoAirflow', region: 'us-east-1', readable: false });
  });

  it('says an environment is not in the region when GetEnvironment or CreateWebLoginToken cannot find it', async () => {
    const expected = /^MWAA environment EuropeAirflow is not in us-east-1\. Check the name, or the region: .*awsWorkflows\.regions/;
    assert.match((await rejection(getEnvironment(session, 'EuropeAirflow', 'us-east-1'))).message, expected);
    assert.match((await rejection(createWebLogin(session, 'EuropeAirflow', 'us-east-1'))).message, expected);
  });

  it('gets a new token at every call, with the hostname and Airflow identity', async () => {
    const before = await calls('CreateWebLoginToken');
    const first = await createWebLogin(session, 'DemoAirflow', 'us-east-1');
    const second = await createWebLogin(session, 'DemoAirflow', 'us-east-1');
    assert.notEqual(first.webToken, second.webToken);
    assert.equal(first.webServerHostname, `demoairflow.airflow.localhost:${emulator.airflowPort}`);
    assert.equal(first.airflowIdentity, 'iam-user/test');
    assert.equal(first.iamIdentity, 'arn:aws:iam::000000000000:user/test');
    assert.equal((await calls('CreateWebLoginToken')) - before, 2);
    const logged = logger.lines.join('\n');
    assert.ok(!logged.includes(first.webToken) && !logged.includes(second.webToken), 'a token reached the log');
  });

  it('names airflow:CreateWebLoginToken and AmazonMWAAWebServerAccess when access is denied', async () => {
    await fault('CreateWebLoginToken', 'accessDenied');
    const err = await rejection(createWebLogin(session, 'DemoAirflow', 'us-east-1'));
    assert.equal(err.kind, 'access-denied');
    assert.match(err.message, /^Could not open the Airflow UI of DemoAirflow in us-east-1: access denied\. Your identity needs the IAM permission airflow:CreateWebLoginToken on DemoAirflow \(the AWS managed policy AmazonMWAAWebServerAccess grants it\)/);
  });

  it('turns other failures into the AWS layer\'s sentences', async () => {
    await fault('CreateWebLoginToken', 'http500');
    const err = await rejection(createWebLogin(session, 'DemoAirflow', 'us-east-1'));
    assert.match(err.message, /^Amazon MWAA CreateWebLoginToken for DemoAirflow in us-east-1 failed: AWS had an internal error/);
    await fault('ListEnvironments', 'throttle');
    assert.match((await rejection(listEnvironmentNames(session, 'us-east-1'))).message, /^Amazon MWAA ListEnvironments in us-east-1 failed: AWS is throttling requests/);
  });

  it('says MWAA would not give a token while the web server is down, rather than "fix the input"', () => {
    const refused = Object.assign(new Error('Environment Busy is CREATING; its web server is not available.'), { name: 'ValidationException', $metadata: { httpStatusCode: 400 } });
    assert.equal(
      describeWebLoginError(refused, 'Busy', 'us-east-1').message,
      'Amazon MWAA would not open the Airflow UI of Busy in us-east-1: Environment Busy is CREATING; its web server is not available. Wait until the environment is AVAILABLE and try again.',
    );
  });

  it('runs at most `limit` calls at once and keeps the order', async () => {
    let inFlight = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const run = mapWithLimit([1, 2, 3, 4, 5, 6], 2, async (n) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise<void>((resolve) => gates.push(resolve));
      inFlight--;
      return n * 10;
    });
    // Release the calls one by one as they arrive; never more than two are waiting.
    while (gates.length || inFlight) {
      await new Promise((r) => setImmediate(r));
      gates.shift()?.();
    }
    assert.deepEqual(await run, [10, 20, 30, 40, 50, 60]);
    assert.equal(most, 2);
  });
});
