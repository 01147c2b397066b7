// The Linux probes: the mount table parsed from a recorded file and a fake sysfs, then for real on this
// machine; commands with a timeout that a hung command cannot defeat. The recorded parts run everywhere;
// what needs a real Linux (lsattr, sleep, printf, /proc and /sys of this machine) runs only on Linux.
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputText, runCommand } from '../../../electron/probes/command-runner.js';
import { collectProfile } from '../../../electron/probes/collect.js';
import { mountOf, parseLsattr, probeLinuxCache } from '../../../electron/probes/linux/cache-linux.js';
import { AZURE_ASSET_TAG, parseOsRelease, probeLinuxHost } from '../../../electron/probes/linux/host-linux.js';
import { parseMountinfo, storageMounts, unescapeMountPath } from '../../../electron/probes/linux/mountinfo.js';
import { probeLinuxVolumes, type LinuxFs } from '../../../electron/probes/linux/volumes-linux.js';
import { ProbeNotes } from '../../../electron/probes/notes.js';
import { buildReport } from '../../../shared/report/build.js';
import { validateProfile } from '../../../shared/profile/validate.js';

const onLinux = process.platform === 'linux';
const mountinfo = readFileSync(new URL('../../fixtures/linux/mountinfo.txt', import.meta.url), 'utf8');

function fakeFs(
  files: Record<string, string>,
  statfs: LinuxFs['statfs'] = async () => ({ bsize: 4096, blocks: 1000, bavail: 250 }),
): LinuxFs {
  // The probe joins paths with node:path, which writes \ on Windows; a file system there takes either.
  const key = (path: string) => path.replaceAll('\\', '/');
  return {
    readFile: async (path) => {
      if (key(path) in files) return files[key(path)]!;
      throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
    },
    statfs,
    exists: async (path) => key(path) in files,
    realpath: async (path) => path,
    readdir: async () => [],
  };
}

describe('mountinfo', () => {
  it('unescapes octal escapes in paths', () => {
    expect(unescapeMountPath('/media/usb\\040stick\\011tab\\134x')).toBe('/media/usb stick\ttab\\x');
  });
  it('keeps the mounts that hold data, the later of two mounts on one point', () => {
    const mounts = storageMounts(parseMountinfo(mountinfo));
    expect(mounts.map((m) => m.mountPoint)).toEqual([
      '/',
      '/media/usb stick',
      '/srv/backup',
      '/mnt/nas',
      '/media/cdrom',
      '/var/lib/docker/overlay2/abc/merged',
    ]);
    expect(mounts.find((m) => m.mountPoint === '/srv/backup')?.options).not.toContain('ro');
  });
});

describe('probeLinuxVolumes on a recorded mount table', () => {
  const files = {
    '/proc/self/mountinfo': mountinfo,
    '/sys/class/block/vda1/removable': '0\n',
    '/sys/class/block/sdb1/../removable': '1\n',
    '/sys/class/block/sdc1/removable': '0\n',
    '/srv/backup/DATALOSS_WARNING_README.txt': 'temporary disk',
  };
  it('tells fixed, removable, network, optical and unknown drives apart, with sizes from statfs', async () => {
    const notes = new ProbeNotes();
    const volumes = await probeLinuxVolumes(fakeFs(files), notes);
    expect(volumes.map((v) => [v.id, v.driveType, v.fileSystem, v.readOnly])).toEqual([
      ['/', 'fixed', 'ext4', false],
      ['/media/usb stick', 'removable', 'vfat', false],
      ['/srv/backup', 'fixed', 'xfs', false],
      ['/mnt/nas', 'network', 'nfs4', false],
      ['/media/cdrom', 'optical', 'iso9660', true],
      ['/var/lib/docker/overlay2/abc/merged', 'unknown', 'overlay', false],
    ]);
    expect(volumes[0]).toMatchObject({ sizeBytes: 4096 * 1000, freeBytes: 4096 * 250, bitlocker: 'off', online: true });
    expect(volumes[3]?.remotePath).toBe('nas01:/export/data');
    expect(volumes[2]?.azureTemporary).toBe(true);
    expect(notes.list).toContainEqual({ field: '/volumes/5/driveType', reason: expect.stringMatching(/not backed by a block device/) });
  });
  it('does not hang on a network mount whose statfs never returns', async () => {
    const notes = new ProbeNotes();
    const hung: LinuxFs['statfs'] = (path) =>
      path === '/mnt/nas' ? new Promise(() => {}) : Promise.resolve({ bsize: 512, blocks: 10, bavail: 5 });
    const started = Date.now();
    const volumes = await probeLinuxVolumes(fakeFs(files, hung), notes);
    expect(Date.now() - started).toBeLessThan(4000);
    expect(volumes.find((v) => v.id === '/mnt/nas')).toMatchObject({ sizeBytes: null, freeBytes: null });
    expect(notes.list).toContainEqual({ field: '/volumes/3/sizeBytes', reason: 'did not answer within 2 s' });
  });
  it('gives no volumes, and says why, when the mount table cannot be read', async () => {
    const notes = new ProbeNotes();
    expect(await probeLinuxVolumes(fakeFs({}), notes)).toEqual([]);
    expect(notes.list[0]?.field).toBe('/volumes');
  });
});

