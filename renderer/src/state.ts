// What the wizard remembers between pages.
import type { ScanOutcome, ScanRequest } from '../../shared/api/wizard-api';
import type { MachineProfile } from '../../shared/profile/types';
import type { Report } from '../../shared/report/types';

export type Page = 'welcome' | 'select' | 'scan' | 'results' | 'fix' | 'report';
export const PAGES: { id: Page; label: string }[] = [
  { id: 'welcome', label: 'Welcome' },
  { id: 'select', label: 'What to back up' },
  { id: 'scan', label: 'Scan' },
  { id: 'results', label: 'Results' },
  { id: 'fix', label: 'Fix' },
  { id: 'report', label: 'Report' },
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
