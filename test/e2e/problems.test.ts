// What a person sees in Chromium: the Problems panel lists the manifest's KMS error with our source and
// code, and the injection grammars give JSONata, intrinsic functions and JSONPath their own scopes.
import * as assert from 'node:assert/strict';
import { cpSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { repoRoot } from '../../scripts/harness/vscodeWeb';
import { e2e, openWorkbench, quickOpen as quickOpenIn, runCommand as runCommandIn, saveScreenshot } from './support';

const FIXTURE = path.join(repoRoot, 'test', 'fixtures', 'vscode', 'diagnostics');

describe('problems and highlighting (Chromium)', function () {
  this.timeout(180_000);
  let folder: string;
  let page: Page;

  before(() => {
    // A copy of the fixture of its own, opened as the workspace folder.
    folder = path.join(e2e().sandbox.root, 'problems-workspace');
    cpSync(FIXTURE, folder, { recursive: true });
  });

  beforeEach(async () => {
    page = await openWorkbench(folder);
  });

  const quickOpen = (fileName: string) => quickOpenIn(page, fileName);
  const runCommand = (title: string) => runCommandIn(page, title);

  /** The TextMate scopes at line:column, from Developer: Inspect Editor Tokens and Scopes. */
  async function scopesAt(line: number, column: number): Promise<{ token: string; scopes: string }> {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor();
    await page.keyboard.type(`${line}:${column}`);
    await page.keyboard.press('Enter');
    await runCommand('Developer: Inspect Editor Tokens and Scopes');
    const widget = page.locator('.token-inspect-widget');
    await widget.waitFor();
    const text = await widget.innerText();
    await page.keyboard.press('Escape');
    await widget.waitFor({ state: 'hidden' });
    return { token: text.split('\n')[0].trim(), scopes: text };
  }

  it('lists the KMS error of aws-workflows.yaml in the Problems panel, with source, code and position', async () => {
    await quickOpen('aws-workflows.yaml');
    await page.keyboard.press('Control+Shift+M');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'kms/missing-key' }).first();
    await row.waitFor({ timeout: 60_000 });
    const text = await row.innerText();
    assert.match(text, /CUSTOMER_MANAGED_KMS_KEY needs kmsKeyId/);
    assert.match(text, /AWS Workflows/);
    assert.match(text, /\[Ln 7, Col 13\]/);
    // The file node above it counts the file's problems (missing key and stray reuse period).
    await page.locator('.markers-panel .monaco-list-row', { hasText: 'kms/stray-key' }).first().waitFor();
    await saveScreenshot(page, 'problems-kms');
  });

  it('gives JSONata, intrinsic functions and JSONPath their own scopes in a state machine', async () => {
    await quickOpen('orders.asl.json');
    await page.locator('.editor-instance .view-line', { hasText: 'states.input' }).waitFor();
    // Line 8: "Payload": "{% $states.input %}" — `$states` starts at column 63.
    const jsonata = await scopesAt(8, 64);
    assert.equal(jsonata.token, '$states');
    assert.match(jsonata.scopes, /variable\.language\.states\.jsonata/);
    assert.match(jsonata.scopes, /meta\.embedded\.expression\.jsonata/);
    assert.match(jsonata.scopes, /source\.asl/);

    await quickOpen('refunds.asl.json');
    await page.locator('.editor-instance .view-line', { hasText: 'States.UUID' }).waitFor();
    const line = '      "Parameters": { "refundId.$": "States.UUID()", "order.$": "$.order.id" },';
    const intrinsic = await scopesAt(6, line.indexOf('UUID') + 2);
    assert.equal(intrinsic.token, 'UUID');
    assert.match(intrinsic.scopes, /support\.function\.intrinsic\.asl/);
    const jsonPath = await scopesAt(6, line.indexOf('$.order') + 1);
    assert.equal(jsonPath.token, '$');
    assert.match(jsonPath.scopes, /variable\.language\.jsonpath/);
  });

  it('does the same in YAML state machines and marks Image Builder step references', async () => {
    await quickOpen('approvals.asl.yaml');
    await page.locator('.editor-instance .view-line', { hasText: 'states.input' }).waitFor();
    const output = '    Output: "{% $states.input.request %}"';
    const jsonata = await scopesAt(6, output.indexOf('$states') + 2);
    assert.equal(jsonata.token, '$states');
    assert.match(jsonata.scopes, /variable\.language\.states\.jsonata/);
    assert.match(jsonata.scopes, /source\.asl-yaml/);
    const format = "      id.$: States.Format('approval-{}', $.request.id)";
    const intrinsic = await scopesAt(11, format.indexOf('Format') + 2);
    assert.equal(intrinsic.token, 'Format');
    assert.match(intrinsic.scopes, /support\.function\.intrinsic\.asl/);

    await quickOpen('build.yaml');
    await page.locator('.editor-instance .view-line', { hasText: 'hardened-build' }).waitFor();
    const value = '    value: $.stepOutputs.CreateOutputAMI.imageId';
    const step = await scopesAt(25, value.indexOf('CreateOutputAMI') + 2);
    assert.equal(step.token, 'CreateOutputAMI');
    assert.match(step.scopes, /entity\.name\.function\.step\.imagebuilder/);
    assert.match(step.scopes, /source\.yaml/);
  });
});
