// Whole-operation snippets for the common .kgpatch tasks, per target kind. Labels and descriptions
// are getters, read in the locale chosen at initialize.
import * as l10n from '@vscode/l10n';
import { OPS_STATES } from '../engine';
import type { TargetKind } from './document-kind';

export interface PatchSnippet {
  label: string;
  description: string;
  /** LSP snippet text of one or more operation objects, comma-separated. */
  body: string;
}

const IMAGE = 'registry.example.com/game:1.2.0';

const GAME_SERVER: PatchSnippet[] = [
  {
    get label() {
      return l10n.t('Set opsState');
    },
    get description() {
      return l10n.t('Marks the GameServers, e.g. WaitToBeDeleted so they are deleted first on scale-down.');
    },
    body: `{"op": "replace", "path": "/spec/opsState", "value": "\${1|${OPS_STATES.join(',')}|}"}`,
  },
  {
    get label() {
      return l10n.t('Set priorities');
    },
    get description() {
      return l10n.t('Sets the update and deletion priorities (higher goes first).');
    },
    body: '{"op": "replace", "path": "/spec/updatePriority", "value": ${1:10}},\n{"op": "replace", "path": "/spec/deletionPriority", "value": ${2:10}}',
  },
  {
    get label() {
      return l10n.t('Disable the network');
    },
    get description() {
      return l10n.t('Takes the GameServers off the network (desiredNetworkState becomes NotReady). `add` works whether or not the field is set.');
    },
    body: '{"op": "add", "path": "/spec/networkDisabled", "value": ${1|true,false|}}',
  },
  {
    get label() {
      return l10n.t('Override a container image');
    },
    get description() {
      return l10n.t('Per-GameServer image override: OKG patches the running pod in place. Replaces any existing overrides.');
    },
    body: `{"op": "add", "path": "/spec/containers", "value": [{"name": "\${1:game}", "image": "\${2:${IMAGE}}"}]}`,
  },
];

const GAME_SERVER_SET: PatchSnippet[] = [
  {
    get label() {
      return l10n.t('Override a container image');
    },
    get description() {
      return l10n.t('Changes a container image of the template, which rolls the GameServers.');
    },
    body: `{"op": "replace", "path": "/spec/gameServerTemplate/spec/containers/\${1:0}/image", "value": "\${2:${IMAGE}}"}`,
  },
  {
    get label() {
      return l10n.t('Set replicas');
    },
    get description() {
      return l10n.t('Scales the GameServerSet.');
    },
    body: '{"op": "replace", "path": "/spec/replicas", "value": ${1:3}}',
  },
  {
    get label() {
      return l10n.t('Set the rolling-update partition');
    },
    get description() {
      return l10n.t('Keeps this many GameServers on the old template. `replace` fails when rollingUpdate is absent.');
    },
    body: '{"op": "replace", "path": "/spec/updateStrategy/rollingUpdate/partition", "value": ${1:0}}',
  },
  {
    get label() {
      return l10n.t('Reserve a GameServer id');
    },
    get description() {
      return l10n.t('Appends an id that the GameServerSet must not use. `add …/-` fails when the list is absent.');
    },
    body: '{"op": "add", "path": "/spec/reserveGameServerIds/-", "value": ${1:0}}',
  },
];

export function patchSnippets(kind: TargetKind): readonly PatchSnippet[] {
  return kind === 'GameServerSet' ? GAME_SERVER_SET : GAME_SERVER;
}
