// The webview's page: a strict Content-Security-Policy (a fresh nonce per page, no 'unsafe-eval',
// no 'unsafe-inline', nothing from the network), the bundled script, and the graph's stylesheet in
// VS Code's theme variables so light, dark and high contrast themes apply without a reload.

import { randomBytes } from 'node:crypto';
import { graphCss, VSCODE_PALETTE } from '../core/graph/svg';

const PAGE_CSS = `
html,body{height:100%;margin:0;padding:0;overflow:hidden;background:var(--vscode-editor-background);color:var(--vscode-foreground);font-family:var(--vscode-font-family);font-size:var(--vscode-font-size)}
#toolbar{display:flex;gap:4px;align-items:center;padding:4px 8px;border-bottom:1px solid var(--vscode-panel-border,transparent);height:26px;box-sizing:content-box}
#toolbar button{background:var(--vscode-button-secondaryBackground);color:var(--vscode-button-secondaryForeground);border:1px solid var(--vscode-button-border,transparent);border-radius:2px;padding:2px 8px;cursor:pointer;font:inherit}
#toolbar button:hover{background:var(--vscode-button-secondaryHoverBackground)}
#toolbar button:focus-visible{outline:1px solid var(--vscode-focusBorder);outline-offset:1px}
#toolbar .spacer{flex:1}
#title{color:var(--vscode-descriptionForeground);white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
#banner{padding:6px 10px;background:var(--vscode-inputValidation-errorBackground,#5a1d1d);border-bottom:1px solid var(--vscode-inputValidation-errorBorder,#be1100);color:var(--vscode-foreground)}
#banner[hidden]{display:none}
#viewport{position:absolute;top:35px;bottom:0;left:0;right:0;overflow:auto;cursor:grab}
body.has-banner #viewport{top:66px}
#viewport.panning{cursor:grabbing}
#canvas{padding:8px;width:max-content}
#empty{padding:16px;color:var(--vscode-descriptionForeground)}
.wf-node{cursor:pointer}
.wf-node:hover>.wf-shape{stroke:var(--vscode-focusBorder)}
.wf-container:hover>.wf-shape{stroke:var(--vscode-focusBorder)}
`;

export function graphHtml(options: { scriptUri: string; title: string }): string {
  const nonce = randomBytes(16).toString('base64');
  const csp = [
    "default-src 'none'",
    // The PNG export draws the SVG through a data: image; nothing else is loaded.
    'img-src data:',
    `style-src 'nonce-${nonce}'`,
    // The bundled script (served from the extension's dist/) carries the nonce.
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(options.title)}</title>
<style nonce="${nonce}">${PAGE_CSS}\n${graphCss(VSCODE_PALETTE)}</style>
</head>
<body>
<div id="toolbar" role="toolbar" aria-label="Graph">
<button id="zoom-out" title="Zoom out (Ctrl+-)" aria-label="Zoom out">−</button>
<button id="zoom-reset" title="Actual size (Ctrl+0)" aria-label="Actual size">100%</button>
<button id="zoom-in" title="Zoom in (Ctrl+=)" aria-label="Zoom in">+</button>
<button id="zoom-fit" title="Fit to window" aria-label="Fit to window">Fit</button>
<span id="title"></span>
<span class="spacer"></span>
<button id="export-svg" title="Export Graph as SVG">SVG</button>
<button id="export-png" title="Export Graph as PNG">PNG</button>
</div>
<div id="banner" role="alert" hidden></div>
<div id="viewport"><div id="canvas"><div id="empty">Drawing…</div></div></div>
<script nonce="${nonce}" src="${options.scriptUri}"></script>
</body>
</html>`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
