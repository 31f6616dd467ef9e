// A state machine whose customer managed KMS key the user may not decrypt with, as a person sees it:
// the demo seed's EncryptedPipeline (alias/workflows-demo, callerMayDecrypt: false) opened from the
// tree shows what Step Functions answers without the key, and says in one sentence why the
// definition is missing.
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expandResource, openView, resourceRow, waitForNotification, withSeededWorkbench } from './support';

describe('a state machine the user may not decrypt (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1'], 'awsWorkflows.explorer.pageSize': 50 }, (p) => (page = p));

  it('opens EncryptedPipeline from the tree: its metadata, and the key and permission that are missing', async () => {
    await openView(page);
    await expandResource(page, /^us-east-1$/);
    await expandResource(page, /^Step Functions$/);
    await expandResource(page, /^State machines$/);
    const machine = resourceRow(page, /^EncryptedPipeline$/);
    await machine.hover();
    await machine.locator('.action-label[aria-label^="Open Deployed Definition"]').click();

    const message = await waitForNotification(page, /encrypted with alias\/workflows-demo/);
    assert.match(message, /The definition of EncryptedPipeline is encrypted with alias\/workflows-demo; reading it needs kms:Decrypt on that key\./);
    await page.locator('.tabs-container .tab', { hasText: 'EncryptedPipeline.metadata.json' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: '"name": "EncryptedPipeline"' }).waitFor();
    await page.locator('.monaco-editor .view-lines', { hasText: '(not readable)' }).waitFor();
  });
});
