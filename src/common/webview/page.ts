// The page of a webview whose content is drawn by one bundled script: a strict Content-Security-Policy
// (a fresh nonce per page, no 'unsafe-inline' or 'unsafe-eval', nothing from the network), the
// stylesheet and the script carrying the nonce, and the state the page starts from in a data attribute.

import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export interface ScriptPage {
  webview: vscode.Webview;
  extensionUri: vscode.Uri;
  /** The bundled page script in dist/, e.g. `executionView.js`. */
  script: string;
  css: string;
  title: string;
  /** What the page reads from `#app`'s data-state (and keeps with setState). */
  state: unknown;
  loading: string;
}

export function scriptPageHtml(page: ScriptPage): string {
  const nonce = randomBytes(16).toString('base64');
  const script = page.webview.asWebviewUri(vscode.Uri.joinPath(page.extensionUri, 'dist', page.script));
  const csp = `default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}'`;
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><meta http-equiv="Content-Security-Policy" content="${csp}"><meta name="viewport" content="width=device-width, initial-scale=1.0"><style nonce="${nonce}">${page.css}</style><title>${attr(page.title)}</title></head><body><main id="app" data-state="${attr(JSON.stringify(page.state))}"><p>${attr(page.loading)}</p></main><script nonce="${nonce}" src="${script}"></script></body></html>`;
}

/**
 * Posts a message to a page and keeps the last 50 (in-host tests read what a page was sent from
 * there; a page's own DOM is out of their reach).
 */
export function postKept<T>(webview: vscode.Webview, kept: T[], message: T): void {
  kept.push(message);
  if (kept.length > 50) kept.shift();
  void webview.postMessage(message);
}
