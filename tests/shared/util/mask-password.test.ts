// A proxy's password in words (shared/util/mask-password.ts): shown as ****, whatever it holds, with the
// user name and the host kept; text without a password left as it is.
import { describe, expect, it } from 'vitest';
import { maskPasswords } from '../../../shared/util/mask-password.js';

describe('maskPasswords', () => {
  it.each([
    ['http://svc:Hunter2@proxy:8080', 'http://svc:****@proxy:8080'],
    ["http://svc:it's@proxy:8080: connect ECONNREFUSED", 'http://svc:****@proxy:8080: connect ECONNREFUSED'],
    ['http://svc:p@ss:w0rd@proxy.contoso.com', 'http://svc:****@proxy.contoso.com'],
    ['the proxy svc:Hunter2@proxy:8080 asks for credentials', 'the proxy svc:****@proxy:8080 asks for credentials'],
    ['svc:pa:ss@proxy:8080', 'svc:****@proxy:8080'],
    ["svc:o'brien@proxy", 'svc:****@proxy'],
    ['http=http://u:x@p1:80;https=http://v:y@p2:443', 'http=http://u:****@p1:80;https=http://v:****@p2:443'],
  ])('%s', (text, shown) => expect(maskPasswords(text)).toBe(shown));

  it.each([
    'proxy.contoso.com:8080',
    'http://proxy:8080/path',
    'backup@contoso.com',
    'DNS could not resolve host (ENOTFOUND)',
    "it's 10:30",
  ])('leaves %s as it is', (text) => expect(maskPasswords(text)).toBe(text));
});
