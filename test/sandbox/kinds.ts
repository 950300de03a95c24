// The two served resources and how they are named, in one place for routing, discovery and messages.
import type { Kind } from './store';

export const GROUP = 'game.kruise.io';
export const VERSION = 'v1alpha1';
export const API_VERSION = `${GROUP}/${VERSION}`;

export interface ResourceInfo {
  kind: Kind;
  plural: string;
  singular: string;
  shortNames: string[];
  listKind: string;
  subresources: ('status' | 'scale')[];
}

export const RESOURCES: Record<string, ResourceInfo> = {
  gameservers: {
    kind: 'GameServer',
    plural: 'gameservers',
    singular: 'gameserver',
    shortNames: ['gs'],
    listKind: 'GameServerList',
    subresources: ['status'],
  },
  gameserversets: {
    kind: 'GameServerSet',
    plural: 'gameserversets',
    singular: 'gameserverset',
    shortNames: ['gss'],
    listKind: 'GameServerSetList',
    subresources: ['status', 'scale'],
  },
};

export const resourceOfKind = (kind: Kind): ResourceInfo => Object.values(RESOURCES).find((r) => r.kind === kind)!;
