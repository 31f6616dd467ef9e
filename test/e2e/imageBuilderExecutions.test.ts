// An Image Builder step waiting for a person, as a person resumes it: real code-server in Chromium,
// the emulator's demo seed. Expands the approval image's build down to its workflow execution, resumes
// the WaitForAction step from its inline action (a reason typed in the input box, the modal that says
// what the step waits for), watches the execution complete on its own (the explorer's poller), and
// saves the screenshot the README shows (media/screenshots/imagebuilder-resume.png, refreshed with
// UPDATE_SCREENSHOTS=1).
import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { expandResource, openView, resourceRow, saveScreenshot, waitForNotification, widenSideBar, withSeededWorkbench } from './support';

describe('Image Builder workflow executions in the browser (code-server + Chromium)', function () {
  this.timeout(240_000);
  let page: Page;
  withSeededWorkbench({ 'awsWorkflows.regions': ['us-east-1'] }, (p) => (page = p));

  const row = (text: string | RegExp) => resourceRow(page, text);
  const expand = (text: string | RegExp) => expandResource(page, text);

  it('resumes a waiting step and sees the workflow execution complete', async () => {
    await openView(page);
    await expand(/^us-east-1$/);
    await expand(/^Image Builder images$/);
    await expand(/^approval-image 1\.0\.0$/);
    await expand(/^approval-image 1\.0\.0\/1$/);
    await expand(/^demo-approval 1\.0\.0\/1$/);
    const step = row(/^ApproveBuildInstance$/);
    await step.locator('.label-description', { hasText: 'WaitForAction · waiting for an action' }).waitFor({ timeout: 60_000 });

    await step.hover();
    await step.locator('.action-label[aria-label^="Resume Step"]').click();
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill('checked the build instance');
    await input.press('Enter');

    const dialog = page.locator('.monaco-dialog-box');
    await dialog.waitFor({ timeout: 30_000 });
    const said = await dialog.innerText();
    assert.match(said, /Resume the step ApproveBuildInstance of approval-image 1\.0\.0\/1\?/);
    assert.match(said, /What it waits for: Check the build instance, then resume to make the AMI or stop to discard it\./);
    assert.match(said, /Reason: checked the build instance/);
    await dialog.getByRole('button', { name: 'Resume', exact: true }).click();
    await waitForNotification(page, /Resumed ApproveBuildInstance of approval-image 1\.0\.0\/1\./);

    // No refresh: the execution and its steps refresh themselves until they settle.
    await row(/^demo-approval 1\.0\.0\/1$/).locator('.label-description', { hasText: /^BUILD · COMPLETED · 4\/4 steps/ }).waitFor({ timeout: 60_000 });
    await row(/^ApproveBuildInstance$/).locator('.label-description', { hasText: /^WaitForAction · COMPLETED/ }).waitFor();
    await row(/^TerminateBuildInstance$/).locator('.label-description', { hasText: /^TerminateInstance · COMPLETED/ }).waitFor();
    await row(/^approval-image 1\.0\.0\/1$/).locator('.label-description', { hasText: 'AVAILABLE' }).waitFor({ timeout: 60_000 });
    await widenSideBar(page, 640);
    await saveScreenshot(page, 'imagebuilder-resume');
  });
});
