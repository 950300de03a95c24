// The packaged extension, as users get it: install the .vsix into a fresh VS Code server with the
// server's own CLI, open a window WITHOUT the development path, show the GameServers view and
// wait for the sandbox's namespace in the tree (which needs the extension to have activated).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, copyWorkspace, failureShot, installVsix, manifest, openWorkbench, startVSCodeServer, workbenchUrl } from './harness.mjs';
import { contributedView, focusView, treeRows } from './ui.mjs';

/** The bundles the extension runs: its host, the language server and its YAML check worker, the watch process, kgctl. */
const SHIPPED_BUNDLES = ['extension.js', 'server.js', 'yaml-check-worker.js', 'watch-host.js', 'kgctl.js'];

/** Where `npm run package` writes the .vsix. */
export function vsixPath(pkg) {
  return join(ROOT, `${pkg.name}-${pkg.version}.vsix`);
}

/** Resolves to a one-line description of what was seen, or rejects saying what was missing. */
export async function checkInstalledVsix({ paths, vsix, tmp, sandbox }) {
  if (!existsSync(vsix)) throw new Error(`${vsix} is missing: run \`npm run package\` first`);
  const pkg = manifest();
  const dir = join(tmp, 'vsix');
  const extensionsDir = join(dir, 'extensions');
  const dataDir = join(dir, 'vscode');
  await installVsix({ serverMain: paths.serverMain, vsix, extensionsDir, dataDir });
  const folderName = `${pkg.publisher}.${pkg.name}-${pkg.version}`;
  if (!readdirSync(extensionsDir).includes(folderName)) {
    throw new Error(`after --install-extension, ${extensionsDir} has ${readdirSync(extensionsDir).join(', ')}, not ${folderName}`);
  }
  // Every bundle a shipped program starts is in the package, and the engine's scripting API is not.
  const shipped = readdirSync(join(extensionsDir, folderName, 'dist'));
  const missing = SHIPPED_BUNDLES.filter((f) => !shipped.includes(f));
  if (missing.length) throw new Error(`the .vsix lacks dist/${missing.join(', dist/')} (.vscodeignore)`);
  if (shipped.includes('engine.js')) throw new Error('the .vsix ships dist/engine.js, which no shipped program loads (.vscodeignore)');
  const view = contributedView(pkg, /gameServers/i);
  const namespace = (await sandbox.objects('GameServer'))[0]?.metadata?.namespace;
  if (!namespace) throw new Error('the sandbox holds no GameServer');

  const server = await startVSCodeServer({ serverMain: paths.serverMain, dataDir, extensionsDir, env: { KUBECONFIG: sandbox.kubeconfigPath } });
  try {
    const workspace = copyWorkspace(join(ROOT, 'test', 'e2e', 'workspace'), dir);
    const window = await openWorkbench(workbenchUrl({ port: server.port, folder: workspace }));
    try {
      await focusView(window.page, view);
      await treeRows(window.page, view).filter({ hasText: namespace }).first().waitFor({ timeout: 60_000 });
      return `installed as ${folderName} with its ${SHIPPED_BUNDLES.length} bundles; the ${view.name} view lists namespace ${namespace}`;
    } catch (err) {
      const note = await failureShot(window.page, 'vsix-check');
      throw new Error(`${err instanceof Error ? err.message.split('\n')[0] : String(err)} ${note}`);
    } finally {
      await window.close();
    }
  } finally {
    await server.close();
  }
}
