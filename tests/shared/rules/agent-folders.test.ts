// selection.agent-folders (contract v2): warns when a selected item is, or holds, the cache folder or
// <installPath>\bin; runs whether or not the agent is installed; passes with `items: []`; absent with no
// selection or when neither folder is known.
import { describe, expect, it } from 'vitest';
import type { MachineProfile } from '../../../shared/profile/types.js';
import { healthy, one, statusOf } from '../../helpers/profiles.js';

const CHECK = 'selection.agent-folders';
// The healthy sample: cache D:\MARS\Scratch, agent in C:\Program Files\Microsoft Azure Recovery Services Agent.
const selecting =
  (...paths: string[]) =>
  (p: MachineProfile) => {
    p.selection!.items = paths.map((path) => ({ path, sizeBytes: 1, skipped: null }));
  };

describe('selection.agent-folders', () => {
  it('passes when no selected item holds either folder', () => {
    expect(statusOf(healthy(), CHECK)).toBe('pass');
    expect(statusOf(healthy(selecting('D:\\MARS\\Other', 'D:\\MARS\\Scratch2', 'C:\\Program Files\\Other')), CHECK)).toBe('pass');
    // An item inside the cache folder neither is nor holds it.
    expect(statusOf(healthy(selecting('D:\\MARS\\Scratch\\sub')), CHECK)).toBe('pass');
  });

  it('passes with an empty list of items', () => {
    const f = one(healthy(selecting()), CHECK);
    expect(f.status).toBe('pass');
    expect(f.detail).toMatch(/Nothing is selected/);
  });

  it('warns when an item is the cache folder or holds it', () => {
    for (const path of ['D:\\MARS\\Scratch', 'D:\\MARS', 'D:\\', 'D:', 'd:\\mars\\scratch\\', 'D:/MARS/Scratch']) {
      expect(statusOf(healthy(selecting('E:\\Shares', path)), CHECK), path).toBe('warn');
    }
  });

  it('warns when an item is or holds the bin folder', () => {
    for (const path of [
      'C:\\',
      'C:\\Program Files',
      'C:\\Program Files\\Microsoft Azure Recovery Services Agent',
      'c:\\program files\\microsoft azure recovery services agent\\BIN',
    ]) {
      expect(statusOf(healthy(selecting(path)), CHECK), path).toBe('warn');
    }
    // The install folder's other subfolders are not the bin folder.
    expect(statusOf(healthy(selecting('C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Temp')), CHECK)).toBe('pass');
    // A trailing backslash on the install path does not double the separator.
    expect(
      statusOf(
        healthy((p) => {
          p.agent!.installPath = 'F:\\MARS\\';
          selecting('F:\\MARS\\bin')(p);
        }),
        CHECK,
      ),
    ).toBe('warn');
  });

  it('says which folders, and how to exclude both', () => {
    const f = one(healthy(selecting('D:\\')), CHECK);
    expect(f.detail).toContain('D:\\MARS\\Scratch');
    expect(f.detail).toContain('SalFileProviderUnInitializationFailed');
    expect(f.fix!.who).toBe('user');
    expect(f.fix!.steps.join(' ')).toContain('C:\\Program Files\\Microsoft Azure Recovery Services Agent\\bin');
  });

  it('runs whether or not the agent is installed', () => {
    const notInstalled = healthy((p) => {
      p.agent = { installed: false, installPath: null };
      selecting('D:\\')(p);
    });
    expect(statusOf(notInstalled, CHECK)).toBe('warn');
    const unknownAgent = healthy((p) => {
      p.agent = { installed: null, installPath: 'C:\\Agent' };
      delete p.cache;
      selecting('C:\\Agent\\bin\\x', 'C:\\')(p);
    });
    expect(statusOf(unknownAgent, CHECK)).toBe('warn');
  });

  it('uses each folder where known: the cache alone, or the bin folder alone', () => {
    const cacheOnly = (path: string) =>
      healthy((p) => {
        p.agent!.installPath = null;
        selecting(path)(p);
      });
    expect(statusOf(cacheOnly('D:\\'), CHECK)).toBe('warn');
    expect(statusOf(cacheOnly('C:\\'), CHECK)).toBe('pass');
    const binOnly = (path: string) =>
      healthy((p) => {
        p.cache = null;
        selecting(path)(p);
      });
    expect(statusOf(binOnly('C:\\'), CHECK)).toBe('warn');
    expect(statusOf(binOnly('D:\\'), CHECK)).toBe('pass');
  });

  it('is absent with no selection, or when neither folder is known', () => {
    expect(
      statusOf(
        healthy((p) => (p.selection = null)),
        CHECK,
      ),
    ).toBe('absent');
    expect(
      statusOf(
        healthy((p) => delete p.selection),
        CHECK,
      ),
    ).toBe('absent');
    const neither = (change: (p: MachineProfile) => void) =>
      healthy((p) => {
        change(p);
        selecting('C:\\', 'D:\\')(p);
      });
    expect(
      statusOf(
        neither((p) => ((p.cache = null), (p.agent!.installPath = null))),
        CHECK,
      ),
    ).toBe('absent');
    expect(
      statusOf(
        neither((p) => (delete p.cache, delete p.agent)),
        CHECK,
      ),
    ).toBe('absent');
  });

  it('gives the same finding in both editions', () => {
    expect(statusOf(healthy(selecting('D:\\')), CHECK, '2019-02')).toBe('warn');
    expect(statusOf(healthy(), CHECK, '2019-02')).toBe('pass');
  });
});
