// What a person sees: the workbench loads with our activity-bar icon, the icon opens the Resources view
// (its regions, or its welcome content when no credentials are found), and a command runs from the palette.
import * as assert from 'node:assert/strict';
import { openView, openWorkbench, editUserSettingsJson, resourceRow, runCommand, waitForNotification } from './support';

describe('foundation (code-server in Chromium)', () => {
  it('loads the workbench with the AWS Workflows activity-bar icon', async () => {
    const page = await openWorkbench();
    await page.getByRole('tab', { name: /^AWS Workflows/ }).waitFor({ state: 'visible' });
  });

  it('opens the Resources view from the activity bar: regions with credentials, the welcome content without', async () => {
    const page = await openWorkbench();
    const view = await openView(page);
    const region = resourceRow(page, /^us-east-1$/);
    const welcome = view.locator('.welcome-view-content');
    // The emulator's credentials: the tree lists the region in use.
    await region.waitFor({ state: 'visible' });

    // A profile that is in no AWS config file, saved in settings.json (a typo, or a profile since deleted):
    // no credentials, so the welcome content with its Choose AWS Profile button.
    const statusBar = page.locator('.statusbar-item', { hasText: 'no-such-profile' });
    const restoreSettings = await editUserSettingsJson(page, { 'awsWorkflows.profile': 'no-such-profile' });
    try {
      await statusBar.waitFor({ state: 'visible' });
      await welcome.getByText('No AWS credentials were found, so there is nothing to list yet.').waitFor({ state: 'visible' });
      await welcome.locator('.monaco-button', { hasText: 'Choose AWS Profile' }).waitFor({ state: 'visible' });
      await region.waitFor({ state: 'detached' });
    } finally {
      // The code-server is shared by every suite: never leave the profile behind.
      await restoreSettings();
    }

    // The setting gone again: the default chain finds the credentials, the regions come back.
    await statusBar.waitFor({ state: 'detached' });
    await region.waitFor({ state: 'visible' });
    await welcome.waitFor({ state: 'hidden' });
  });

  it('runs "AWS Workflows: Check AWS Connection" from the command palette and shows its answer', async () => {
    const page = await openWorkbench();
    await runCommand(page, 'AWS Workflows: Check AWS Connection');
    // The answer comes from the extension host after a real ListStateMachines call to the emulator.
    const message = await waitForNotification(page, /^Connected to AWS in us-east-1 with /);
    assert.match(message, /Connected to AWS in us-east-1 with .+\./, message);
  });
});
