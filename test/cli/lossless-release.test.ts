// examples/argo/lossless-release.yaml, checked three ways: it is a valid Argo WorkflowTemplate
// (the focused schema beside it); its kgctl Roles are exactly what `kgctl rbac` prints for the
// operations its steps run, and bound to its service account; and its steps, read from the YAML
// with the parameters substituted, run in order against the sandbox and make a lossless release:
// the idle servers on the old image are replaced by Ready ones on the new image, busy ones are
// left running, replicas come back.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import type { Io } from '../../client/src/cli/io';
import { parseDuration } from '../../client/src/cli/duration';
import { runKgctl } from '../../client/src/cli/run';
import { startSandbox, type Sandbox } from '../sandbox';
import { eventually } from '../wait';
import { stepCommands, type StepCommand } from './argo-steps';

const EXAMPLE = 'examples/argo/lossless-release.yaml';
const SCHEMA = 'examples/argo/schema/workflow-template.schema.json';
const OWNER = 'game.kruise.io/owner-gss';
/** The longest any one step may take here: the wait's own timeout is 10 minutes. */
const STEP_DEADLINE_MS = 60_000;

const text = readFileSync(EXAMPLE, 'utf8');
const docs: any[] = parseAllDocuments(text).map((d, i) => {
  assert.equal(d.errors.length, 0, `${EXAMPLE}, document ${i}: ${d.errors.map((e) => e.message).join('; ')}`);
  return d.toJS();
});
const workflow = docs.find((d) => d?.kind === 'WorkflowTemplate');

const OLD = 'registry.example.com/games/pve-world:1.1.0';
const NEW = 'registry.example.com/games/pve-world:1.2.0';
/** How long the sandbox takes to copy an opsState onto the pod, where scale-down reads it. */
const OPS_STATE_SYNC_MS = 3000;
/**
 * The release of pve-world (6 servers) in game: 3 new servers, and 3 Ready ones on the new image
 * before the old idle ones go; the settle outlasts the opsState copy.
 */
const RELEASE = {
  gameserverset: 'pve-world',
  container: 'pve-world',
  'old-image': OLD,
  'new-image': NEW,
  replicas: '6',
  'release-replicas': '9',
  'ready-servers': '3',
  settle: `${OPS_STATE_SYNC_MS / 1000 + 1}s`,
};

interface Ran {
  step: StepCommand;
  code: number;
  stdout: string;
  stderr: string;
}

