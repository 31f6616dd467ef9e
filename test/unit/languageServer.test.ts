// `aws-workflows lsp --stdio` driven by an LSP client over its standard streams (vscode-jsonrpc):
// initialize, open, diagnostics with exact ranges, change, a quick fix that applies, hover, completion.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { KMS_REGION_WORKSPACE } from '../support/kmsRegion';

const ROOT = resolve(__dirname, '..', '..');

interface Diagnostic { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; message: string; source: string }
interface Publish { uri: string; version?: number; diagnostics: Diagnostic[] }
interface TextEdit { range: Diagnostic['range']; newText: string }

const TYPO = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Succed" }\n  }\n}\n';

describe('language server (aws-workflows lsp --stdio)', function () {
  this.timeout(60_000);
  let dir: string;
  let child: ChildProcess;
  let client: MessageConnection;
  const published: Publish[] = [];
  const waiters: { test: (p: Publish) => boolean; resolve: (p: Publish) => void }[] = [];

  /** The first diagnostics for `uri` (at `version`, if given) published from now on or already. */
  function diagnosticsFor(uri: string, test: (p: Publish) => boolean = () => true): Promise<Publish> {
    const seen = published.find((p) => p.uri === uri && test(p));
    if (seen) return Promise.resolve(seen);
    return new Promise((resolveWait) => waiters.push({ test: (p) => p.uri === uri && test(p), resolve: resolveWait }));
  }

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-workflows-lsp-'));
    child = spawn(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'lsp', '--stdio'], { cwd: ROOT, env: { ...process.env, AWS_REGION: 'us-east-1' }, stdio: ['pipe', 'pipe', 'inherit'] });
    client = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    client.onNotification('textDocument/publishDiagnostics', (p: Publish) => {
      published.push(p);
      for (const w of [...waiters]) if (w.test(p)) { waiters.splice(waiters.indexOf(w), 1); w.resolve(p); }
    });
    client.listen();
    const exited = new Promise<never>((_, reject) => child.once('exit', (code) => reject(new Error(`the server exited (${code})`))));
    const init = await Promise.race([exited, client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }], capabilities: {} })]) as { capabilities: Record<string, unknown> };
    assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider && init.capabilities.completionProvider);
    await client.sendNotification('initialized', {});
  });
  after(async () => {
    await client?.sendRequest('shutdown').catch(() => undefined);
    await client?.sendNotification('exit').catch(() => undefined);
    await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
    client?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('publishes diagnostics with exact ranges, re-checks on change, and a quick fix applies', async () => {
    const file = join(dir, 'flow.asl.json');
    writeFileSync(file, TYPO);
    const uri = pathToFileURL(file).href;
    let doc = TextDocument.create(uri, 'json', 1, TYPO);
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: TYPO } });

    const first = await diagnosticsFor(uri, (p) => p.version === 1);
    const typo = first.diagnostics.find((d) => d.code === 'asl/invalid-state-type');
    assert.ok(typo, JSON.stringify(first.diagnostics));
    assert.equal(typo.severity, 1);
    assert.equal(typo.source, 'aws-workflows');
    assert.deepEqual(typo.range, { start: { line: 3, character: 19 }, end: { line: 3, character: 27 } });
    assert.equal(doc.getText(typo.range), '"Succed"');

    const actions = await client.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } }) as { title: string; kind: string; edit: { changes: Record<string, TextEdit[]> } }[];
    const fix = actions.find((a) => /Succeed/.test(a.title));
    assert.ok(fix, JSON.stringify(actions));
    assert.equal(fix.kind, 'quickfix');
    const fixed = TextDocument.applyEdits(doc, fix.edit.changes[uri]);
    assert.match(fixed, /"Type": "Succeed"/);

    // The edit as the client sends it: an incremental change at version 2.
    const edit = fix.edit.changes[uri][0];
    await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ range: edit.range, text: edit.newText }] });
    doc = TextDocument.update(doc, [{ range: edit.range, text: edit.newText }], 2);
    assert.equal(doc.getText(), fixed);
    const second = await diagnosticsFor(uri, (p) => p.version === 2);
    assert.deepEqual(second.diagnostics.filter((d) => d.severity === 1), [], JSON.stringify(second.diagnostics));
  });

  it('debounces: several quick changes are checked once, at the last version', async () => {
    const file = join(dir, 'typing.asl.json');
    const uri = pathToFileURL(file).href;
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n  }\n}\n';
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await diagnosticsFor(uri, (p) => p.version === 1);
    const at = { line: 1, character: 15 };
    for (let v = 2; v <= 5; v++) await client.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ range: { start: at, end: at }, text: 'x' }] });
    const last = await diagnosticsFor(uri, (p) => p.version === 5);
    assert.deepEqual(published.filter((p) => p.uri === uri).map((p) => p.version), [1, 5]);
    // StartAt is now "Axxxx": an error on the value, where it stands.
    const startAt = last.diagnostics.find((d) => d.severity === 1);
    assert.ok(startAt, JSON.stringify(last.diagnostics));
    assert.equal(startAt.range.start.line, 1);
  });

  it('answers hover and completion from the same engine', async () => {
    const file = join(dir, 'hover.asl.json');
    const uri = pathToFileURL(file).href;
    const text = '{\n  "StartAt": "A",\n  "States": {\n    "A": { "Type": "Pass", "End": true }\n  }\n}\n';
    await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
    await diagnosticsFor(uri, (p) => p.version === 1);
    const hover = await client.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 16 } }) as { contents: { kind: string; value: string } } | null;
    assert.ok(hover && /Pass/.test(hover.contents.value), JSON.stringify(hover));
    const completions = await client.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 15 } }) as { label: string }[];
    assert.ok(completions.some((c) => c.label === 'A'), JSON.stringify(completions.map((c) => c.label)));
  });
});

// The region entries without their own are compared against: resolved as `lint` resolves it (the
// profile's region in the shared config beats AWS_REGION), not AWS_REGION alone.
describe('language server: the region', function () {
  this.timeout(60_000);

  it("follows the profile's region from the shared config, as lint does", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-workflows-lsp-region-'));
    for (const [name, text] of Object.entries(KMS_REGION_WORKSPACE)) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), text);
    }
    const manifest = KMS_REGION_WORKSPACE['aws-workflows.yaml'];
    const env = { PATH: process.env.PATH, HOME: dir, AWS_CONFIG_FILE: join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none'), AWS_PROFILE: 'dev', AWS_REGION: 'us-east-1' };
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src/cli.ts'), 'lsp', '--stdio'], { cwd: ROOT, env, stdio: ['pipe', 'pipe', 'inherit'] });
    const client = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const uri = pathToFileURL(join(dir, 'aws-workflows.yaml')).href;
    const published = new Promise<Publish>((done) => client.onNotification('textDocument/publishDiagnostics', (p: Publish) => { if (p.uri === uri) done(p); }));
    client.listen();
    try {
      await client.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(dir).href, workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'w' }], capabilities: {} });
      await client.sendNotification('initialized', {});
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text: manifest } });
      // eu-west-1 (the profile's), not us-east-1 (AWS_REGION): the key is in another region.
      assert.deepEqual((await published).diagnostics.map((d) => d.code), ['kms/region-mismatch']);
    } finally {
      await client.sendRequest('shutdown').catch(() => undefined);
      await client.sendNotification('exit').catch(() => undefined);
      await new Promise<void>((done) => (child.exitCode !== null ? done() : child.once('exit', () => done())));
      client.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
