// The packaging configuration, validated offline: electron-builder's own schema check, and the security
// settings this product depends on (fuses off, runs as the invoking user, nothing unbundled shipped).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);
const yaml = require('js-yaml') as { load(text: string): Record<string, any> };
const config = yaml.load(readFileSync(new URL('build/electron-builder.yml', root), 'utf8'));
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));

describe('build/electron-builder.yml', () => {
  it("passes electron-builder's own validation", async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(validateConfiguration(structuredClone(config), new DebugLogger(false))).resolves.toBeUndefined();
  });
  it('is refused by that validation when a field is wrong (the check can fail)', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config.js');
    const { DebugLogger } = require('builder-util');
    await expect(
      validateConfiguration({ ...structuredClone(config), win: { requestedExecutionLevel: 'root' } }, new DebugLogger(false)),
    ).rejects.toThrow();
  });
  it('builds an NSIS installer and a portable exe for Windows, run as the invoking user', () => {
    expect(config.win.target.map((t: { target: string }) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.win.requestedExecutionLevel).toBe('asInvoker');
    expect(config.nsis).toMatchObject({ perMachine: false, allowElevation: false });
  });
  it('turns off the run-as-node, NODE_OPTIONS and inspector fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });
  it('ships the renderer bundled: React and MUI are not runtime dependencies', () => {
    for (const lib of ['react', 'react-dom', '@mui/material', '@emotion/react', '@emotion/styled']) {
      expect(pkg.dependencies[lib]).toBeUndefined();
      expect(pkg.devDependencies[lib]).toBeDefined();
    }
    expect(config.files).toEqual(expect.arrayContaining(['out/renderer/**', 'out/preload/**']));
    expect(pkg.main).toBe('dist/electron/main.js');
  });
});
