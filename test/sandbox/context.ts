// What every handler gets: the sandbox's state and the parsed request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OkgController } from './controller';
import type { EventRecorder } from './events';
import type { FaultInjector } from './faults';
import type { ResourceInfo } from './kinds';
import type { LogFollowers } from './logs-api';
import type { Namespaces } from './namespaces';
import type { Store } from './store';
import type { SchemaValidator } from './validation';
import type { WatchHub } from './watch';

export interface Backend {
  store: Store;
  controller: OkgController;
  validator: SchemaValidator;
  namespaces: Namespaces;
  faults: FaultInjector;
  watches: WatchHub;
  /** core/v1 events recorded as the controllers and kubelet would write them. */
  events: EventRecorder;
  /** The followed pod logs, told of their GameServer's changes. */
  logFollowers: LogFollowers;
}

export interface ResourceRequest {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  resource: ResourceInfo;
  namespace?: string;
  name?: string;
  sub?: 'status' | 'scale';
  verb: string;
}
