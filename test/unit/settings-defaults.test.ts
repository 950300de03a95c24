// The defaults of the `okg.*` settings live in client/src/defaults.ts; package.json declares them again
// for the Settings UI and kgctl's help names the threshold. These must not drift apart.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseKgctlArgs, usage } from '../../client/src/cli/args';
import { DEFAULT_CONFIRM_THRESHOLD, MAX_CONCURRENCY, SETTING_DEFAULTS } from '../../client/src/defaults';

interface SettingSchema {
  default?: unknown;
  maximum?: number;
}

interface Manifest {
  contributes: { configuration: { properties: Record<string, SettingSchema> } | { properties: Record<string, SettingSchema> }[] };
  capabilities: { untrustedWorkspaces: { restrictedConfigurations: string[] } };
}

const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as Manifest;
const sections = [manifest.contributes.configuration].flat();
const properties: Record<string, SettingSchema> = Object.assign({}, ...sections.map((s) => s.properties));

describe('setting defaults', () => {
  it("package.json's contributes.configuration declares exactly the settings defaults.ts has, with the same defaults", () => {
    assert.deepEqual(Object.keys(properties).sort(), Object.keys(SETTING_DEFAULTS).sort(), 'the same settings');
    for (const [name, value] of Object.entries(SETTING_DEFAULTS)) {
      assert.deepEqual(properties[name].default, value, `${name}: package.json's default differs from defaults.ts`);
    }
  });

  it("okg.apply.concurrency's maximum in package.json is the cap confirm-rules.ts applies", () => {
    assert.equal(properties['okg.apply.concurrency'].maximum, MAX_CONCURRENCY);
  });

  it('every setting that reaches the cluster is restricted in untrusted workspaces', () => {
    const restricted = manifest.capabilities.untrustedWorkspaces.restrictedConfigurations;
    const cluster = Object.keys(SETTING_DEFAULTS).filter((n) => n !== 'okg.trace.server');
    assert.deepEqual(
      cluster.filter((n) => !restricted.includes(n)),
      [],
      'settings an untrusted workspace could set',
    );
  });

  it("kgctl's --threshold defaults to the extension's confirmation threshold, and its help says so", () => {
    const parsed = parseKgctlArgs(['-r', 'gs', '-j', '[]']);
    assert.ok(parsed.ok && !parsed.help, `parsed: ${JSON.stringify(parsed)}`);
    assert.equal(parsed.options.threshold, DEFAULT_CONFIRM_THRESHOLD);
    assert.match(usage(), new RegExp(`--threshold N .*\\(default ${DEFAULT_CONFIRM_THRESHOLD}\\)`));
  });
});