async function kgctl(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<Omit<Ran, 'step'>> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { stdout: (t) => out.push(t), stderr: (t) => err.push(t), readStdin: async () => '', env, cwd: mkdtempSync(join(tmpdir(), 'argo-step-')) };
  const code = await runKgctl(argv, io, AbortSignal.timeout(STEP_DEADLINE_MS));
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** Argo's suspend: `duration` is seconds, or a Go duration. */
async function suspend(step: StepCommand): Promise<Omit<Ran, 'step'>> {
  const ms = /^\d+$/.test(step.suspend!) ? Number(step.suspend) * 1000 : parseDuration(step.suspend!);
  assert.ok(ms !== undefined, `step ${step.name}: the duration ${JSON.stringify(step.suspend)} is not one Argo reads`);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return { code: 0, stdout: '', stderr: '' };
}

/** Runs the workflow's steps as Argo would (a group's steps together), stopping after the first group with a failed step. */
async function runSteps(groups: StepCommand[][], env: NodeJS.ProcessEnv, after?: (r: Ran) => void): Promise<Ran[]> {
  const ran: Ran[] = [];
  for (const group of groups) {
    const results = await Promise.all(
      group.map(async (step) => {
        if (step.suspend !== undefined) return { step, ...(await suspend(step)) };
        const argv = step.container!.argv;
        assert.equal(argv[0], 'kgctl', `step ${step.name} runs ${argv[0]}, not kgctl`);
        return { step, ...(await kgctl(argv.slice(1), env)) };
      }),
    );
    for (const r of results) after?.(r);
    ran.push(...results);
    if (results.some((r) => r.code !== 0)) break;
  }
  return ran;
}

const show = (r: Ran) =>
  `step ${r.step.name} (${r.step.container?.argv.join(' ') ?? `suspend ${r.step.suspend}`}): exit ${r.code}; stderr: ${r.stderr.trim().slice(-600)}`;

describe('examples/argo/lossless-release.yaml', () => {
  it('is a WorkflowTemplate the focused Argo schema accepts, and the schema refuses what Argo would', () => {
    assert.ok(workflow, `${EXAMPLE} has no WorkflowTemplate`);
    const validate = new Ajv({ allErrors: true, strictTypes: true, allowUnionTypes: true }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    const problems = (o: unknown) => (validate(o) ? '' : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; '));
    assert.equal(problems(workflow), '', 'the example is valid');
    const broken: [string, (wf: any) => void, RegExp][] = [
      ['a misspelt field', (wf) => (wf.spec.serviceAccount = wf.spec.serviceAccountName), /^\/spec must NOT have additional properties/],
      [
        'steps that are not lists of steps',
        (wf) => (wf.spec.templates[0].steps = wf.spec.templates[0].steps.flat()),
        /\/spec\/templates\/0\/steps\/0 must be array/,
      ],
      [
        'a container without an image',
        (wf) => delete wf.spec.templates[1].container.image,
        /\/spec\/templates\/1\/container must have required property 'image'/,
      ],
      ['a number where Argo wants a string', (wf) => (wf.spec.arguments.parameters.find((p: any) => p.name === 'container-index').value = 0), /must be string/],
      [
        'a template with both steps and a container',
        (wf) => (wf.spec.templates[1].steps = [[{ name: 'x', template: 'report' }]]),
        /must match exactly one schema in oneOf/,
      ],
      ['a template name Argo refuses', (wf) => (wf.spec.templates[1].name = 'check_set'), /\/spec\/templates\/1\/name must match pattern/],
    ];
    for (const [what, change, expected] of broken) {
      const wf = structuredClone(workflow);
      change(wf);
      assert.match(problems(wf), expected, `the schema refuses ${what}`);
    }
  });

  it("grants its service account exactly the Roles `kgctl rbac` prints for its steps' operations, verbatim", async () => {
    const account = workflow.spec.serviceAccountName;
    assert.ok(
      docs.some((d) => d.kind === 'ServiceAccount' && d.metadata.name === account),
      `the ServiceAccount ${account} is in the example`,
    );
    const printed = new Map<string, { yaml: string; role: any }>();
    for (const step of stepCommands(workflow, RELEASE).flat()) {
      if (!step.container) continue;
      const argv = step.container.argv.slice(1);
      const at = (flag: string) => argv[argv.indexOf(flag) + 1];
      const op = argv[0] === 'wait' ? ['--wait'] : argv.includes('-j') ? ['-j', at('-j')] : argv.includes('-d') ? ['-d'] : ['--list'];
      const r = await kgctl(['rbac', '-r', at('-r'), ...op, '-n', at('-n')], {});
      assert.equal(r.code, 0, `kgctl rbac for step ${step.name}: ${r.stderr}`);
      const role = parseAllDocuments(r.stdout)[0].toJS();
      printed.set(role.metadata.name, { yaml: r.stdout, role });
    }
    const verbsOf = (role: any) =>
      new Set(role.rules.flatMap((rule: any) => rule.resources.flatMap((res: string) => rule.verbs.map((v: string) => `${res}:${v}`))));
    // A step whose verbs another step's Role already grants (listing, beside patching) needs no Role of its own.
    const covered = (a: any) => [...printed.values()].some(({ role: b }) => b !== a && [...verbsOf(a)].every((v) => verbsOf(b).has(v)));
    const needed = [...printed.values()].filter(({ role }) => !covered(role));
    const given = docs.filter((d) => d.kind === 'Role' && d.metadata.name.startsWith('kgctl-'));
    assert.deepEqual(given.map((d) => d.metadata.name).sort(), needed.map((n) => n.role.metadata.name).sort(), 'one kgctl Role per operation, none more');
    for (const { yaml, role } of needed) {
      const inExample = given.find((d) => d.metadata.name === role.metadata.name);
      assert.deepEqual(inExample, role, `${EXAMPLE}: Role ${role.metadata.name} is what kgctl rbac prints:\n${yaml}`);
      assert.ok(text.includes(`${yaml}---\n`), `${EXAMPLE} holds what kgctl rbac prints for ${role.metadata.name}, verbatim; it prints:\n${yaml}`);
    }
    for (const role of docs.filter((d) => d.kind === 'Role')) {
      const binding = docs.find((d) => d.kind === 'RoleBinding' && d.roleRef?.kind === 'Role' && d.roleRef.name === role.metadata.name);
      assert.ok(binding, `a RoleBinding binds Role ${role.metadata.name}`);
      assert.equal(binding.metadata.namespace, role.metadata.namespace, `the RoleBinding of ${role.metadata.name} is in its namespace`);
      assert.deepEqual(
        binding.subjects,
        [{ kind: 'ServiceAccount', name: account, namespace: workflow.metadata.namespace }],
        `${role.metadata.name} is bound to ${account}`,
      );
    }
  });

  describe('run against the sandbox', () => {
    let sb: Sandbox;
    let env: NodeJS.ProcessEnv;
    const servers = (set: string) =>
      sb
        .objects('GameServer', 'game')
        .filter((o) => o.metadata.labels[OWNER] === set)
        .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name, 'en', { numeric: true }));
    const gameSet = (name: string) => sb.objects('GameServerSet', 'game').find((o) => o.metadata.name === name);
    /** The image of the game, each sandbox set's first container. */
    const imageOf = (gs: any) => gs.status.podStatus.containerStatuses[0]?.image;
    const row = (gs: any) => `${gs.metadata.name} ${gs.spec.opsState} ${gs.status.currentState} ${imageOf(gs)?.split(':')[1]}`;
    const rows = (set: string) => servers(set).map(row);

    before(async () => {
      // In game: pve-world, lobby, racing, tower-defense and pve-world-1, 6 servers each. New pods
      // take 300 ms to start, so the wait step has something to wait for; opsStates reach the pods late.
      sb = await startSandbox({
        sets: 10,
        replicas: 6,
        namespaces: ['default', 'game'],
        seed: 5,
        startupMs: 300,
        inPlaceUpdateMs: 100,
        opsStateSyncMs: OPS_STATE_SYNC_MS,
      });
      env = { KUBECONFIG: sb.kubeconfigPath };
      // pve-world-1 runs the same image, and its servers' names start with "pve-world-": the release must not touch them.
      sb.mutate('GameServerSet', 'game', 'pve-world-1', (s) => (s.spec.gameServerTemplate.spec.containers[0].image = OLD));
      const last = await eventually(
        () => (servers('pve-world-1').every((o) => imageOf(o) === OLD && o.status.currentState === 'Ready') ? '' : rows('pve-world-1').join(', ')),
        30_000,
      );
      assert.equal(last, '', 'pve-world-1 rolled onto the old image of pve-world before the release');
      // Busy servers: two with players, one under maintenance.
      for (const [name, opsState] of [
        ['pve-world-1', 'Allocated'],
        ['pve-world-2', 'Maintaining'],
        ['pve-world-4', 'Allocated'],
      ]) {
        sb.mutate('GameServer', 'game', name, (o) => (o.spec.opsState = opsState));
      }
    });
    after(async () => {
      await sb.close();
    });

    it('replaces the idle servers on the old image with Ready ones on the new image, leaves the busy ones running, and restores replicas', async () => {
      const busyBefore = servers('pve-world').filter((o) => o.spec.opsState !== 'None');
      const bystanders = () => [...servers('pve-world-1'), ...servers('lobby')].map((o) => `${o.metadata.name}@${o.metadata.resourceVersion}`);
      const bystandersBefore = bystanders();
      const set = () => gameSet('pve-world');
      const generationBefore = set().metadata.generation;
      const updating = () =>
        servers('pve-world')
          .filter((o) => o.status.currentState === 'Updating')
          .map((o) => o.metadata.name);

      // What each step must have done when it returns, checked before the next one starts.
      const checks: Record<string, (r: Ran) => void> = {
        'check-set': (r) => assert.match(r.stdout, /^1 GameServerSet\b/, show(r)),
        'preview-image': (r) => {
          assert.match(r.stdout, new RegExp(`^-.*image: ${OLD}$`, 'm'), `the diff shows the old image: ${r.stdout}`);
          assert.match(r.stdout, new RegExp(`^\\+.*image: ${NEW}$`, 'm'), `and the new one: ${r.stdout}`);
          assert.match(r.stdout, /^\+\s*paused: true$/m, `and the pause: ${r.stdout}`);
          assert.equal(set().metadata.generation, generationBefore, 'the dry run changed nothing');
        },
        'set-image': () => {
          assert.deepEqual([set().spec.gameServerTemplate.spec.containers[0].image, set().spec.updateStrategy.rollingUpdate.paused], [NEW, true]);
          assert.deepEqual(updating(), [], 'paused: no running server is updated');
          assert.ok(
            servers('pve-world').every((o) => imageOf(o) === OLD),
            `every server still runs the old image: ${rows('pve-world')}`,
          );
        },
        'scale-up': () => assert.equal(servers('pve-world').length, 9, `three new servers: ${rows('pve-world')}`),
        'wait-new-ready': (r) => {
          const ready = servers('pve-world').filter((o) => o.status.currentState === 'Ready' && imageOf(o) === NEW);
          assert.equal(ready.length, 3, `the wait returned once 3 servers were Ready on the new image: ${rows('pve-world')}; stdout ${r.stdout}`);
        },
        'retire-old-idle': () => {
          const marked = servers('pve-world')
            .filter((o) => o.spec.opsState === 'WaitToBeDeleted')
            .map((o) => o.metadata.name);
          assert.deepEqual(marked, ['pve-world-0', 'pve-world-3', 'pve-world-5'], `only the idle servers on the old image: ${rows('pve-world')}`);
        },
        settle: () => undefined,
        'scale-down': () => assert.equal(set().spec.replicas, 6),
        report: (r) =>
          assert.deepEqual(
            r.stdout
              .trim()
              .split('\n')
              .slice(1)
              .map((l) => l.split(/\s+/)[1]),
            servers('pve-world').map((o) => o.metadata.name),
            r.stdout,
          ),
      };
      const ran = await runSteps(stepCommands(workflow, RELEASE), env, (r) => {
        assert.equal(r.code, 0, show(r));
        checks[r.step.name]?.(r);
      });
      assert.deepEqual(
        ran.map((r) => r.step.name),
        Object.keys(checks),
        'every step ran, in order',
      );

      assert.deepEqual(
        rows('pve-world'),
        [
          'pve-world-1 Allocated Ready 1.1.0',
          'pve-world-2 Maintaining Ready 1.1.0',
          'pve-world-4 Allocated Ready 1.1.0',
          'pve-world-6 None Ready 1.2.0',
          'pve-world-7 None Ready 1.2.0',
          'pve-world-8 None Ready 1.2.0',
        ],
        'the idle old servers are gone; three Ready on the new image; the busy ones are still there on the old one',
      );
      for (const before of busyBefore) {
        const now = servers('pve-world').find((o) => o.metadata.name === before.metadata.name);
        assert.equal(now?.metadata.uid, before.metadata.uid, `${before.metadata.name} is the same server`);
        assert.equal(now.status.podStatus.containerStatuses[0].restartCount, 0, `${before.metadata.name} was never restarted`);
      }
      assert.deepEqual([set().spec.replicas, set().status.waitToBeDeletedReplicas], [6, 0], 'replicas are back and no server waits for deletion');
      assert.deepEqual(bystanders(), bystandersBefore, 'pve-world-1 and lobby are untouched');
    });

    it('needs its settle step: without it the scale-down goes by the opsStates the pods still show, and removes the new servers', async () => {
      const image = (v: string) => `registry.example.com/games/tower-defense:${v}`;
      const release = { gameserverset: 'tower-defense', container: 'tower-defense', 'old-image': image('1.7.0'), 'new-image': image('1.8.0') };
      const ran = await runSteps(stepCommands(workflow, { ...RELEASE, ...release, 'release-replicas': '8', 'ready-servers': '2', settle: '0s' }), env);
      assert.deepEqual(ran.filter((r) => r.code !== 0).map(show), [], 'every step succeeds');
      assert.deepEqual(
        rows('tower-defense'),
        [0, 1, 2, 3, 4, 5].map((i) => `tower-defense-${i} WaitToBeDeleted Ready 1.7.0`),
        `the scale-down came before the opsStates reached the pods (${OPS_STATE_SYNC_MS} ms) and took the highest ordinals, the new servers`,
      );
    });

    it('stops at its first step, changing nothing, when the set does not run the old image', async () => {
      const racing = gameSet('racing');
      const ran = await runSteps(
        stepCommands(workflow, { ...RELEASE, gameserverset: 'racing', container: 'racing', 'old-image': 'registry.example.com/games/racing:0.9.0' }),
        env,
      );
      assert.deepEqual(
        ran.map((r) => `${r.step.name} ${r.code}`),
        ['check-set 1'],
        'the check fails and nothing after it runs',
      );
      assert.match(ran[0].stderr, /timed out.*\b0 of 1\b/, show(ran[0]));
      assert.equal(gameSet('racing').metadata.resourceVersion, racing.metadata.resourceVersion, 'racing is unchanged');
    });

    it('stops at the preview, changing nothing, when replicas is not what the set has: the failed test names the set', async () => {
      const lobby = gameSet('lobby');
      const ran = await runSteps(
        stepCommands(workflow, {
          ...RELEASE,
          gameserverset: 'lobby',
          container: 'lobby',
          'old-image': 'registry.example.com/games/lobby:1.3.0',
          replicas: '5',
        }),
        env,
      );
      assert.deepEqual(
        ran.map((r) => `${r.step.name} ${r.code}`),
        ['check-set 0', 'preview-image 2'],
        'the dry run fails and nothing after it runs',
      );
      assert.match(ran[1].stderr, /game\/lobby/, show(ran[1]));
      assert.match(ran[1].stderr, /\/spec\/replicas/, show(ran[1]));
      assert.equal(gameSet('lobby').metadata.resourceVersion, lobby.metadata.resourceVersion, 'lobby is unchanged');
    });
  });
});
