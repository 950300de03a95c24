// The documents of the language-server benchmarks: a 1 KB filter, a 200-op patch (each with a `|`
// caret for completion) and a 3,000-line YAML file of 20 GameServerSets with serviceQualities.

export const SETS = 20;

export function filterText(): string {
  const clauses: string[] = [];
  const states = ['None', 'WaitToBeDeleted', 'Maintaining', 'Allocated', 'Kill'];
  for (let i = 0; clauses.join(',\n    ').length < 1000; i++) {
    clauses.push(i % 2 === 0 ? `{"opsState": "${states[i % states.length]}"}` : `{"updatePriority": {"$range": [${i}, ${i + 10}]}}`);
  }
  return `{\n  "$or": [\n    ${clauses.join(',\n    ')},\n    {"currentState": "|"}\n  ]\n}`;
}

export function patchText(): string {
  const ops: string[] = [];
  for (let i = 0; i < 199; i++) {
    ops.push(
      i % 3 === 0
        ? `  {"op": "replace", "path": "/spec/opsState", "value": "WaitToBeDeleted"}`
        : i % 3 === 1
          ? `  {"op": "replace", "path": "/spec/updatePriority", "value": ${i}}`
          : `  {"op": "add", "path": "/spec/containers/-", "value": {"name": "c${i}", "image": "registry.example.com/game:${i}"}}`,
    );
  }
  ops.push('  {"op": "replace", "path": "/spec/|"}');
  return `[\n${ops.join(',\n')}\n]`;
}

function serviceQuality(set: number, q: number): string {
  return `    - name: probe-${q}
      containerName: game
      permanent: false
      periodSeconds: ${3 + q}
      exec:
        command: ["/bin/sh", "-c", "/opt/game/probe-${q}.sh"]
      serviceQualityAction:
        - state: true
          opsState: None
        - state: true
          result: idle
          opsState: WaitToBeDeleted
          deletionPriority: ${10 + set}
        - state: false
          opsState: Maintaining
          labels:
            gs-sync/probe-${q}: failed
`;
}

/** One set; `tag` goes into a comment so a variant of the file differs in every document. */
function gameServerSet(i: number, tag: string): string {
  return `# set ${i} ${tag}
apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: battle-${i}
  namespace: games
  labels:
    app: battle
spec:
  replicas: ${5 + i}
  reserveGameServerIds: [1, "4-6"]
  scaleStrategy:
    scaleDownStrategyType: General
  updateStrategy:
    rollingUpdate:
      podUpdatePolicy: InPlaceIfPossible
      maxUnavailable: 20%
  network:
    networkType: Kubernetes-HostPort
    networkConf:
      - name: ContainerPorts
        value: "game:7777/UDP"
  gameServerTemplate:
    reclaimPolicy: Cascade
    metadata:
      labels:
        game: battle-${i}
    spec:
      containers:
        - name: game
          image: registry.example.com/battle:1.${i}.0
          ports:
            - containerPort: 7777
              protocol: UDP
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
        - name: sidecar
          image: busybox:1.37.0
  serviceQualities:
${Array.from({ length: 7 }, (_, q) => serviceQuality(i, q)).join('')}`;
}

/** The YAML file; `tag(i)` is written in set i's first comment, so that variants differ where wanted. */
export function gameServerSetsYaml(tag: (i: number) => string): string {
  return Array.from({ length: SETS }, (_, i) => gameServerSet(i, tag(i))).join('---\n');
}
