// `npm run sandbox -- --sets N --replicas M --churn R --port P --kubeconfig FILE`, plus fault flags
// (see FAULT_FLAGS_USAGE) and `--control PORT` for a loopback endpoint that changes them while
// it runs (see control.ts); runs until Ctrl-C.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSandboxControl } from './control';
import { FAULT_FLAG_OPTIONS, FAULT_FLAGS_USAGE, faultsFromFlags } from './fault-settings';
import { startSandbox } from './index';

const USAGE = `usage: npm run sandbox -- [--sets N] [--replicas M] [--churn R] [--port P] [--kubeconfig FILE] [--namespace NS]... [--seed S] [--control PORT] ${FAULT_FLAGS_USAGE}`;

function fail(message: string): never {
  console.error(`sandbox: ${message}`);
  console.error(USAGE);
  process.exit(1);
}

function number(flag: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) fail(`--${flag} must be a non-negative number, got ${JSON.stringify(v)}`);
  return n;
}

function whole(flag: string, v: string | undefined, max = Number.MAX_SAFE_INTEGER): number | undefined {
  const n = number(flag, v);
  if (n !== undefined && (!Number.isInteger(n) || n > max)) fail(`--${flag} must be a whole number from 0 to ${max}, got ${JSON.stringify(v)}`);
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
        control: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...FAULT_FLAG_OPTIONS,
      },
    }));
  } catch (e) {
    fail((e as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  let faults;
  try {
    faults = faultsFromFlags(values);
  } catch (e) {
    fail((e as Error).message);
  }
  const controlPort = whole('control', values.control, 65535);
  const sets = whole('sets', values.sets) ?? 2;
  const replicas = whole('replicas', values.replicas) ?? 3;
  const churn = number('churn', values.churn) ?? 0;
  const sandbox = await startSandbox({
    sets,
    replicas,
    churn,
    port: whole('port', values.port, 65535) ?? 0,
    seed: whole('seed', values.seed) ?? 1,
    faults,
    ...(values.namespace ? { namespaces: values.namespace } : {}),
    ...(values.kubeconfig ? { kubeconfigPath: resolve(values.kubeconfig) } : {}),
  });
  const control = controlPort === undefined ? undefined : await startSandboxControl(sandbox, { port: controlPort });
  console.log(`OKG sandbox API server: ${sandbox.url}`);
  console.log(`kubeconfig: ${sandbox.kubeconfigPath}`);
  console.log(`size: ${sets} GameServerSets × ${replicas} GameServers, ${churn} changes/s`);
  if (Object.keys(faults).length) console.log(`faults: ${JSON.stringify(sandbox.faults())}`);
  if (control) {
    console.log(`control: ${control.url}`);
    console.log(`try: curl -s ${control.url}/faults -d '{"latencyMs":50,"errors":{"patch":{"status":503,"rate":0.2}}}'`);
  }
  console.log(`try: kubectl --kubeconfig ${sandbox.kubeconfigPath} get gss -A`);
  const stop = () => {
    void Promise.all([control?.close(), sandbox.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`sandbox: ${(e as Error).message}`);
  process.exit(1);
});
