/* global module, require */
/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS module the bench's resolver hands out for 'vscode' */
// The explorer bench's stand-in vscode module, plus what the execution view's panel needs: a
// webview panel whose page the driver supplies (a real Chromium page), URIs, and no-op messages.
const base = require('../explorer/fakeVscode.cjs');

const join = (a, ...parts) => [a.replace(/\/+$/, ''), ...parts].join('/');
const Uri = {
  file: (p) => ({ scheme: 'file', fsPath: p, path: p, toString: () => `file://${p}` }),
  parse: (s) => ({ scheme: s.split(':')[0], path: s, toString: () => s }),
  joinPath: (u, ...parts) => Uri.file(join(u.fsPath, ...parts)),
};

/** The driver sets `current.page` ({ postMessage(m), onMessage(listener) }) before a panel is created, and `origin` (where the page's script is served). */
const current = { page: undefined, origin: undefined };

function createWebviewPanel() {
  const page = current.page;
  if (!page) throw new Error('the bench has no page for this panel');
  const disposers = [];
  const panel = {
    title: '',
    visible: true,
    webview: {
      html: '',
      options: {},
      cspSource: 'bench:',
      asWebviewUri: (u) => ({ toString: () => `${current.origin}/${u.fsPath.split('/').pop()}` }),
      postMessage: (m) => page.postMessage(m),
      onDidReceiveMessage: (l) => page.onMessage(l),
    },
    reveal() {},
    onDidDispose: (l) => (disposers.push(l), { dispose() {} }),
    onDidChangeViewState: () => ({ dispose() {} }),
    dispose: () => disposers.forEach((l) => l()),
  };
  return panel;
}

module.exports = {
  ...base,
  Uri,
  ViewColumn: { Active: -1 },
  window: { ...base.window, createWebviewPanel, showInformationMessage: async () => undefined },
  __bench: current,
};
