// Shared config and credentials files written to a temp folder and read the way AwsSession reads them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readSharedConfig, type SharedConfig } from '../../src/aws/sharedConfig';

export async function sharedConfigFrom(config: string, credentials = ''): Promise<SharedConfig> {
  const dir = mkdtempSync(path.join(tmpdir(), 'aws-config-'));
  try {
    writeFileSync(path.join(dir, 'config'), config);
    writeFileSync(path.join(dir, 'credentials'), credentials);
    return await readSharedConfig({ HOME: dir, AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
