// Why the agent needs each address the matrix lists, and what to allow on a firewall that filters by
// Azure service tag (facts: /work/shared/reference/mars-facts.md, "Network": the service tags AzureBackup,
// Storage and AzureActiveDirectory). Our own words. An address no service tag covers is allowed by name.

import { t } from '../../i18n/translate.js';
import type { MessageId } from '../../i18n/message.js';

export interface EndpointNeed {
  why: string;
  /** The Azure service tag whose addresses cover it, or null: allow it by name (FQDN) on the proxy. */
  serviceTag: string | null;
}

const NEEDS: Record<string, { why: MessageId; serviceTag: string | null }> = {
  '*.microsoft.com': {
    why: 'report.network.why.microsoft',
    serviceTag: null,
  },
  '*.windowsazure.com': {
    why: 'report.network.why.windowsazure',
    serviceTag: 'AzureBackup',
  },
  '*.microsoftonline.com': {
    why: 'report.network.why.microsoftonline',
    serviceTag: 'AzureActiveDirectory',
  },
  '*.windows.net': {
    why: 'report.network.why.windowsNet',
    serviceTag: 'AzureActiveDirectory',
  },
  '*.blob.core.windows.net': {
    why: 'report.network.why.blob',
    serviceTag: 'Storage',
  },
  '*.queue.core.windows.net': {
    why: 'report.network.why.queue',
    serviceTag: 'Storage',
  },
  '*.blob.storage.azure.net': {
    why: 'report.network.why.blobStorage',
    serviceTag: 'Storage',
  },
  'www.msftconnecttest.com': {
    why: 'report.network.why.connectTest',
    serviceTag: null,
  },
  'www.msftncsi.com': {
    why: 'report.network.why.ncsi',
    serviceTag: null,
  },
};

export function endpointNeed(pattern: string): EndpointNeed {
  const need = NEEDS[pattern.toLowerCase()];
  return need ? { why: t(need.why), serviceTag: need.serviceTag } : { why: t('report.network.why.other'), serviceTag: null };
}
