// Microsoft's own addresses, which the agent must reach: a report names them to say what to allow, and
// hiding them would hide nothing about the machine (they are the same for everyone).

const MICROSOFT_DOMAINS = [
  'microsoft.com',
  'windowsazure.com',
  'microsoftonline.com',
  'windows.net',
  'azure.net',
  'azure.com',
  'msftconnecttest.com',
  'msftncsi.com',
  'aka.ms',
  'windowsazure.us',
  'microsoftonline.us',
  'usgovcloudapi.net',
];

/** Whether a host name is one of Microsoft's domains or lies under one (case-insensitive). */
export function isPublicHost(host: string): boolean {
  const name = host.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
  return MICROSOFT_DOMAINS.some((domain) => name === domain || name.endsWith(`.${domain}`));
}
