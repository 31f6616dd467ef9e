/// <reference lib="dom" />
// Building a webview page's DOM without innerHTML (the pages' CSP allows no inline anything, and
// text from AWS or a workspace must never become markup). Bundled into each page script.

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: { text?: string; cls?: string; title?: string; id?: string } = {}, ...children: (Node | undefined)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.text !== undefined) node.textContent = props.text;
  if (props.cls) node.className = props.cls;
  if (props.title) node.title = props.title;
  if (props.id) node.id = props.id;
  for (const c of children) if (c) node.appendChild(c);
  return node;
}
