// IP addresses in text: IPv4 in dotted decimal (each part 0 to 255, so a version such as 2.0.9083.0 is
// not one) and IPv6 in any of its written forms (full, shortened with ::, with an IPv4 tail or a zone).

const IPV4_PART = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = `${IPV4_PART}(?:\\.${IPV4_PART}){3}`;
const IPV4_IN_TEXT = new RegExp(`(?<![\\d.])${IPV4}(?![\\d]|\\.\\d)`, 'g');
const IPV4_WHOLE = new RegExp(`^${IPV4}$`);
/** A run that may be an IPv6 address: hex groups and at least two colons; checked by isIpv6 after. */
const IPV6_CANDIDATE = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f]{0,4})(?:%[\w-]+)?(?![\w:]|\.\d)/gi;

export function isIpv4(text: string): boolean {
  return IPV4_WHOLE.test(text);
}

/** Whether text is one IPv6 address: eight groups, or fewer with one "::", an IPv4 tail counting for two. */
export function isIpv6(text: string): boolean {
  const address = text.replace(/%[\w-]+$/, '');
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (half: string) => (half === '' ? [] : half.split(':'));
  const groups = halves.flatMap(groupsOf);
  let count = groups.length;
  const last = groups[groups.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    count += 1;
    groups.pop();
  }
  if (!groups.every((group) => /^[0-9a-f]{1,4}$/i.test(group))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/** Every IP address written in the text, in order. */
export function findIpAddresses(text: string): string[] {
  const found: { at: number; address: string }[] = [];
  for (const match of text.matchAll(IPV4_IN_TEXT)) found.push({ at: match.index, address: match[0] });
  for (const match of text.matchAll(IPV6_CANDIDATE)) if (isIpv6(match[0])) found.push({ at: match.index, address: match[0] });
  // An IPv4 tail of an IPv6 address is part of that address, not one of its own.
  const v6 = found.filter((f) => f.address.includes(':'));
  return found
    .filter((f) => f.address.includes(':') || !v6.some((v) => f.at >= v.at && f.at < v.at + v.address.length))
    .sort((a, b) => a.at - b.at)
    .map((f) => f.address);
}
