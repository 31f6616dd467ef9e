// Helpers that drive the real workbench the way a person does. Every wait is on a condition.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { e2e, resultsDir } from './environment';

/** Cold starts take 9-20 s on a busy 2-core machine; these are ceilings, not expectations. */
export const WORKBENCH_TIMEOUT_MS = 120_000;
export const UI_TIMEOUT_MS = 30_000;
const POLL_INTERVAL_MS = 100;

const openContexts = new Set<BrowserContext>();

/** Opens the workbench on `folder` (default: the e2e workspace) in a fresh browser context. */
export async function openWorkbench(folder?: string): Promise<Page> {
  const { browser, codeServer } = e2e();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  openContexts.add(context);
  context.setDefaultTimeout(UI_TIMEOUT_MS);
  const page = await context.newPage();
  await page.goto(codeServer.workbenchUrl(folder), { waitUntil: 'domcontentloaded', timeout: WORKBENCH_TIMEOUT_MS });
  await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  // The activity bar is drawn once the workbench has restored its layout; before that clicks get lost.
  await page.locator('.activitybar .composite-bar').waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  return page;
}

/** Runs a command from the command palette (F1) by its full title, e.g. "AWS Workflows: Show Log". */
export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // F1 is dropped while the workbench is still wiring keybindings; retry until the palette is open.
  await expectEventually(async () => {
    if (!(await input.isVisible())) await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 2_000 });
  }, `the command palette to open for "${title}"`);
  await input.fill(`>${title}`);
  // A command used before in this code-server is labelled "<title>, recently used".
  const quoted = title.replace(/"/g, '\\"');
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label="${quoted}"], .quick-input-list .monaco-list-row[aria-label^="${quoted},"]`);
  await row.first().waitFor({ state: 'visible', timeout: WORKBENCH_TIMEOUT_MS });
  await row.first().click();
  await input.waitFor({ state: 'hidden' });
}

/** Waits for a notification toast whose message matches, and returns its text. */
export async function waitForNotification(page: Page, pattern: RegExp, timeoutMs = UI_TIMEOUT_MS): Promise<string> {
  const message = page.locator('.notification-list-item-message').filter({ hasText: pattern }).first();
  await message.waitFor({ state: 'visible', timeout: timeoutMs });
  return (await message.textContent()) ?? '';
}

/** Opens the AWS Workflows view container from its activity-bar icon; returns the container's element. */
export async function openView(page: Page): Promise<Locator> {
  await page.getByRole('tab', { name: /^AWS Workflows/ }).click();
  const container = page.locator('[id="workbench.view.extension.awsWorkflows"]');
  await container.waitFor({ state: 'visible' });
  return container;
}

/** Retries `attempt` until it stops throwing or the time is up (for UI races with no event to wait on). */
export async function expectEventually(attempt: () => Promise<void>, what: string, timeoutMs = UI_TIMEOUT_MS): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await attempt();
      return;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${err instanceof Error ? err.message : err}`, { cause: err });
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_INTERVAL_MS));
  }
}

function fileNameFor(title: string): string {
  return title.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 150) || 'test';
}

/** Saves a screenshot of every open workbench page to .test-results/screenshots/<test>[-n].png. */
export async function screenshotOnFailure(testTitle: string): Promise<string[]> {
  const dir = path.join(resultsDir, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const saved: string[] = [];
  const pages = [...openContexts].flatMap((c) => c.pages());
  for (const [i, page] of pages.entries()) {
    const file = path.join(dir, `${fileNameFor(testTitle)}${pages.length > 1 ? `-${i + 1}` : ''}.png`);
    try {
      await page.screenshot({ path: file });
      saved.push(file);
    } catch {
      // The page may have crashed, which is likely why the test failed; the log says more.
    }
  }
  return saved;
}

/** Closes every context openWorkbench made (after each test). */
export async function closeWorkbenches(): Promise<void> {
  const contexts = [...openContexts];
  openContexts.clear();
  await Promise.all(contexts.map((c) => c.close().catch(() => undefined)));
}
