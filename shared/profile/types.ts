// The machine profile, as TypeScript types. They mirror `machine-profile.schema.json` (the contract, copied
// verbatim beside this file); the schema is what validates, these types are what the code reads.
// Convention of the contract: `null` = probed but undetermined; an absent optional field = not probed.

export type OsFamily = 'windows' | 'linux' | 'macos' | 'other';
export type ProductType = 'workstation' | 'server' | 'domain-controller';
export type InstallationType = 'Client' | 'Server' | 'Server Core';
export type Architecture = 'x64' | 'x86' | 'arm64';
export type HostRole = 'direct' | 'mabs' | 'dpm';
export type ServiceState = 'running' | 'stopped' | 'starting' | 'stopping' | 'not-installed' | 'unknown';
export type DriveType = 'fixed' | 'removable' | 'network' | 'optical' | 'ram' | 'unknown';
export type BitLockerState = 'off' | 'unlocked' | 'locked' | 'unknown';

export interface HostFacts {
  name?: string | null;
  azureVm?: boolean | null;
  role?: HostRole | null;
}

export interface OsFacts {
  family: OsFamily;
  caption?: string | null;
  version?: string | null;
  productType?: ProductType | null;
  editionId?: string | null;
  installationType?: InstallationType | null;
  architecture?: Architecture | null;
  servicePack?: number | null;
}

export interface Tls12Facts {
  schannelClientEnabled?: boolean | null;
  schannelClientDisabledByDefault?: boolean | null;
  dotnetStrongCrypto?: boolean | null;
  dotnetSystemDefaultTls?: boolean | null;
}

export interface SoftwareFacts {
  dotnetRelease?: number | null;
  powershellVersion?: string | null;
  tls12?: Tls12Facts | null;
}

export interface AgentFacts {
  installed: boolean | null;
  version?: string | null;
  installPath?: string | null;
  scratchLocation?: string | null;
  providerScratchLocation?: string | null;
  serviceState?: ServiceState;
}

export interface FolderAttributes {
  encrypted: boolean;
  compressed: boolean;
  sparse: boolean;
  reparsePoint: boolean;
}

export interface CacheFacts {
  path: string;
  exists?: boolean | null;
  volume?: string | null;
  sizeBytes?: number | null;
  attributes?: FolderAttributes | null;
}

export interface VolumeFacts {
  id: string;
  label?: string | null;
  fileSystem?: string | null;
  driveType?: DriveType;
  sizeBytes?: number | null;
  freeBytes?: number | null;
  readOnly?: boolean | null;
  online?: boolean | null;
  bitlocker?: BitLockerState;
  deduplicated?: boolean | null;
  azureTemporary?: boolean | null;
  remotePath?: string | null;
}

export interface SkippedCounts {
  hardLinks?: number;
  reparsePoints?: number;
  encryptedSparse?: number;
  compressedStreams?: number;
  sparseStreams?: number;
  cloudPlaceholders?: number;
}

export interface SelectedItem {
  path: string;
  volume?: string | null;
  sizeBytes?: number | null;
  fileCount?: number | null;
  skipped?: SkippedCounts | null;
  oneDrive?: boolean | null;
  dfsReplicated?: boolean | null;
}

export interface Selection {
  systemState?: boolean;
  items: SelectedItem[];
}

export interface EndpointProbe {
  pattern: string;
  host?: string | null;
  port?: number | null;
  reachable: boolean | null;
  error?: string | null;
  ms?: number | null;
}

export interface ProxyFacts {
  winhttp?: string | null;
  system?: string | null;
  environment?: string | null;
}

export interface NetworkFacts {
  endpoints?: EndpointProbe[];
  proxy?: ProxyFacts | null;
  uploadMbps?: number | null;
}

export interface RestoreTarget {
  version: string;
  productType?: ProductType | null;
}

// Version 2's sections (contract v2): each absent means "not probed", null "probed, could not be read";
// inside one, a missing property reads as null. A version-1 profile never carries them.

export type V2ServiceStartType = 'auto' | 'manual' | 'disabled' | 'boot' | 'system';
export type V2ServiceState = 'running' | 'stopped' | 'starting' | 'stopping' | 'paused' | 'not-installed';
export interface V2Service {
  startType?: V2ServiceStartType | null;
  state?: V2ServiceState | null;
}
export const SYSTEM_STATE_SERVICES = ['RpcSs', 'EventSystem', 'SENS', 'VSS', 'SWPRV'] as const;
export type SystemStateService = (typeof SYSTEM_STATE_SERVICES)[number];

export interface SystemStatePrerequisites {
  windowsServerBackup?: 'installed' | 'not-installed' | null;
  services?: Partial<Record<SystemStateService, V2Service | null>> | null;
  systemVolume?: string | null;
  rebootPending?: boolean | null;
}

export interface VaultCredentialsFacts {
  fileName: string;
  lastWriteTime?: string | null;
  xmlWellFormed?: boolean | null;
  aadTenantId?: string | null;
}

export interface AntivirusFacts {
  defenderRealTimeProtection?: boolean | null;
  exclusionPaths?: string[] | null;
  exclusionProcesses?: string[] | null;
}

export interface ClockFacts {
  skewSeconds?: number | null;
  referenceHost?: string | null;
}

export interface ServiceProxyFacts {
  winhttp?: string | null;
  systemAccount?: string | null;
  probe?: string | null;
}

export interface HistoryEvent {
  id: number;
  time: string;
}
export interface HistoryErrorCode {
  code: string;
  source: 'errlog' | 'failed-files';
  count: number;
}
export interface HistoryFacts {
  windowDays: number;
  events?: HistoryEvent[] | null;
  errorCodes?: HistoryErrorCode[] | null;
}

export interface MachineProfile {
  /** 1 or 2; version 2 may carry the sections below `restoreTarget`. */
  schemaVersion: 1 | 2;
  capturedAt?: string;
  host?: HostFacts;
  os: OsFacts;
  software?: SoftwareFacts;
  agent?: AgentFacts;
  cache?: CacheFacts | null;
  volumes: VolumeFacts[];
  selection?: Selection | null;
  network?: NetworkFacts | null;
  restoreTarget?: RestoreTarget | null;
  systemStatePrerequisites?: SystemStatePrerequisites | null;
  vaultCredentials?: VaultCredentialsFacts | null;
  antivirus?: AntivirusFacts | null;
  clock?: ClockFacts | null;
  serviceProxy?: ServiceProxyFacts | null;
  history?: HistoryFacts | null;
}
