// EditionIDs to the matrix's edition names (reference/mars-facts.md), with contract v2's N editions.
import { describe, expect, it } from 'vitest';
import { editionName, isStorageServerEdition } from '../../../shared/matrix/windows-editions.js';

describe('editionName', () => {
  it('maps the EditionIDs of the sheet, in any case', () => {
    expect(editionName('Professional')).toBe('Pro');
    expect(editionName('PROFESSIONAL')).toBe('Pro');
    expect(editionName('CoreSingleLanguage')).toBe('Home');
    expect(editionName('EnterpriseS')).toBe('Enterprise');
    expect(editionName('IoTEnterpriseS')).toBe('IoT Enterprise');
    expect(editionName('ServerSolution')).toBe('Essentials');
    expect(editionName('ServerFoundation')).toBe('Foundation');
    expect(editionName('IoTServer')).toBe('Server IoT');
    expect(editionName('IoTServerStandard')).toBe('Server IoT');
  });
  it('names Storage Server editions under both spellings', () => {
    expect(editionName('ServerStorageStandard')).toBe('Storage Server Standard');
    expect(editionName('ServerStorageWorkgroup')).toBe('Storage Server Workgroup');
    expect(editionName('StorageServerStandard')).toBe('Storage Server Standard');
    expect(editionName('StorageServerWorkgroup')).toBe('Storage Server Workgroup');
    expect(isStorageServerEdition('ServerStorageStandard')).toBe(true);
    expect(isStorageServerEdition('storageserverworkgroup')).toBe(true);
    expect(isStorageServerEdition('ServerStandard')).toBe(false);
  });
  it('names the editions no row lists: multi-session and Datacenter: Azure Edition', () => {
    expect(editionName('ServerRdsh')).toBe('Enterprise multi-session');
    expect(editionName('ServerTurbine')).toBe('Datacenter: Azure Edition');
    expect(editionName('ServerTurbineCor')).toBe('Datacenter: Azure Edition');
  });
  it('counts an Eval suffix as the edition it evaluates', () => {
    expect(editionName('ServerDatacenterEval')).toBe('Datacenter');
    expect(editionName('ServerStandardEVAL')).toBe('Standard');
    expect(editionName('EnterpriseSEval')).toBe('Enterprise');
  });
  it('counts one uppercase N after a known EditionID as that edition, and nothing else (v2)', () => {
    expect(editionName('ProfessionalN')).toBe('Pro');
    expect(editionName('EnterpriseN')).toBe('Enterprise');
    expect(editionName('EnterpriseSN')).toBe('Enterprise');
    expect(editionName('CoreN')).toBe('Home');
    expect(editionName('EnterpriseNEval')).toBe('Enterprise');
    expect(editionName('Professionaln')).toBeNull();
    expect(editionName('ProfessionalNN')).toBeNull();
    expect(editionName('ServerSolution')).toBe('Essentials');
  });
  it('has no name for EditionIDs the matrix does not know', () => {
    expect(editionName('ProfessionalWorkstation')).toBeNull();
    expect(editionName('ServerAzureEdition')).toBeNull();
    expect(editionName('')).toBeNull();
  });
});
