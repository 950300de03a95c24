// A realistic GameServerSet that every manifest check accepts, and helpers to break it one way at a time.

export const CLEAN_GSS = `apiVersion: game.kruise.io/v1alpha1
kind: GameServerSet
metadata:
  name: pve
  namespace: games
  labels:
    app: pve
spec:
  replicas: 4
  reserveGameServerIds: [1, 2, "5-7"]
  scaleStrategy:
    scaleDownStrategyType: ReserveIds
  updateStrategy:
    rollingUpdate:
      podUpdatePolicy: InPlaceIfPossible
      maxUnavailable: 20%
      partition: 0
  network:
    networkType: Kubernetes-HostPort
    networkConf:
      - name: ContainerPorts
        value: "game:7777/UDP"
  gameServerTemplate:
    reclaimPolicy: Delete
    metadata:
      labels:
        game: pve
    spec:
      terminationGracePeriodSeconds: 30
      containers:
        - name: game
          image: registry.example.com/pve:1.4.2
          imagePullPolicy: IfNotPresent
          ports:
            - name: game
              containerPort: 7777
              protocol: UDP
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
        - name: sidecar
          image: busybox:1.37.0
          command: ["sh", "-c", "sleep infinity"]
  serviceQualities:
    - name: idle
      containerName: game
      permanent: false
      periodSeconds: 5
      exec:
        command: ["/bin/sh", "-c", "/opt/game/players.sh"]
      serviceQualityAction:
        - state: true
          opsState: None
        - state: true
          result: empty
          opsState: WaitToBeDeleted
          deletionPriority: 10
        - state: false
          opsState: Maintaining
          labels:
            gs-sync/probe: failed
    - name: http-ready
      containerName: game
      permanent: true
      httpGet:
        path: /healthz
        port: 8080
        scheme: HTTP
      serviceQualityAction:
        - state: true
          updatePriority: 20
`;

export const CLEAN_GS = `apiVersion: game.kruise.io/v1alpha1
kind: GameServer
metadata:
  name: pve-3
  namespace: games
spec:
  opsState: Allocated
  updatePriority: 5
  deletionPriority: "10"
  networkDisabled: false
`;

/** The text with `from` (which must occur exactly once) replaced by `to`. */
export function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`fixture edit: "${from}" must occur exactly once`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The LSP range of the only occurrence of `needle` in `text` (the `nth` one when given). */
export function rangeOf(text: string, needle: string, nth = 0): string {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`fixture range: "${needle}" not found`);
  }
  const pos = (o: number): string => {
    const before = text.slice(0, o);
    const line = before.split('\n').length - 1;
    return `${line}:${o - (before.lastIndexOf('\n') + 1)}`;
  };
  return `${pos(at)}-${pos(at + needle.length)}`;
}
