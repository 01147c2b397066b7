// The request for the network team: for each address the agent needs whose test failed or did not
// happen (network.endpoints not passed), one row per host tested in its place - the pattern, the host,
// port and protocol, what went wrong, why the agent needs it, the service tag to allow and what to ask
// of TLS inspection - and the notes that bear on it (no network test at all; a test that went out
// through another proxy than the backup engine's). A password in an address is shown as ****.

import { t } from '../../i18n/translate.js';
import { EDITIONS, type EditionId } from '../../matrix/index.js';
import type { EndpointRow } from '../../matrix/types.js';
import { sayEndpointError } from '../../profile/endpoint-error.js';
import type { EndpointProbe, MachineProfile } from '../../profile/types.js';
import type { Report } from '../types.js';
import { maskPasswords } from '../../util/mask-password.js';
import { endpointNeed } from './endpoint-needs.js';
import { endpointOutcome, OUTCOME_WORDS, type EndpointOutcome } from './endpoint-outcome.js';

export interface RequestRow {
  pattern: string;
  host: string;
  port: number;
  protocol: 'HTTPS' | 'HTTP';
  outcome: EndpointOutcome;
  /** The outcome in words. */
  failed: string;
  /** What the test itself said, as the profile records it (null: nothing recorded). */
  testSaid: string | null;
  why: string;
  serviceTag: string | null;
  tlsInspection: string;
}

export interface NetworkRequest {
  host: string | null;
  capturedAt: string | null;
  edition: { id: EditionId; date: string };
  tool: { name: string; version: string };
  /** How many addresses the edition lists; rows cover those not reached. */
  addresses: number;
  rows: RequestRow[];
  notes: string[];
}

export function buildNetworkRequest(profile: MachineProfile, report: Report): NetworkRequest {
  const edition = EDITIONS[report.matrix.edition];
  const findings = report.findings.filter((f) => f.check === 'network.endpoints');
  const probes = profile.network?.endpoints ?? [];
  const rows: RequestRow[] = [];
  for (const row of edition.endpoints) {
    const finding = findings.find((f) => f.subject === row.pattern) ?? findings.find((f) => f.subject === null);
    if (!finding || finding.status === 'pass') continue;
    for (const alternative of row.anyOf ?? [row.pattern]) {
      const tested = probes.filter((p) => p.pattern.toLowerCase() === alternative.toLowerCase());
      if (tested.length === 0) rows.push(rowOf(row, alternative, undefined));
      for (const probe of tested) if (probe.reachable !== true) rows.push(rowOf(row, alternative, probe));
    }
  }
  const notes: string[] = [];
  if (profile.network == null) notes.push(t('report.network.note.noTest'));
  const serviceProxy = report.findings.find((f) => f.check === 'network.service-proxy' && f.status === 'warn');
  if (serviceProxy) notes.push(t('report.network.note.serviceProxy', { detail: serviceProxy.detail }));
  const through = profile.serviceProxy?.probe;
  if (!serviceProxy && through && through !== 'direct') notes.push(t('report.network.note.through', { proxy: through }));
  // The request goes to another team: a password in any address it names is shown as ****, always.
  return {
    host: report.host.name,
    capturedAt: report.host.capturedAt,
    edition: { id: edition.id, date: edition.date },
    tool: report.tool,
    addresses: edition.endpoints.length,
    rows: rows.map((row) => ({
      ...row,
      host: maskPasswords(row.host),
      testSaid: row.testSaid === null ? null : maskPasswords(row.testSaid),
    })),
    notes: notes.map(maskPasswords),
  };
}

function rowOf(row: EndpointRow, alternative: string, probe: EndpointProbe | undefined): RequestRow {
  const host = probe?.host ?? (row.anyOf ? alternative : row.probeHost);
  // The OS connectivity pair: www.msftncsi.com is tested over HTTP, as Windows does.
  const port = probe?.port ?? (alternative === 'www.msftncsi.com' ? 80 : row.port);
  const protocol = port === 80 ? 'HTTP' : 'HTTPS';
  const outcome = endpointOutcome(probe, row.probeHostIsSample === true && !row.anyOf);
  const need = endpointNeed(alternative);
  return {
    pattern: alternative,
    host,
    port,
    protocol,
    outcome,
    failed: OUTCOME_WORDS[outcome],
    testSaid: probe?.error ? sayEndpointError(probe.error) : null,
    why: need.why,
    serviceTag: need.serviceTag,
    tlsInspection:
      protocol === 'HTTP'
        ? t('report.network.tls.http')
        : outcome === 'tls-intercepted'
          ? t('report.network.tls.intercepted', { address: alternative })
          : t('report.network.tls.doNotInspect', { address: alternative }),
  };
}
