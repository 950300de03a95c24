// A sandbox in a child process (sandbox-host.ts), driven over IPC, so that its CPU is not billed
// to the client a benchmark measures.
import { fork, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ClusterClient } from '../../client/src/cluster/api';
import { kubeConfigFor, loadKubeConfig } from '../../client/src/cluster/kubeconfig';
import type { Faults, SandboxOptions } from '../sandbox';

export class SandboxProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly kubeconfigPath: string,
  ) {}

  static async start(opts: SandboxOptions): Promise<SandboxProcess> {
    const child = fork(join(__dirname, 'sandbox-host.ts'), [JSON.stringify(opts)], { execArgv: ['--import', 'tsx'] });
    const ready = await new Promise<{ kubeconfigPath: string }>((resolve, reject) => {
      child.once('message', (m) => resolve(m as { kubeconfigPath: string }));
      child.once('exit', (code) => reject(new Error(`sandbox process exited (${code}) before it was ready`)));
    });
    return new SandboxProcess(child, ready.kubeconfigPath);
  }

  private ask<T>(msg: object): Promise<T> {
    return new Promise((resolve) => {
      this.child.once('message', (m) => resolve(m as T));
      this.child.send(msg);
    });
  }

  async setFaults(faults: Partial<Faults>): Promise<void> {
    await this.ask({ type: 'faults', faults });
  }

  async requests(): Promise<{ verb: string; path: string; status: number }[]> {
    return (await this.ask<{ requests: { verb: string; path: string; status: number }[] }>({ type: 'requests' })).requests;
  }

  async objects(): Promise<{ key: string; updatePriority: unknown }[]> {
    return (await this.ask<{ objects: { key: string; updatePriority: unknown }[] }>({ type: 'objects' })).objects;
  }

  /** The sandbox process's CPU time so far, in ms. */
  async cpuMs(): Promise<number> {
    return (await this.ask<{ ms: number }>({ type: 'cpu' })).ms;
  }

  /** The sandbox process's resident memory, in bytes. */
  async rss(): Promise<number> {
    return (await this.ask<{ rss: number }>({ type: 'memory' })).rss;
  }

  client(): ClusterClient {
    const loaded = loadKubeConfig({ kubeconfig: this.kubeconfigPath });
    if (!loaded.ok) throw new Error(loaded.error.message);
    const kc = kubeConfigFor(loaded.config, 'okg-sandbox');
    if (!kc.ok) throw new Error(kc.error.message);
    return new ClusterClient(kc.kc);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.send({ type: 'close' });
    });
  }
}
