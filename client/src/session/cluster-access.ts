// The cluster layer, loaded on first use only: @kubernetes/client-node is most of the bundle and
// most of its load time, and opening a filter should not pay for it.
export { ClusterClient } from '../cluster/api';
export { RemoteCache } from '../cluster/remote-cache';
export { WatchProcess } from '../cluster/watch-process';
export { PatchRunner } from '../cluster/patch-runner';
export { contextNames, contextNamespace, kubeConfigFor, loadKubeConfig } from '../cluster/kubeconfig';
export { listNamespaces } from './namespaces';
