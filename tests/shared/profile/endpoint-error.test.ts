// An endpoint test's error as the profile records it (shared/profile/endpoint-error.ts): every kind the
// probe records reads back whole to its kind and arguments, says in English exactly what was recorded, and
// in another language says the language's sentence with the same data; a sentence of no known kind, or one
// only near a known one, is shown as it was recorded; a proxy's password never shows.
import { afterEach, describe, expect, it } from 'vitest';
import { speakLanguage } from '../../../shared/i18n/load.js';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { say } from '../../../shared/i18n/translate.js';
import {
  ENDPOINT_ERRORS,
  endpointErrorText,
  endpointErrorWords,
  readEndpointError,
  sayEndpointError,
  type EndpointErrorKind,
} from '../../../shared/profile/endpoint-error.js';
import { buildReport } from '../../../shared/report/build.js';
import { sample } from '../../helpers/profiles.js';

afterEach(() => speakLanguage('en'));

// Arguments as the probe gives them: hosts, host:port, patterns, codes and numbers, each a different value.
const VALUES: Record<string, string | number> = {
  seconds: 5,
  host: 'login.microsoftonline.com',
  pattern: '*.microsoftonline.com',
  code: 'ENOTFOUND',
  proxy: 'proxy.contoso.local:8080',
  status: 502,
  where: 'www.microsoft.com:443',
};
const KINDS = Object.keys(ENDPOINT_ERRORS) as EndpointErrorKind[];
const argsOf = (kind: EndpointErrorKind) =>
  Object.fromEntries(ENDPOINT_ERRORS[kind].args.map((name) => [name, VALUES[name]!])) as Parameters<typeof endpointErrorText>[1];

describe('the sentences the probe records', () => {
  it.each(KINDS)('%s reads back to its kind and arguments, and says in English what was recorded', (kind) => {
    const text = endpointErrorText(kind, argsOf(kind));
    expect(readEndpointError(text)).toEqual({
      kind,
      args: Object.fromEntries(ENDPOINT_ERRORS[kind].args.map((name) => [name, String(VALUES[name])])),
    });
    expect(sayEndpointError(text)).toBe(text);
  });

  it('are English whatever language the tool speaks, and said in the reader’s', async () => {
    await speakLanguage('de');
    const text = endpointErrorText('dns', { host: 'management.core.windowsazure.com', code: 'ENOTFOUND' });
    expect(text).toBe('DNS could not resolve management.core.windowsazure.com (ENOTFOUND)');
    expect(sayEndpointError(text)).toBe('DNS konnte management.core.windowsazure.com nicht auflösen (ENOTFOUND)');
  });

  it('are said in every language with the data unchanged, and no English sentence left', async () => {
    for (const language of LANGUAGES.filter((l) => l !== 'en')) {
      await speakLanguage(language);
      for (const kind of KINDS.filter((k) => k !== 'proxyClosed')) {
        const text = endpointErrorText(kind, argsOf(kind));
        const said = sayEndpointError(text);
        expect(said, `${language} ${kind}`).not.toBe(text);
        for (const name of ENDPOINT_ERRORS[kind].args) expect(said, `${language} ${kind}`).toContain(String(VALUES[name]));
      }
    }
  });

  it('read back with white space around them or a full stop after, as a hand-edited profile has them', () => {
    const text = endpointErrorText('refused', { where: 'www.microsoft.com:443' });
    expect(readEndpointError(`  ${text}.\r\n`)).toEqual({ kind: 'refused', args: { where: 'www.microsoft.com:443' } });
  });

  it('keep an argument one word, so that the sentence still reads back', () => {
    const text = endpointErrorText('dns', { host: 'a host', code: 'EAI AGAIN' });
    expect(readEndpointError(text)).toEqual({ kind: 'dns', args: { host: 'a_host', code: 'EAI_AGAIN' } });
  });
});

describe('a sentence that is not the probe’s', () => {
  it.each([
    ['another tool’s', 'Blocked by policy 42.', 'Blocked by policy 42'],
    [
      'an older wording',
      'Timed out after 5 s: a firewall may be dropping the connection.',
      'Timed out after 5 s: a firewall may be dropping the connection',
    ],
    ['Node’s words', 'www.microsoft.com:443: socket hang up', 'www.microsoft.com:443: socket hang up'],
    [
      'one with more after a known sentence',
      'www.microsoft.com:443 refused the connection twice',
      'www.microsoft.com:443 refused the connection twice',
    ],
    ['an argument with a space in it', 'DNS could not resolve two words (ENOTFOUND)', 'DNS could not resolve two words (ENOTFOUND)'],
  ])('%s is shown as it was recorded, in any language', async (_name, text, shown) => {
    expect(readEndpointError(text)).toBeNull();
    await speakLanguage('ja');
    expect(sayEndpointError(text)).toBe(shown);
  });

  it('shows a proxy’s password as ****, read back or not', () => {
    expect(sayEndpointError('http://svc:Hunter2@proxy:8080 said no.')).toBe('http://svc:****@proxy:8080 said no');
    const words = endpointErrorWords(endpointErrorText('proxyAuth', { proxy: 'svc:Hunter2@proxy:8080' }));
    expect(typeof words === 'string' ? words : say(words)).toBe(
      'the proxy svc:****@proxy:8080 asks for credentials (407 Proxy Authentication Required)',
    );
  });
});

describe('in a report', () => {
  it('a failed endpoint’s reason is a message of its own, said again in another language', async () => {
    const profile = sample('pre-install');
    const report = buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-11-25T12:00:00Z') });
    const failed = report.findings.find((f) => f.check === 'network.endpoints' && f.status === 'fail');
    expect(failed, 'pre-install has a failed endpoint').toBeDefined();
    expect(failed!.detail).toContain('timed out after 5 s: nothing answered (a firewall may be dropping the traffic)');
    expect(JSON.stringify(failed!.messages)).toContain('"probes.endpoint.timedOut"');
    await speakLanguage('fr');
    expect(say(failed!.messages!.detail)).toContain('délai dépassé après 5 s : rien n’a répondu');
  });
});
