// User settings as a person edits them. code-server's file watcher is not dependable for the user-data
// folder, so a change written on disk reaches only the workbenches opened after it; a change saved from
// the settings.json editor reaches the open workbench (and its extension host) at once.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { e2e } from './environment';
import { runCommand } from './workbench';

function userSettingsFile(): string {
  return path.join(e2e().sandbox.userDataDir, 'User', 'settings.json');
}

/**
 * settings.json as the workbench left it. Replacing its text in the editor (editUserSettingsJson) can leave
 * a stray '"}' after the object, which VS Code reads leniently; the object before it is what is in force.
 */
function parseSettings(text: string): Record<string, unknown> {
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (err) {
    const end = /after JSON at position (\d+)/.exec(err instanceof Error ? err.message : '');
    if (!end) throw err;
    return JSON.parse(text.slice(0, Number(end[1]))) as Record<string, unknown>;
  }
}

function merged(text: string, changes: Record<string, unknown>): Record<string, unknown> {
  const settings = parseSettings(text);
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete settings[key];
    else settings[key] = value;
  }
  return settings;
}

/**
 * Merges `changes` into the user settings.json on disk (undefined removes a key), for workbenches opened
 * afterwards, and returns a function that writes the file back as it was. Call it in an after hook or a
 * finally: the code-server is shared by every suite.
 */
export function updateUserSettings(changes: Record<string, unknown>): () => void {
  const file = userSettingsFile();
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, JSON.stringify(merged(original, changes), null, 2));
  return () => writeFileSync(file, original);
}

/**
 * Edits settings.json in the open workbench as a person does (Preferences: Open User Settings (JSON),
 * replace, save) and returns a function that saves it back as it was the same way.
 */
export async function editUserSettingsJson(page: Page, changes: Record<string, unknown>): Promise<() => Promise<void>> {
  const original = readFileSync(userSettingsFile(), 'utf8');
  await replaceUserSettingsJson(page, JSON.stringify(merged(original, changes)));
  return () => replaceUserSettingsJson(page, JSON.stringify(parseSettings(original)));
}

async function replaceUserSettingsJson(page: Page, text: string): Promise<void> {
  await runCommand(page, 'Preferences: Open User Settings (JSON)');
  const editor = page.locator('.editor-instance .monaco-editor', { has: page.locator('.view-lines') }).first();
  await page.locator('.tab.active', { hasText: 'settings.json' }).waitFor();
  await editor.click();
  await page.keyboard.press('Control+A');
  // One line, inserted rather than typed: no auto-closed brackets or auto-indent to undo.
  await page.keyboard.insertText(text);
  await page.keyboard.press('Control+S');
  await page.locator('.tab.active.dirty').waitFor({ state: 'detached' });
}
