// The password of an address (http://svcbackup:Hunter2@proxy:8080, or svcbackup:Hunter2@proxy) shown as
// **** wherever the tool puts a proxy or an address into words: a request for another team, a report's
// sentences and facts. The user name and the host stay, so that the setting can still be recognised;
// a profile and a report's evidence keep the value as it was read.

// A password may hold an @, an apostrophe or a colon of its own: it runs to the last @ before the host.
const WITH_SCHEME = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/@:"'<>]*):([^\s/"<>]+)@/gi;
const WITHOUT_SCHEME = /(?<![\w.%+~:/-])([\w.%+~-]+):([^\s/"<>]+)@(?=[\p{L}\p{N}[])/gu;

export const MASKED_PASSWORD = '****';

/** The text with the password of each address in it replaced by ****. */
export function maskPasswords(text: string): string {
  return text
    .replace(WITH_SCHEME, (_match: string, before: string) => `${before}:${MASKED_PASSWORD}@`)
    .replace(WITHOUT_SCHEME, (_match: string, user: string) => `${user}:${MASKED_PASSWORD}@`);
}
