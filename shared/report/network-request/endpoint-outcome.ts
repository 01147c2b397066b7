// What went wrong with one endpoint test, as a code the network team's table can say in words.
//
// The profile's contract records a test as `reachable` (true, false, or null: not finished or no answer
// either way) and `error`, a sentence; it has no field for a result code. The code is therefore read from
// `reachable` first, and, for a failed test, from the fixed opening the probe (electron/probes/network/
// endpoints.ts) gives each kind of result - one entry per kind below, matched whole at the start or at
// its one fixed place, never by searching the sentence for words. A sentence no entry matches (another
// tool's, or a future probe's) is "failed", with the sentence shown as it is.

import { saidWords } from '../grouping.js';
import type { EndpointProbe } from '../../profile/types.js';

export type EndpointOutcome =
  | 'reached'
  | 'dns'
  | 'refused'
  | 'reset'
  | 'no-route'
  | 'timed-out'
  | 'tls-intercepted'
  | 'certificate-expired'
  | 'proxy-auth'
  | 'proxy-refused'
  | 'unexpected-answer'
  | 'failed'
  | 'not-finished'
  | 'sample-unknown'
  | 'not-tested';

/** The probe's fixed opening per outcome of a failed test (reachable false). `H` is a host[:port]. */
const FAILED: [EndpointOutcome, RegExp][] = [
  ['timed-out', /^timed out after \d+ s\b/i],
  ['dns', /^DNS (could not resolve|has no address for) /],
  ['tls-intercepted', /^TLS intercepted: /],
  ['certificate-expired', /^the certificate presented for \S+ has expired\b/],
  ['proxy-auth', /^the proxy \S+ asks for credentials \(407\b/],
  ['proxy-refused', /^the proxy (\S+ refused the connection to \S+ \(|closed the connection$)/],
  ['refused', /^(the proxy )?\S+ refused the connection$/],
  ['reset', /^(the proxy )?\S+ reset the connection \(/],
  ['no-route', /^no route to \S+: the network is unreachable$/],
  ['unexpected-answer', /^\S+ answered(,| HTTP \d{3}) (but not with|instead of) its test file\b/],
];

/** The outcome of one test of an endpoint; `sample` when the tested host is a made-up sample name. */
export function endpointOutcome(probe: EndpointProbe | undefined, sample: boolean): EndpointOutcome {
  if (!probe) return 'not-tested';
  if (probe.reachable === true) return 'reached';
  const error = probe.error ?? '';
  if (probe.reachable === null) return sample && error !== '' && !/^not finished within /.test(error) ? 'sample-unknown' : 'not-finished';
  return FAILED.find(([, opening]) => opening.test(error))?.[0] ?? 'failed';
}

/** The outcome in the network team's words: what the test ran into. */
export const OUTCOME_WORDS: Readonly<Record<EndpointOutcome, string>> = saidWords({
  reached: 'report.network.outcome.reached',
  dns: 'report.network.outcome.dns',
  refused: 'report.network.outcome.refused',
  reset: 'report.network.outcome.reset',
  'no-route': 'report.network.outcome.noRoute',
  'timed-out': 'report.network.outcome.timedOut',
  'tls-intercepted': 'report.network.outcome.tlsIntercepted',
  'certificate-expired': 'report.network.outcome.certificateExpired',
  'proxy-auth': 'report.network.outcome.proxyAuth',
  'proxy-refused': 'report.network.outcome.proxyRefused',
  'unexpected-answer': 'report.network.outcome.unexpectedAnswer',
  failed: 'report.network.outcome.failed',
  'not-finished': 'report.network.outcome.notFinished',
  'sample-unknown': 'report.network.outcome.sampleUnknown',
  'not-tested': 'report.network.outcome.notTested',
});
