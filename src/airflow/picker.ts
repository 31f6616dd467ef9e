// The palette's choice of environment: the ones aws-workflows.yaml names first, then every
// environment in the region in use and the regions the explorer shows, each with its status and
// Airflow version (one GetEnvironment each, a few at a time: MWAA accounts have few environments).

import * as vscode from 'vscode';
import { UserCancelled } from '../common/commands';
import { environmentDescription, type EnvironmentSummary } from '../core/airflow/decisions';
import { MANIFEST_FILE_NAME, parseManifest } from '../core/manifest';
import { readExplorerRegions } from '../profile/settings';
import { mapWithLimit } from '../core/concurrency';
import { DESCRIBE_CONCURRENCY, getEnvironment, listEnvironmentNames, type MwaaAccess } from './mwaa';
import type { AirflowTarget } from './target';

export interface ManifestEnvironment {
  name: string;
  region: string;
}

type Pick = vscode.QuickPickItem & { target?: AirflowTarget; error?: string };

/** `airflowEnvironments` of the aws-workflows.yaml at each workspace folder's root (the open editor's text wins). */
export async function manifestEnvironments(activeRegion: string): Promise<ManifestEnvironment[]> {
  const found: ManifestEnvironment[] = [];
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const uri = vscode.Uri.joinPath(folder.uri, MANIFEST_FILE_NAME);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    let text: string;
    try {
      text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
    } catch {
      continue;
    }
    const { manifest } = parseManifest(text);
    for (const env of manifest.airflowEnvironments) found.push({ name: env.name, region: env.region ?? manifest.defaults.region ?? activeRegion });
  }
  return found;
}

function itemFor(env: EnvironmentSummary & { readable?: boolean }): Pick {
  return {
    label: env.name,
    description: [env.region, environmentDescription(env)].filter(Boolean).join(' · '),
    target: { name: env.name, region: env.region, ...(env.readable === false ? {} : { described: env }) },
  };
}

/** Choosing it shows the whole sentence as the command's error. */
function errorItem(label: string, message: string, description?: string): Pick {
  return { label, description, detail: message, error: message };
}

async function describeAll(aws: MwaaAccess, envs: ManifestEnvironment[]): Promise<Pick[]> {
  return mapWithLimit(envs, DESCRIBE_CONCURRENCY, async (env) => {
    try {
      return itemFor(await getEnvironment(aws, env.name, env.region));
    } catch (err) {
      return errorItem(`$(warning) ${env.name}`, (err as Error).message, env.region);
    }
  });
}

async function loadItems(aws: MwaaAccess, activeRegion: string): Promise<Pick[]> {
  const declared = await manifestEnvironments(activeRegion);
  const regions = [...new Set([activeRegion, ...readExplorerRegions()])];
  const key = (e: ManifestEnvironment) => `${e.region}|${e.name}`;
  const declaredKeys = new Set(declared.map(key));
  const uniqueDeclared = declared.filter((e, i) => declared.findIndex((d) => key(d) === key(e)) === i);

  const [declaredItems, listed] = await Promise.all([
    describeAll(aws, uniqueDeclared),
    Promise.all(regions.map(async (region) => {
      try {
        const names = await listEnvironmentNames(aws, region);
        return { region, total: names.length, names: names.filter((name) => !declaredKeys.has(key({ name, region }))) };
      } catch (err) {
        return { region, total: 0, names: [], error: (err as Error).message };
      }
    })),
  ]);
  const listedItems = await describeAll(aws, listed.flatMap((r) => r.names.map((name) => ({ name, region: r.region }))));

  const items: Pick[] = [];
  if (declaredItems.length) items.push({ label: MANIFEST_FILE_NAME, kind: vscode.QuickPickItemKind.Separator }, ...declaredItems);
  let offset = 0;
  for (const r of listed) {
    const regionItems = listedItems.slice(offset, offset + r.names.length);
    offset += r.names.length;
    // A region whose environments are all in the manifest's section needs no section of its own.
    if (!r.error && r.total > 0 && regionItems.length === 0) continue;
    items.push({ label: r.region, kind: vscode.QuickPickItemKind.Separator });
    if (r.error) items.push(errorItem(`$(error) Could not list MWAA environments in ${r.region}`, r.error));
    else if (regionItems.length) items.push(...regionItems);
    else items.push({ label: `No MWAA environments in ${r.region}` });
  }
  return items;
}

/** The environment the user chose; UserCancelled when they did not. */
export async function pickEnvironment(aws: MwaaAccess, activeRegion: string): Promise<AirflowTarget> {
  const picked = await vscode.window.showQuickPick(loadItems(aws, activeRegion), {
    title: 'Open Airflow UI',
    placeHolder: 'Choose an MWAA environment',
    matchOnDescription: true,
  });
  if (picked?.error) throw new Error(picked.error);
  if (!picked?.target) throw new UserCancelled();
  return picked.target;
}
