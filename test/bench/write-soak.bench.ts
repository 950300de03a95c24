// A longer run of the write fault campaign (test/cluster/fault-campaign.test.ts): 2,000
// GameServers a run, seeds of its own, through kgctl and the extension's runner calls alike. The
// campaign asserts no double write, no change outside the filter and no misreported outcome, and
// prints its counts per run; this exits 1 when any run fails. CAMPAIGN_* variables set outside
// take precedence (e.g. CAMPAIGN_SEEDS to replay one run).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const defaults = { CAMPAIGN_SEEDS: '1000,1097,1194,1291', CAMPAIGN_SETS: '80', CAMPAIGN_SPEC_CHURN: '20', CAMPAIGN_RUN_LIMIT_MS: '240000' };

const t0 = performance.now();
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', join('test', 'cluster', 'fault-campaign.test.ts')], {
  stdio: 'inherit',
  env: { ...defaults, ...process.env },
});
console.log(`write soak: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
if (r.status !== 0) {
  console.error('write soak: a campaign run failed (see above)');
  process.exitCode = 1;
}
