// native-reg cannot load on Linux; its reader is tested against a stand-in with native-reg's API, and
// must read the same values as reg.exe's recorded output.
import { describe, expect, it } from 'vitest';
import { outputText } from '../../../electron/probes/command-runner.js';
import { fallbackReader, nativeRegReader, type NativeReg } from '../../../electron/probes/windows/registry-native.js';
import { parseRegQuery, parseRegSubkeys, type RegistryReader } from '../../../electron/probes/windows/registry.js';
import { fixture } from '../../helpers/recorded.js';

type Raw = Buffer & { type: number };
const raw = (type: number, data: Buffer): Raw => Object.assign(data, { type });
const sz = (text: string) => raw(1, Buffer.from(`${text}\0`, 'utf16le'));
const dword = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return raw(4, b);
};

function fakeReg(keys: Record<string, Record<string, Raw>>, opened: { access: number[] } = { access: [] }): NativeReg {
  return {
    HKLM: 'HKLM',
    HKCU: 'HKCU',
    Access: { READ: 0x20019, WOW64_64KEY: 0x100 },
    openKey(hkey, subKey, access) {
      opened.access.push(access);
      if (subKey.includes('Denied')) throw new Error('Access is denied.');
      return keys[`${String(hkey)}\\${subKey}`] ? `${String(hkey)}\\${subKey}` : null;
    },
    enumValueNames: (h) => Object.keys(keys[h as string] ?? {}),
    enumKeyNames: (h) =>
      Object.keys(keys)
        .filter((k) => k.startsWith(`${String(h)}\\`) && !k.slice(String(h).length + 1).includes('\\'))
        .map((k) => k.slice(String(h).length + 1)),
    queryValueRaw: (h, name) => keys[h as string]?.[name ?? ''] ?? null,
    parseValue(value) {
      if (!value) return null;
      if (value.type === 4) return value.readUInt32LE(0);
      return value.toString('utf16le').replace(/\0+$/, '');
    },
    closeKey() {},
  };
}

describe('nativeRegReader', () => {
  it('reads the same values as reg.exe printed, through the 64-bit view', async () => {
    const opened = { access: [] as number[] };
    const reader = nativeRegReader(
      fakeReg(
        {
          'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config': {
            ScratchLocation: sz('D:\\MARS Cache\\Scratch'),
            ServiceResourceName: sz('vault01'),
          },
          'HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config\\CloudBackupProvider': {},
          'HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full': { Release: dword(528372) },
        },
        opened,
      ),
    );
    const config = await reader.readKey('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config');
    const printed = outputText(fixture('reg-wab-config.txt'));
    expect(config).toEqual({ status: 'ok', values: parseRegQuery(printed), subkeys: parseRegSubkeys(printed) });
    expect(parseRegSubkeys(printed)).toEqual(['CloudBackupProvider']);
    const ndp = await reader.readKey('HKLM\\SOFTWARE\\Microsoft\\NET Framework Setup\\NDP\\v4\\Full');
    expect(ndp.status === 'ok' && ndp.values.get('release')).toEqual({ type: 'REG_DWORD', data: 528372 });
    expect(opened.access.every((a) => (a & 0x100) !== 0)).toBe(true);
  });
  it('tells missing from denied', async () => {
    const reader = nativeRegReader(fakeReg({}));
    expect(await reader.readKey('HKLM\\SOFTWARE\\Nothing')).toEqual({ status: 'missing' });
    expect(await reader.readKey('HKLM\\SOFTWARE\\Denied')).toEqual({ status: 'error', reason: 'Access is denied.' });
    expect(await reader.readKey('HKCR\\x')).toMatchObject({ status: 'error' });
  });
  it('falls back to the second reader only when the first fails', async () => {
    const calls: string[] = [];
    const second: RegistryReader = { readKey: async (k) => (calls.push(k), { status: 'missing' }) };
    const reader = fallbackReader(nativeRegReader(fakeReg({})), second);
    await reader.readKey('HKLM\\SOFTWARE\\Nothing');
    await reader.readKey('HKLM\\SOFTWARE\\Denied');
    expect(calls).toEqual(['HKLM\\SOFTWARE\\Denied']);
  });
});
