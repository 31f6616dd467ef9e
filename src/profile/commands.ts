// Choose AWS Profile / Choose AWS Region: one QuickPick each, written to user settings.

import * as vscode from 'vscode';
import type { AwsSession } from '../aws/session';
import type { Command } from '../common/commands';
import { AWS_REGIONS } from '../aws/services.generated';
import type { ProfileInfo } from '../aws/sharedConfig';
import { readSessionSettings, writeProfile, writeRegion } from './settings';

import { CHOOSE_PROFILE_COMMAND, CHOOSE_REGION_COMMAND } from './commandIds';

export { CHOOSE_PROFILE_COMMAND, CHOOSE_REGION_COMMAND };

interface ProfileItem extends vscode.QuickPickItem {
  profile: string | undefined;
}

const KIND_LABEL: Record<ProfileInfo['kind'], string> = {
  sso: 'IAM Identity Center (SSO)',
  role: 'assumes a role',
  process: 'credential_process',
  static: 'access key',
  'web-identity': 'web identity',
  other: 'settings only',
};

export function chooseProfileCommand(session: AwsSession): Command {
  return {
    id: CHOOSE_PROFILE_COMMAND,
    async execute() {
      const current = readSessionSettings().profile;
      const profiles = await session.listProfiles();
      const envProfile = process.env.AWS_PROFILE;
      const items: ProfileItem[] = [
        {
          label: '$(globe) Use the default chain',
          description: envProfile ? `AWS_PROFILE=${envProfile}` : 'environment, default profile, SSO, container or instance role',
          detail: current === undefined ? 'current' : undefined,
          profile: undefined,
        },
        { label: 'Profiles', kind: vscode.QuickPickItemKind.Separator, profile: undefined },
        ...profiles.map((p) => ({
          label: `${p.name === current ? '$(check) ' : ''}${p.name}`,
          description: [KIND_LABEL[p.kind], p.region].filter(Boolean).join(' · '),
          detail: `from ${p.sources.map((s) => (s === 'config' ? 'config file' : 'credentials file')).join(' and ')}`,
          profile: p.name,
        })),
      ];
      const picked = await vscode.window.showQuickPick(items, {
        title: 'AWS Profile',
        placeHolder: profiles.length ? 'Choose the profile whose credentials AWS Workflows uses' : 'No profiles found in the AWS config and credentials files',
        matchOnDescription: true,
      });
      if (!picked) return;
      await writeProfile(picked.profile);
      // Re-choosing a profile is how people retry after `aws sso login`: drop cached credentials.
      session.invalidateCredentials();
      session.refresh();
    },
  };
}

interface RegionItem extends vscode.QuickPickItem {
  region: string | undefined;
}

export function chooseRegionCommand(session: AwsSession): Command {
  return {
    id: CHOOSE_REGION_COMMAND,
    async execute() {
      const current = readSessionSettings().region;
      const items: RegionItem[] = [
        { label: "$(account) Use the profile's region", description: 'or AWS_REGION, else us-east-1', region: undefined },
        { label: 'Regions', kind: vscode.QuickPickItemKind.Separator, region: undefined },
        ...AWS_REGIONS.filter((r) => r.partition === 'aws' || r.partition === 'aws-cn' || r.partition === 'aws-us-gov').map((r) => ({
          label: `${r.name === current ? '$(check) ' : ''}${r.name}`,
          description: r.description,
          region: r.name,
        })),
      ];
      const picked = await vscode.window.showQuickPick(items, { title: 'AWS Region', placeHolder: 'Choose the region AWS Workflows uses', matchOnDescription: true });
      if (!picked) return;
      await writeRegion(picked.region);
      session.refresh();
    },
  };
}
