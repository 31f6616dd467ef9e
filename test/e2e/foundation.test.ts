// What a person sees: the workbench loads with our activity-bar icon, the icon opens the Resources view
// with its welcome content, and a command runs from the command palette.
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../scripts/harness/vscodeWeb';
import { openView, openWorkbench, resultsDir, runCommand } from './support';

describe('foundation (code-server in Chromium)', () => {
  it('loads the workbench with the AWS Workflows activity-bar icon', async () => {
    const page = await openWorkbench();
    await page.getByRole('tab', { name: /^AWS Workflows/ }).waitFor({ state: 'visible' });
  });

  it('opens the Resources view from the activity bar and shows its content', async () => {
    const page = await openWorkbench();
    const view = await openView(page);
    await view.locator('.pane-header[aria-label="Resources Section"]').waitFor({ state: 'attached' });
    // With the emulator's demo seed the tree has regions; without AWS access it shows the welcome content.
    await view.locator('.monaco-list[aria-label="Resources"] .monaco-list-row').or(view.locator('.welcome-view-content')).first().waitFor({ state: 'visible' });

    // The README's screenshot is this view in the real UI; refresh the committed copy with UPDATE_SCREENSHOTS=1.
    const shot = path.join(resultsDir, 'screenshots', 'readme', 'resources-view.png');
    mkdirSync(path.dirname(shot), { recursive: true });
    await page.screenshot({ path: shot });
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      mkdirSync(path.join(repoRoot, 'media', 'screenshots'), { recursive: true });
      copyFileSync(shot, path.join(repoRoot, 'media', 'screenshots', 'resources-view.png'));
    }
  });

  it('runs "AWS Workflows: Show Log" from the command palette and shows our output channel', async () => {
    const page = await openWorkbench();
    const output = page.locator('[id="workbench.panel.output"]');
    assert.equal(await output.isVisible(), false, 'the Output panel was already open');
    await runCommand(page, 'AWS Workflows: Show Log');
    await output.waitFor({ state: 'visible' });
    const channel = output.locator('select.monaco-select-box').or(page.locator('[id="workbench.parts.panel"] select.monaco-select-box')).first();
    await channel.waitFor({ state: 'visible' });
    assert.equal(await channel.inputValue(), 'AWS Workflows');
  });
});
