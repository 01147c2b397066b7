// Why the agent needs each address the matrix lists, and what to allow on a firewall that filters by
// Azure service tag (facts: /work/shared/reference/mars-facts.md, "Network": the service tags AzureBackup,
// Storage and AzureActiveDirectory). Our own words. An address no service tag covers is allowed by name.

export interface EndpointNeed {
  why: string;
  /** The Azure service tag whose addresses cover it, or null: allow it by name (FQDN) on the proxy. */
  serviceTag: string | null;
}

const NEEDS: Record<string, EndpointNeed> = {
  '*.microsoft.com': {
    why: "Microsoft's own services the agent calls, among them its download and update site.",
    serviceTag: null,
  },
  '*.windowsazure.com': {
    why: 'The Azure Backup service: registering the machine with the vault and running its backup jobs.',
    serviceTag: 'AzureBackup',
  },
  '*.microsoftonline.com': {
    why: 'Signing in to Microsoft Entra ID, which the agent must do to register and to reach the vault (still needed with private endpoints).',
    serviceTag: 'AzureActiveDirectory',
  },
  '*.windows.net': {
    why: 'Microsoft Entra ID sign-in (login.windows.net) and other Azure services under windows.net.',
    serviceTag: 'AzureActiveDirectory',
  },
  '*.blob.core.windows.net': {
    why: "The vault's storage: backups are uploaded there and restored from there.",
    serviceTag: 'Storage',
  },
  '*.queue.core.windows.net': {
    why: "The vault's storage queues, which carry messages about jobs between the service and the agent.",
    serviceTag: 'Storage',
  },
  '*.blob.storage.azure.net': {
    why: "The vault's storage on newer storage accounts: backups are uploaded there and restored from there.",
    serviceTag: 'Storage',
  },
  'www.msftconnecttest.com': {
    why: "Windows' own check that the machine is online; when it fails, Windows and the agent may act as if there were no network.",
    serviceTag: null,
  },
  'www.msftncsi.com': {
    why: "Windows' own check that the machine is online (the older address, over plain HTTP).",
    serviceTag: null,
  },
};

export function endpointNeed(pattern: string): EndpointNeed {
  return NEEDS[pattern.toLowerCase()] ?? { why: 'An address the support matrix lists for the agent.', serviceTag: null };
}
