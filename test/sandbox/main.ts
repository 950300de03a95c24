// `npm run sandbox -- --sets N --replicas M --churn R --port P --kubeconfig FILE`: runs until Ctrl-C.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandbox } from './index';

function number(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    console.error(`sandbox: --${flag} must be a non-negative number, got ${JSON.stringify(v)}`);
    process.exit(1);
  }
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        sets: { type: 'string' },
        replicas: { type: 'string' },
        churn: { type: 'string' },
        port: { type: 'string' },
        kubeconfig: { type: 'string' },
        namespace: { type: 'string', multiple: true },
        seed: { type: 'string' },
      },
    }));
  } catch (e) {
    console.error(`sandbox: ${(e as Error).message}`);
    console.error('usage: npm run sandbox -- [--sets N] [--replicas M] [--churn R] [--port P] [--kubeconfig FILE] [--namespace NS]... [--seed S]');
    process.exit(1);
  }
  const sandbox = await startSandbox({
    sets: number('sets', values.sets) ?? 2,
    replicas: number('replicas', values.replicas) ?? 3,
    churn: number('churn', values.churn) ?? 0,
    port: number('port', values.port) ?? 0,
    seed: number('seed', values.seed) ?? 1,
    ...(values.namespace ? { namespaces: values.namespace } : {}),
    ...(values.kubeconfig ? { kubeconfigPath: resolve(values.kubeconfig) } : {}),
  });
  console.log(`OKG sandbox API server: ${sandbox.url}`);
  console.log(`kubeconfig: ${sandbox.kubeconfigPath}`);
  console.log(`try: kubectl --kubeconfig ${sandbox.kubeconfigPath} get gss -A`);
  const stop = () => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`sandbox: ${(e as Error).message}`);
  process.exit(1);
});
