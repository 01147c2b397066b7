// Makes sure a Debian package a test tier needs is installed: installs it when it can (root on Debian,
// apt-get present), otherwise says why the tier is skipped. Used by the test scripts; .ci/run installs the
// packages itself, so that CI never skips a tier.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

/** Returns null when `binary` is there (installing `pkg` if needed), else the reason it is not. */
export function ensureDebianPackage(pkg, binary) {
  if (existsSync(binary)) return null;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !existsSync('/usr/bin/apt-get')) {
    return `${binary} is missing and cannot be installed here (the Debian package "${pkg}" needs root and apt-get)`;
  }
  console.log(`Installing the Debian package ${pkg} (for ${binary})...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update'], { stdio: 'inherit', env, timeout: 300_000 });
  const install =
    update.status === 0
      ? spawnSync('apt-get', ['install', '-y', '--no-install-recommends', pkg], { stdio: 'inherit', env, timeout: 600_000 })
      : update;
  if (install.status !== 0 || !existsSync(binary)) return `installing the Debian package "${pkg}" failed`;
  return null;
}
