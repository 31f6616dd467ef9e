// A hostile file opened in the real editor: the 406-byte billion-laughs state machine gets one
// parse/too-complex diagnostic, and the extension host stays responsive while it is checked
// (before the parsing budgets it spent minutes and gigabytes on this file, on the host's thread).
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

const EXTENSION_ID = 'workflows-for-aws.workflows-for-aws';
const SOURCE = 'AWS Workflows';

function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** How long one of our commands takes to answer, in ms: the extension host's responsiveness. */
async function commandLatency(): Promise<number> {
  const started = Date.now();
  await vscode.commands.executeCommand('awsWorkflows.showLog');
  return Date.now() - started;
}

describe('hostile files in the editor (extension host stays responsive)', function () {
  this.timeout(60_000);

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('opens the billion-laughs file, answers a command within 1 s throughout, and reports parse/too-complex once', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    await ext.activate();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the harness opens a workspace');
    const text = readFileSync(path.join(ext.extensionPath, 'test', 'unit', 'hostile', 'files', 'billion-laughs.asl.yaml'), 'utf8');
    const uri = vscode.Uri.joinPath(folder.uri, 'hostile-it', 'billion-laughs.asl.yaml');
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

    const latencies: number[] = [];
    const diagnosed = new Promise<vscode.Diagnostic[]>((resolve, reject) => {
      const timer = setTimeout(() => { sub.dispose(); reject(new Error('no parse/too-complex diagnostic within 30 s')); }, 30_000);
      const sub = vscode.languages.onDidChangeDiagnostics(() => {
        const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
        if (ours.some((d) => codeOf(d) === 'parse/too-complex')) {
          clearTimeout(timer);
          sub.dispose();
          resolve(ours);
        }
      });
    });
    await vscode.window.showTextDocument(uri);
    // Ask while the file is being checked, and after: a blocked host would answer none of these in time.
    let done = false;
    void diagnosed.then(() => { done = true; }, () => { done = true; });
    // Sampled every 200 ms (a tight loop of UI commands would itself flood the connection to the window).
    while (!done) {
      latencies.push(await commandLatency());
      await new Promise((r) => setTimeout(r, 200));
    }
    latencies.push(await commandLatency());
    const diagnostics = await diagnosed;
    assert.ok(Math.max(...latencies) < 1000, `command latencies ${latencies.join(', ')} ms`);
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'parse/too-complex').length, 1, JSON.stringify(diagnostics.map((d) => [codeOf(d), d.message])));
    assert.equal(diagnostics.filter((d) => codeOf(d) === 'internal/error').length, 0);
  });
});
