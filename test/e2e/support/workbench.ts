// Helpers that drive the real workbench the way a person does. Every wait is on a condition.
import { copyFileSync, cpSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Frame, Locator, Page } from 'playwright-core';
import { repoRoot } from '../../../scripts/harness/vscodeWeb';
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
  // A command used before in this code-server is labelled "<title>, recently used".
  const quoted = title.replace(/"/g, '\\"');
  const row = page.locator(`.quick-input-list .monaco-list-row[aria-label="${quoted}"], .quick-input-list .monaco-list-row[aria-label^="${quoted},"]`).first();
  // F1 is dropped while the workbench is still wiring keybindings, and a palette opened before the remote
  // extension host has reported our extension lists none of its commands: reopen it until the row shows.
  await expectEventually(
    async () => {
      if (await input.isVisible()) await page.keyboard.press('Escape');
      await input.waitFor({ state: 'hidden', timeout: 2_000 });
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 2_000 });
      await input.fill(`>${title}`);
      await row.waitFor({ state: 'visible', timeout: 5_000 });
    },
    `"${title}" in the command palette`,
    WORKBENCH_TIMEOUT_MS,
  );
  // Enter accepts the active row; a mouse click can land on a row the list re-sorts under the pointer.
  await expectEventually(
    async () => {
      if (!(await row.getAttribute('class'))?.includes('focused')) await input.press('ArrowDown');
      const active = await page.locator('.quick-input-list .monaco-list-row.focused').getAttribute('aria-label');
      if (!active?.startsWith(title)) throw new Error(`the palette's active row is "${active}"`);
    },
    `"${title}" as the palette's active row`,
    UI_TIMEOUT_MS,
  );
  await input.press('Enter');
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

/** A copy of examples/ in the sandbox for a suite that edits or runs its files (the seeded workspace stays as it is). */
export function copyExamples(name: string): string {
  const folder = path.join(e2e().sandbox.root, name);
  cpSync(path.join(repoRoot, 'examples'), folder, { recursive: true });
  return folder;
}

/** Opens a workspace file by name with Quick Open (Ctrl+P) and waits for its tab to be the active one. */
export async function quickOpen(page: Page, fileName: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator('.quick-input-widget input').waitFor();
  await page.keyboard.type(fileName);
  await page.locator('.quick-input-list .monaco-list-row', { hasText: fileName }).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: fileName }).waitFor();
}

/** The Resources view's pane (its header and tree). */
export function resourcesView(page: Page): Locator {
  return page.locator('.pane', { has: page.locator('.pane-header', { hasText: /Resources/i }) });
}

/** Rows of the Resources tree whose label matches. */
export function resourceRow(page: Page, label: string | RegExp): Locator {
  return resourcesView(page).locator('.monaco-list-row', { has: page.locator('.label-name', { hasText: label }) });
}

/** Drags the side bar's edge so it is `width` pixels wide: names and descriptions show in full in a screenshot. */
export async function widenSideBar(page: Page, width: number): Promise<void> {
  const bar = await page.locator('.part.sidebar').boundingBox();
  if (!bar) return;
  await page.mouse.move(bar.x + bar.width - 1, bar.y + bar.height / 2);
  await page.mouse.down();
  await page.mouse.move(bar.x + width, bar.y + bar.height / 2, { steps: 5 });
  await page.mouse.up();
  // Off the sash, so it is not drawn highlighted.
  await page.mouse.move(bar.x + width + 200, bar.y + bar.height / 2);
}

/** Expands the first Resources row whose label matches (a no-op when it is already expanded). */
export async function expandResource(page: Page, label: string | RegExp): Promise<void> {
  const row = resourceRow(page, label).first();
  await row.waitFor();
  if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: UI_TIMEOUT_MS });
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

/** A webview's inner document (VS Code nests it in two iframes): the first frame where `selector` matches. */
export async function webviewFrame(page: Page, selector: string, what: string, timeoutMs = 90_000): Promise<Frame> {
  let found: Frame | undefined;
  await expectEventually(async () => {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) {
        found = frame;
        return;
      }
    }
    throw new Error(`no frame shows ${what} yet (${page.frames().length} frames)`);
  }, what, timeoutMs);
  return found!;
}

function fileNameFor(title: string): string {
  return title.replace(/[^a-zA-Z0-9._-]+/g, '-').replace(/^-|-$/g, '').slice(0, 150) || 'test';
}

const SCREENSHOTS_DIR = path.join(resultsDir, 'screenshots');
const COMMITTED_SCREENSHOTS_DIR = path.join(repoRoot, 'media', 'screenshots');

/**
 * Saves the page as .test-results/screenshots/<name>.png; with UPDATE_SCREENSHOTS=1 also as the committed
 * media/screenshots/<name>.png that the README shows, so a plain test run leaves the work tree clean.
 */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: file });
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync(COMMITTED_SCREENSHOTS_DIR, { recursive: true });
    copyFileSync(file, path.join(COMMITTED_SCREENSHOTS_DIR, `${name}.png`));
  }
  return file;
}

/** Saves a screenshot of every open workbench page to .test-results/screenshots/<test>[-n].png. */
export async function screenshotOnFailure(testTitle: string): Promise<string[]> {
  const dir = SCREENSHOTS_DIR;
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
