// Makes sure `kubectl` is on PATH for the cluster tests: if it is missing, installs Debian's
// kubernetes-client package. Idempotent; says what it did.
import { spawnSync } from 'node:child_process';

function kubectlVersion() {
  const r = spawnSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split('\n')[0] : undefined;
}

function run(cmd, args) {
  console.log(`setup-kubectl: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (r.status !== 0) {
    console.error(`setup-kubectl: "${cmd} ${args.join(' ')}" failed (${r.error ? r.error.message : `exit ${r.status}`})`);
    process.exit(1);
  }
}

const found = kubectlVersion();
if (found) {
  console.log(`setup-kubectl: kubectl already installed (${found}); nothing to do`);
} else {
  console.log('setup-kubectl: kubectl not found; installing Debian package kubernetes-client');
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', 'kubernetes-client']);
  const installed = kubectlVersion();
  if (!installed) {
    console.error('setup-kubectl: kubernetes-client was installed but `kubectl version --client` still fails');
    process.exit(1);
  }
  console.log(`setup-kubectl: installed ${installed}`);
}
