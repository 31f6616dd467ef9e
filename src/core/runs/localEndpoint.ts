// Where Run Locally may send: a local emulator's address, never one of AWS's hosts (pure; the
// setting is read in src/runs/emulatorEndpoint.ts).

/** AWS's own hosts: an emulator endpoint that names one is refused, so Run Locally never reaches AWS. */
const AWS_HOST = /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i;

/** The endpoint as a URL (no trailing slash), or the sentence that says why it cannot be used. */
export function checkEndpoint(value: string, setting: string): { url: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { problem: `The setting ${setting} ("${value}") is not a URL; set it to the emulator's address, such as http://localhost:4566.` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { problem: `The setting ${setting} must be an http:// or https:// URL, not ${url.protocol}.` };
  if (AWS_HOST.test(url.hostname.replace(/\.$/, ''))) return { problem: `The setting ${setting} names an AWS host (${url.hostname}); Run Locally only sends to a local emulator. Use Start Execution to run on AWS.` };
  if (url.username || url.password || url.search || url.hash) return { problem: `The setting ${setting} must be a plain address (scheme, host, port), without credentials, query or fragment.` };
  return { url: url.origin + url.pathname.replace(/\/+$/, '') };
}
