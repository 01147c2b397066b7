// Contract v2, "OS identification made exact": the order of reference/mars-facts.md ("Identification, in
// this order"), case by case.
import { describe, expect, it } from 'vitest';
import { identifyOs, type OsIdentity } from '../../../shared/matrix/identify-os.js';
import type { OsFacts } from '../../../shared/profile/types.js';

const win = (facts: Partial<OsFacts>): OsFacts => ({ family: 'windows', ...facts });
/** "windows-10", "unlisted", "undetermined" or "not-windows": what the rules read. */
const outcome = (identity: OsIdentity) => (identity.kind === 'known' ? identity.os : identity.kind);
const of = (facts: Partial<OsFacts>) => outcome(identifyOs(win(facts)));

describe('identifyOs', () => {
  it('is undetermined without a version, and not Windows for another family', () => {
    expect(of({ version: null, productType: 'server', editionId: 'ServerStandard' })).toBe('undetermined');
    expect(outcome(identifyOs({ family: 'linux', version: '10.0.17763' }))).toBe('not-windows');
  });

  it('makes Azure Stack HCI / Azure Local unlisted on every build, before anything else is asked', () => {
    for (const version of ['10.0.17784', '10.0.20348', '10.0.20349', '10.0.25398', '10.0.26100', '10.0']) {
      expect(of({ version, productType: 'server', editionId: 'ServerAzureStackHCICor' })).toBe('unlisted');
    }
    expect(of({ version: '10.0.20348', editionId: 'serverazurestackhcicor' })).toBe('unlisted');
  });

  it('counts StorageServer* and ServerStorage* EditionIDs as Storage Server on 6.2, 6.3 and 10.0.14393 only', () => {
    for (const editionId of ['StorageServerStandard', 'StorageServerWorkgroup', 'ServerStorageStandard', 'ServerStorageWorkgroup']) {
      expect(of({ version: '6.2', editionId })).toBe('storage-server');
      expect(of({ version: '6.2.9200', editionId })).toBe('storage-server');
      expect(of({ version: '6.3', editionId })).toBe('storage-server');
      expect(of({ version: '6.3.9600', productType: 'server', editionId })).toBe('storage-server');
      expect(of({ version: '10.0.14393', productType: 'server', editionId })).toBe('storage-server');
      expect(of({ version: '10.0', productType: 'server', editionId })).toBe('undetermined');
      expect(of({ version: '10.0.17763', productType: 'server', editionId })).toBe('unlisted');
      expect(of({ version: '6.1.7601', productType: 'server', editionId })).toBe('unlisted');
      expect(of({ version: '6.0.6002', productType: 'server', editionId })).toBe('unlisted');
    }
    // Before server-or-client: the EditionID alone decides.
    expect(of({ version: '6.3.9600', productType: 'workstation', editionId: 'serverstorageworkgroup' })).toBe('storage-server');
  });

  it('makes ServerRdsh on 10.0 Windows 10 or 11 by build, whatever ProductType says', () => {
    expect(of({ version: '10.0.19045', productType: 'server', editionId: 'ServerRdsh', installationType: 'Client' })).toBe('windows-10');
    expect(of({ version: '10.0.21999', productType: 'server', editionId: 'ServerRdsh' })).toBe('windows-10');
    expect(of({ version: '10.0.22000', productType: 'server', editionId: 'ServerRdsh' })).toBe('windows-11');
    expect(of({ version: '10.0.26100', productType: 'server', editionId: 'serverrdsh' })).toBe('windows-11');
    expect(of({ version: '10.0', productType: 'server', editionId: 'ServerRdsh' })).toBe('undetermined');
  });

  it('makes every major version below 6 unlisted, even without a product type', () => {
    expect(of({ version: '5.2.3790' })).toBe('unlisted');
    expect(of({ version: '5.1' })).toBe('unlisted');
    expect(of({ version: '4.0', productType: 'server' })).toBe('unlisted');
  });

  it('tells server from client by ProductType, then InstallationType, then EditionID', () => {
    expect(of({ version: '10.0.17763', productType: 'server', installationType: 'Client' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', productType: 'domain-controller' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', productType: 'workstation', editionId: 'ServerStandard' })).toBe('windows-10');
    expect(of({ version: '10.0.17763', installationType: 'Client', editionId: 'ServerStandard' })).toBe('windows-10');
    expect(of({ version: '10.0.17763', installationType: 'Server Core', editionId: 'Professional' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', installationType: 'Server' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', editionId: 'ServerDatacenter' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', editionId: 'serverstandard' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', editionId: 'IoTServer' })).toBe('server-2019');
    expect(of({ version: '10.0.17763', editionId: 'Professional' })).toBe('windows-10');
    expect(of({ version: '6.3.9600', editionId: 'Enterprise' })).toBe('windows-8.1');
    expect(of({ version: '10.0.17763', productType: null, installationType: null, editionId: null })).toBe('undetermined');
    expect(of({ version: '6.1.7601' })).toBe('undetermined');
  });

  it('needs build 6002 or later, or service pack 2, for Windows Server 2008', () => {
    expect(of({ version: '6.0.6002', productType: 'server' })).toBe('server-2008');
    expect(of({ version: '6.0.6003', productType: 'server' })).toBe('server-2008');
    expect(of({ version: '6.0.6001', productType: 'server', servicePack: 2 })).toBe('unlisted');
    expect(of({ version: '6.0', productType: 'server', servicePack: 2 })).toBe('server-2008');
    expect(of({ version: '6.0', productType: 'server', servicePack: 3 })).toBe('server-2008');
    expect(of({ version: '6.0', productType: 'server', servicePack: 1 })).toBe('unlisted');
    expect(of({ version: '6.0', productType: 'server', servicePack: 0 })).toBe('unlisted');
    expect(of({ version: '6.0', productType: 'server', servicePack: null })).toBe('undetermined');
    expect(of({ version: '6.0', productType: 'server' })).toBe('undetermined');
    expect(of({ version: '6.0.6002', productType: 'workstation' })).toBe('unlisted');
    expect(of({ version: '6.0', productType: 'workstation' })).toBe('unlisted');
  });

  it('takes 6.1 to 6.3 as the client/server pair, build or not', () => {
    expect(of({ version: '6.1', productType: 'workstation' })).toBe('windows-7');
    expect(of({ version: '6.1', productType: 'server' })).toBe('server-2008-r2');
    expect(of({ version: '6.2', productType: 'workstation' })).toBe('windows-8');
    expect(of({ version: '6.2', productType: 'server' })).toBe('server-2012');
    expect(of({ version: '6.3', productType: 'workstation' })).toBe('windows-8.1');
    expect(of({ version: '6.3', productType: 'server' })).toBe('server-2012-r2');
  });

  it('knows only builds 14393, 17763, 20348 and 26100 of the 10.0 servers, and needs the build', () => {
    expect(of({ version: '10.0.14393', productType: 'server' })).toBe('server-2016');
    expect(of({ version: '10.0.17763', productType: 'server' })).toBe('server-2019');
    expect(of({ version: '10.0.20348', productType: 'server' })).toBe('server-2022');
    expect(of({ version: '10.0.26100', productType: 'server' })).toBe('server-2025');
    for (const build of ['25398', '20349', '17784', '19042', '14392', '26101']) {
      expect(of({ version: `10.0.${build}`, productType: 'server' })).toBe('unlisted');
    }
    expect(of({ version: '10.0', productType: 'server' })).toBe('undetermined');
    expect(of({ version: '10.0', productType: 'workstation' })).toBe('undetermined');
    expect(of({ version: '10.0.21999', productType: 'workstation' })).toBe('windows-10');
    expect(of({ version: '10.0.22000', productType: 'workstation' })).toBe('windows-11');
  });

  it('makes any other release unlisted, once server or client is known', () => {
    expect(of({ version: '6.4.9841', productType: 'workstation' })).toBe('unlisted');
    expect(of({ version: '7.0', productType: 'server' })).toBe('unlisted');
    expect(of({ version: '10.1.1', productType: 'server' })).toBe('unlisted');
    expect(of({ version: '11.0.1', productType: 'workstation' })).toBe('unlisted');
    expect(of({ version: '6.4.9841' })).toBe('undetermined');
  });
});

describe('identifyOs in words', () => {
  it('gives what the profile lacks, and the names that are words, as messages (said in the reader language)', async () => {
    expect(identifyOs(win({ version: null }))).toEqual({ kind: 'undetermined', missing: { id: 'evidence.os.missing.version' } });
    expect(identifyOs(win({ version: '10.0.26200', productType: 'server' }))).toMatchObject({
      kind: 'unlisted',
      name: { id: 'evidence.os.serverBuild', args: { build: '26200' } },
    });
    expect(identifyOs({ family: 'other' } as OsFacts)).toEqual({ kind: 'not-windows', name: { id: 'evidence.os.otherFamily' } });
    const { speakLanguage } = await import('../../../shared/i18n/load.js');
    const { osWords } = await import('../../../shared/matrix/os-words.js');
    try {
      await speakLanguage('de');
      expect(osWords({ family: 'windows', version: '10.0.26200', productType: 'server' })).toBe('Windows Server, Build 26200 (10.0.26200)');
    } finally {
      await speakLanguage('en');
    }
    expect(osWords({ family: 'windows', version: '10.0.26200', productType: 'server' })).toBe('Windows Server, build 26200 (10.0.26200)');
  });
});
