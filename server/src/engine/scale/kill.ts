// GetReplicasAfterKilling (kruise-game pkg/controllers/gameserverset/gameserverset_manager.go): at
// the start of each reconcile, a settled set drops its Kill pods from spec.replicas itself.
import type { PodView } from './pod-view';

/**
 * `replicas` less the pods labelled Kill, when `replicas` is also the StatefulSet's and the number
 * of pods and no pod is being deleted; otherwise `replicas` unchanged.
 */
export function replicasAfterKilling(replicas: number, statefulSetReplicas: number, pods: readonly PodView[]): number {
  if (replicas !== statefulSetReplicas || replicas !== pods.length) return replicas;
  let toKill = 0;
  for (const pod of pods) {
    if (pod.deleting) return replicas;
    if (pod.opsState === 'Kill') toKill++;
  }
  return replicas - toKill;
}
