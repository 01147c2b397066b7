// What the wizard remembers between pages.
import type { ScanOutcome, ScanRequest } from '../../shared/api/wizard-api';
import type { MachineProfile } from '../../shared/profile/types';
import type { Report } from '../../shared/report/types';
import { t } from '../../shared/i18n/translate';

export type Page = 'welcome' | 'select' | 'scan' | 'results' | 'fix' | 'report';
/** The pages in order; each one's name is said when shown (in the language of the moment). */
export const PAGES: { id: Page; label: () => string }[] = [
  { id: 'welcome', label: () => t('wizard.pages.welcome') },
  { id: 'select', label: () => t('wizard.pages.select') },
  { id: 'scan', label: () => t('wizard.pages.scan') },
  { id: 'results', label: () => t('wizard.pages.results') },
  { id: 'fix', label: () => t('wizard.pages.fix') },
  { id: 'report', label: () => t('wizard.pages.report') },
];

export interface Examined {
  profile: MachineProfile;
  report: Report;
  notes: ScanOutcome['notes'];
  /** live: this machine, just probed (re-check possible); opened: a profile from a file. */
  source: 'live' | 'opened';
  fileName?: string;
  /** A live check: what changed since the wizard's last report of this machine, when it kept one. */
  sinceLastTime?: ScanOutcome['sinceLastTime'];
}

export const DEFAULT_REQUEST: ScanRequest = {
  edition: 'current',
  paths: [],
  systemState: false,
  uploadMbps: null,
  cachePath: null,
  offline: false,
};
