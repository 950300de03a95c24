// GameServer / GameServerSet objects shaped as the cluster returns them, for the client's unit tests.

export function gs(
  namespace: string,
  name: string,
  opts: { set?: string; state?: string; opsState?: string; dp?: string; up?: string; images?: string[] } = {},
): Record<string, unknown> {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServer',
    metadata: {
      namespace,
      name,
      resourceVersion: '1',
      labels: opts.set === undefined ? {} : { 'game.kruise.io/owner-gss': opts.set },
    },
    spec: { opsState: opts.opsState ?? 'None', updatePriority: 0, deletionPriority: 0 },
    status: {
      currentState: opts.state ?? 'Ready',
      deletionPriority: opts.dp ?? '0',
      updatePriority: opts.up ?? '0',
      podStatus: {
        containerStatuses: (opts.images ?? ['game,game:1.0']).map((pair) => {
          const [cname, image] = pair.split(',');
          return { name: cname, image };
        }),
      },
    },
  };
}

export function gss(namespace: string, name: string, replicas = 3, ready = replicas): Record<string, unknown> {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServerSet',
    metadata: { namespace, name, resourceVersion: '1' },
    spec: { replicas, gameServerTemplate: { spec: { containers: [{ name: 'game', image: 'game:1.0' }] } } },
    status: { currentReplicas: replicas, readyReplicas: ready },
  };
}
