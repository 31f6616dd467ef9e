// "Open Airflow UI" above each `airflowEnvironments` entry of aws-workflows.yaml.

import * as path from 'node:path';
import * as vscode from 'vscode';
import { MANIFEST_FILE_NAME } from '../core/manifest/model';
import { OPEN_AIRFLOW_UI } from './commandIds';

export const AIRFLOW_CODELENS_SELECTOR: vscode.DocumentSelector = [{ pattern: `**/${MANIFEST_FILE_NAME}` }];

export class AirflowCodeLensProvider implements vscode.CodeLensProvider {
  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (path.basename(document.uri.path) !== MANIFEST_FILE_NAME) return [];
    // The manifest parser (YAML) loads on the first manifest shown, not at activation.
    const { parseManifest } = await import('../core/manifest');
    const { manifest } = parseManifest(document.getText());
    return manifest.airflowEnvironments.map((env) => {
      // No region in the file: the region in use when the lens is clicked.
      const region = env.region ?? manifest.defaults.region;
      const { start, end } = env.range;
      return new vscode.CodeLens(new vscode.Range(start.line, start.character, end.line, end.character), {
        title: `$(link-external) Open Airflow UI${region ? ` (${region})` : ''}`,
        tooltip: `Log in to the Airflow UI of MWAA environment ${env.name} with a new web login token`,
        command: OPEN_AIRFLOW_UI,
        arguments: [{ name: env.name, ...(region ? { region } : {}) }],
      });
    });
  }
}
