// Runs a sandbox in its own process for benchmarks, so its CPU does not count against the
// client under test. Driven over IPC: it sends {kubeconfigPath} when up, answers
// {type:'faults'}, {type:'requests'}, {type:'objects'}, {type:'cpu'} and {type:'memory'} (its RSS
// in bytes), and exits on {type:'close'}.
import { startSandbox, type Faults, type SandboxOptions } from '../sandbox';

type Message =
  { type: 'faults'; faults: Partial<Faults> } | { type: 'requests' } | { type: 'objects' } | { type: 'cpu' } | { type: 'memory' } | { type: 'close' };

async function main(): Promise<void> {
  const opts = JSON.parse(process.argv[2] ?? '{}') as SandboxOptions;
  const sb = await startSandbox(opts);
  process.on('message', (m: Message) => {
    if (m.type === 'faults') {
      sb.setFaults(m.faults);
      process.send?.({ type: 'ok' });
    } else if (m.type === 'requests') {
      process.send?.({ type: 'requests', requests: sb.requests() });
    } else if (m.type === 'objects') {
      process.send?.({
        type: 'objects',
        objects: sb.objects('GameServer').map((o) => ({ key: `${o.metadata.namespace}/${o.metadata.name}`, updatePriority: o.spec.updatePriority })),
      });
    } else if (m.type === 'cpu') {
      const u = process.cpuUsage();
      process.send?.({ type: 'cpu', ms: (u.user + u.system) / 1000 });
    } else if (m.type === 'memory') {
      process.send?.({ type: 'memory', rss: process.memoryUsage().rss });
    } else {
      void sb.close().then(() => process.exit(0));
    }
  });
  process.send?.({ type: 'ready', kubeconfigPath: sb.kubeconfigPath });
}

void main();
