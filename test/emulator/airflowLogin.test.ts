// The console-SSO page in a real browser: its script must read the token from the fragment,
// post it back and show the outcome, as the extension's "Open Airflow UI" relies on.
import assert from 'node:assert/strict';
import type { MwaaClient } from '../../src/aws/mwaa';
import { chromium, type Browser } from 'playwright-core';
import type { RunningEmulator } from './server';
import { clients, startTestEmulator } from './testSupport';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

describe('emulator: Airflow console-SSO page in Chromium', function () {
  this.timeout(60_000);
  let emulator: RunningEmulator;
  let mwaa: MwaaClient;
  let browser: Browser;

  before(async () => {
    emulator = await startTestEmulator({ seed: 'demo' });
    mwaa = clients(emulator).mwaa;
    // Chromium resolves *.localhost to loopback itself; the certificate is self-signed.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--ignore-certificate-errors', '--no-sandbox'] });
  });
  after(async () => {
    await browser?.close();
    await emulator?.stop();
  });

  async function open(environment: string, token: string, path = '/aws_mwaa/aws-console-sso?login=true') {
    const { WebServerHostname } = await mwaa.createWebLoginToken({ Name: environment });
    const page = await browser.newPage();
    await page.goto(`https://${WebServerHostname}${path}#${token}`);
    const status = page.locator('#login-status:not([data-state="pending"])');
    await status.waitFor();
    return { page, text: await status.textContent(), state: await status.getAttribute('data-state') };
  }

  it('logs in once with a fresh token, and refuses the same token again', async () => {
    const { WebToken } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    const first = await open('DemoAirflow', WebToken!);
    assert.equal(first.state, 'logged-in');
    assert.equal(first.text, 'Logged in to DemoAirflow as iam-user/test');
    assert.equal(new URL(first.page.url()).hash, '', 'the token leaves the address bar');
    const replay = await open('DemoAirflow', WebToken!);
    assert.equal(replay.state, 'refused');
    assert.match(replay.text ?? '', /^Login refused: The login token has already been used/);
  });

  it('serves the Airflow 3 path too', async () => {
    const { WebToken } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow3' });
    const result = await open('DemoAirflow3', WebToken!, '/pluginsv2/aws_mwaa/aws-console-sso?login=true');
    assert.equal(result.text, 'Logged in to DemoAirflow3 as iam-user/test');
  });

  it('shows a refusal for an expired token', async () => {
    const { WebToken } = await mwaa.createWebLoginToken({ Name: 'DemoAirflow' });
    const res = await fetch(`${emulator.controlUrl}/web-login-tokens/${encodeURIComponent(WebToken!)}/expire`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    const result = await open('DemoAirflow', WebToken!);
    assert.equal(result.state, 'refused');
    assert.match(result.text ?? '', /expired/);
  });
});
