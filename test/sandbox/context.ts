// What every handler gets: the sandbox's state and the parsed request.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { OkgController } from './controller';
import type { FaultInjector } from './faults';
import type { ResourceInfo } from './kinds';
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
