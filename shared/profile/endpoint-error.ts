// What an endpoint test ran into, as a profile records it and as a reader hears it.
//
// The profile's `error` is a string (the contract has no field for a code), and a profile is read on other
// machines, by people and by other tools: the probe records one of the English sentences below, made from
// the English catalogue (`probes.endpoint.*`). Because each is made from a fixed template whose arguments
// hold no spaces (host names, host:port, codes, numbers), a recorded sentence is read back, whole, into its
// kind and arguments, and said again in the reader's language. A sentence that is none of them (another
// tool's, or an older version's) is shown as it was recorded: data, never guessed at.

import type { MessageId } from '../i18n/message.js';
import { m, type Msg } from '../i18n/message.js';
import { englishCatalogue, say, tEnglish } from '../i18n/translate.js';
import { maskPasswords } from '../util/mask-password.js';

/** Each kind of result, the catalogue message that says it, and its arguments (in the template's order). */
export const ENDPOINT_ERRORS = {
  /** The whole network test ran out of time before this one finished (reachable null). */
  unfinished: { id: 'probes.endpoint.unfinished', args: ['seconds'] },
  /** A made-up sample host (a storage account) that DNS does not know (reachable null). */
  sampleUnknown: { id: 'probes.endpoint.sampleUnknown', args: ['host', 'pattern'] },
  timedOut: { id: 'probes.endpoint.timedOut', args: ['seconds'] },
  dns: { id: 'probes.endpoint.dns', args: ['host', 'code'] },
  dnsEmpty: { id: 'probes.endpoint.dnsEmpty', args: ['host'] },
  proxyAuth: { id: 'probes.endpoint.proxyAuth', args: ['proxy'] },
  /** A 407 where no proxy was set: one in the way that the machine does not know of. */
  unseenProxyAuth: { id: 'probes.endpoint.unseenProxyAuth', args: ['host'] },
  proxyRefusedTarget: { id: 'probes.endpoint.proxyRefusedTarget', args: ['proxy', 'host', 'status'] },
  proxyNoAnswer: { id: 'probes.endpoint.proxyNoAnswer', args: ['proxy', 'host'] },
  proxyClosed: { id: 'probes.endpoint.proxyClosed', args: [] },
  httpStatus: { id: 'probes.endpoint.httpStatus', args: ['host', 'status'] },
  notTestFile: { id: 'probes.endpoint.notTestFile', args: ['host'] },
  refused: { id: 'probes.endpoint.refused', args: ['where'] },
  proxyRefused: { id: 'probes.endpoint.proxyRefused', args: ['proxy'] },
  reset: { id: 'probes.endpoint.reset', args: ['where'] },
  proxyReset: { id: 'probes.endpoint.proxyReset', args: ['proxy'] },
  noRoute: { id: 'probes.endpoint.noRoute', args: ['where'] },
  proxyNoRoute: { id: 'probes.endpoint.proxyNoRoute', args: ['proxy'] },
  tlsUntrusted: { id: 'probes.endpoint.tlsUntrusted', args: ['host'] },
  tlsName: { id: 'probes.endpoint.tlsName', args: ['host'] },
  certificateExpired: { id: 'probes.endpoint.certificateExpired', args: ['host'] },
  /** Any other failure, by Node's error code (ETIMEDOUT, EPIPE...): its English message is not recorded. */
  failedCode: { id: 'probes.endpoint.failedCode', args: ['where', 'code'] },
  proxyFailedCode: { id: 'probes.endpoint.proxyFailedCode', args: ['proxy', 'code'] },
} as const satisfies Record<string, { id: MessageId; args: readonly string[] }>;

export type EndpointErrorKind = keyof typeof ENDPOINT_ERRORS;
type ArgsOf<K extends EndpointErrorKind> = Record<(typeof ENDPOINT_ERRORS)[K]['args'][number], string | number>;

export interface EndpointError {
  kind: EndpointErrorKind;
  args: Record<string, string>;
}

/** The sentence a probe records for this result: always English, whatever language the tool speaks. */
export function endpointErrorText<K extends EndpointErrorKind>(kind: K, args: ArgsOf<K>): string {
  const spec = ENDPOINT_ERRORS[kind];
  const values = Object.fromEntries(spec.args.map((name) => [name, noSpaces(String((args as Record<string, string | number>)[name]))]));
  return tEnglish(spec.id, values);
}

// An argument is one word: a host, host:port, code or number. Should one ever hold white space, it is
// joined up, so that the sentence still reads back whole.
const noSpaces = (value: string) => value.replace(/\s+/g, '_');

const MARK = '\u0001';
let readers: { kind: EndpointErrorKind; pattern: RegExp; args: readonly string[] }[] | null = null;

/** Each template's English as a pattern: its text literal, each argument one run of non-space characters. */
function templates() {
  readers ??= (Object.keys(ENDPOINT_ERRORS) as EndpointErrorKind[]).map((kind) => {
    const spec = ENDPOINT_ERRORS[kind];
    if (!Object.hasOwn(englishCatalogue(), spec.id)) throw new Error(`no message "${spec.id}" in the catalogue`);
    const marked = tEnglish(spec.id, Object.fromEntries(spec.args.map((name, i) => [name, `${MARK}${i}${MARK}`])));
    const source = marked
      .split(new RegExp(`${MARK}\\d+${MARK}`))
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('(\\S+)');
    // The arguments in the order the English sentence has them (a template may not follow the list's).
    const order = [...marked.matchAll(new RegExp(`${MARK}(\\d+)${MARK}`, 'g'))].map((match) => spec.args[Number(match[1])]!);
    return { kind, pattern: new RegExp(`^${source}$`), args: order };
  });
  return readers;
}

/**
 * A recorded sentence read back into its kind and arguments; null when it is not one of the probe's. White
 * space around it and a full stop after it (a profile edited by hand) are not part of the sentence.
 */
export function readEndpointError(text: string): EndpointError | null {
  const sentence = text.trim().replace(/\.$/, '');
  for (const { kind, pattern, args } of templates()) {
    const match = pattern.exec(sentence);
    if (match) return { kind, args: Object.fromEntries(args.map((name, i) => [name, match[i + 1]!])) };
  }
  return null;
}

/**
 * What the test ran into, to say in a sentence: the catalogue's message in the reader's language when the
 * sentence is one of the probe's, else the recorded sentence itself (without its full stop). Either way a
 * proxy's password is shown as ****.
 */
export function endpointErrorWords(text: string): Msg | string {
  const read = readEndpointError(text);
  if (!read) return maskPasswords(text).replace(/\.$/, '');
  return m(
    ENDPOINT_ERRORS[read.kind].id,
    Object.fromEntries(Object.entries(read.args).map(([name, value]) => [name, maskPasswords(value)])),
  );
}

/** The same, said now in the current language. */
export function sayEndpointError(text: string): string {
  const words = endpointErrorWords(text);
  return typeof words === 'string' ? words : say(words);
}