describe('host facts', () => {
  it('reads os-release with quotes', () => {
    expect(parseOsRelease('NAME="Debian GNU/Linux"\nPRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\n')).toMatchObject({
      PRETTY_NAME: 'Debian GNU/Linux 12 (bookworm)',
      ID: 'debian',
    });
  });
  it('tells an Azure VM by its asset tag, and a Hyper-V VM elsewhere from it', async () => {
    const dmi = (tag: string) =>
      fakeFs({ '/sys/class/dmi/id/sys_vendor': 'Microsoft Corporation\n', '/sys/class/dmi/id/chassis_asset_tag': `${tag}\n` });
    expect((await probeLinuxHost(dmi(AZURE_ASSET_TAG), new ProbeNotes())).azureVm).toBe(true);
    expect((await probeLinuxHost(dmi('0000-0000'), new ProbeNotes())).azureVm).toBe(false);
    expect((await probeLinuxHost(fakeFs({ '/sys/class/dmi/id/sys_vendor': 'Dell Inc.\n' }), new ProbeNotes())).azureVm).toBe(false);
    const notes = new ProbeNotes();
    expect((await probeLinuxHost(fakeFs({}), notes)).azureVm).toBeNull();
    expect(notes.list[0]?.field).toBe('/host/azureVm');
  });
});

describe('cache folder on Linux', () => {
  it('parses lsattr flags', () => {
    expect(parseLsattr('--------------e------- /tmp')).toEqual({ compressed: false, encrypted: false });
    expect(parseLsattr('--------c-----e---E--- /x')).toEqual({ compressed: true, encrypted: true });
    expect(parseLsattr('lsattr: Operation not supported While reading flags on /x')).toBeNull();
  });
  it('finds the mount that holds a path, not a sibling with the same prefix', () => {
    const volumes = [{ id: '/' }, { id: '/srv' }, { id: '/srv/backup' }];
    expect(mountOf('/srv/backup/cache', volumes)?.id).toBe('/srv/backup');
    expect(mountOf('/srv/backups', volumes)?.id).toBe('/srv');
    expect(mountOf('/home', volumes)?.id).toBe('/');
  });
  it.runIf(onLinux)('measures a real folder, with spaces and non-ASCII names, and reports a link as a reparse point', async () => {
    const root = mkdtempSync(join(tmpdir(), 'mars cache é-'));
    mkdirSync(join(root, 'sub dir'));
    writeFileSync(join(root, 'OnlineBackup.KEK'), 'x'.repeat(100));
    writeFileSync(join(root, 'sub dir', 'données.bin'), 'y'.repeat(50));
    symlinkSync(root, `${root}-link`);
    const volumes = [{ id: '/' }];
    const notes = new ProbeNotes();
    const cache = await probeLinuxCache(root, volumes, runCommand, notes);
    expect(cache).toMatchObject({ path: root, exists: true, volume: '/', sizeBytes: 150 });
    const link = await probeLinuxCache(`${root}-link`, volumes, runCommand, new ProbeNotes());
    expect(link.attributes?.reparsePoint).toBe(true);
    expect(await probeLinuxCache(join(root, 'missing'), volumes, runCommand, new ProbeNotes())).toMatchObject({
      exists: false,
      attributes: null,
    });
  });
});

describe('runCommand', () => {
  it.runIf(onLinux)('kills a command that hangs, at its timeout', async () => {
    const started = Date.now();
    const result = await runCommand('sleep', ['10'], { timeoutMs: 300 });
    expect(result).toMatchObject({ timedOut: true, exitCode: null, failure: 'sleep did not answer within 300 ms' });
    expect(Date.now() - started).toBeLessThan(3000);
  });
  it('says when a command does not exist', async () => {
    expect(await runCommand('no-such-command-here', [], { timeoutMs: 1000 })).toMatchObject({
      missing: true,
      failure: 'no-such-command-here is not available on this machine',
    });
  });
  it.runIf(onLinux)('passes arguments through untouched by any shell', async () => {
    const result = await runCommand('printf', ['%s|', 'a b', '$(echo no)', '"q"'], { timeoutMs: 2000 });
    expect(outputText(result.stdout)).toBe('a b|$(echo no)|"q"|');
  });
  it('decodes UTF-16 output without a mark, and folds CRLF', () => {
    expect(outputText(Buffer.from('a,b\r\r\nc\r\n', 'utf16le'))).toBe('a,b\nc\n');
  });
});

describe.runIf(onLinux)('collect on this machine', () => {
  it('writes a profile the schema accepts, and check fails os.supported with a clear sentence', async () => {
    const { profile } = await collectProfile({ offline: true, cachePath: tmpdir() });
    expect(validateProfile(profile).ok).toBe(true);
    expect(profile.os.family).toBe(process.platform === 'linux' ? 'linux' : expect.any(String));
    expect(profile.volumes.some((v) => v.id === '/')).toBe(true);
    expect(profile.cache).toMatchObject({ exists: true });
    const report = buildReport(profile, { edition: 'current', toolVersion: 't', now: new Date() });
    const os = report.findings.find((f) => f.check === 'os.supported')!;
    expect(os.status).toBe('fail');
    expect(os.detail).toMatch(/installs only on Windows/);
    // Offline: every endpoint is unknown, never a pass.
    expect(report.findings.filter((f) => f.check === 'network.endpoints').every((f) => f.status === 'unknown')).toBe(true);
    expect(report.findings.find((f) => f.check === 'cache.location')?.status).toBe('pass');
  });

  it('says a selected folder that does not exist does not exist, before anything is probed', async () => {
    const there = mkdtempSync(join(tmpdir(), 'mars select-'));
    writeFileSync(join(there, 'a.bin'), 'abc');
    const missing = join(there, 'not here');
    await expect(collectProfile({ offline: true, selection: { paths: [there, missing], systemState: false } })).rejects.toThrow(
      `The folder to back up ${missing} does not exist. Correct the path, or leave it out.`,
    );
    const { profile } = await collectProfile({ offline: true, selection: { paths: [there], systemState: false } });
    expect(profile.selection?.items[0]).toMatchObject({ sizeBytes: 3, fileCount: 1 });
  });
});
