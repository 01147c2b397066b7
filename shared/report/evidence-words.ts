// A finding's evidence as named facts a person can read aloud ("Free space on D:: 12.3 GB", "Windows
// version: Windows Server 2008 R2 (6.1.7601)"), never JSON pointers and never JSON's doubled backslashes.
// The rules key their evidence by JSON pointer into the profile (/cache/path) or by a short name of their
// own (freeBytes, volume); EVIDENCE below gives each a label and a way to write its value. A key it does
// not know still reads as words (the pointer's parts, spelt out) and is marked generic, so that a test can
// tell it fell back. Bytes as the matrix writes them (binary GB and TB, one unit within one fact); dates by
// Intl in the reader's locale and time zone; booleans as words; lists summarised. Pure.

import { FAMILIES, osWords } from '../matrix/os-words.js';
import { editionName } from '../matrix/windows-editions.js';
import type { OsFacts } from '../profile/types.js';
import { listInWords, plural, timesWords } from '../rules/finding.js';
import { dotnetName } from '../rules/software.js';
import { GB, TB } from '../util/units.js';
import { formatBytes, formatNumber } from '../i18n/translate.js';
import { maskPasswords } from '../util/mask-password.js';
import type { CheckId } from './types.js';

export interface EvidenceFact {
  /** What the fact is about, in words: "Free space on D:". */
  label: string;
  /** Its value, in words: "12.3 GB". */
  value: string;
  /** The evidence key it was made from (for React keys and tests), never for display. */
  key: string;
  /** Made by the fallback from the key's own parts: no entry of EVIDENCE knows it. */
  generic: boolean;
}

export interface WordsOptions {
  /** The reader's locale and time zone, for dates; the platform's by default. */
  locale?: string;
  timeZone?: string;
}

interface Context {
  check: CheckId;
  evidence: Record<string, unknown>;
  options: WordsOptions;
}

type Pair = [label: string, value: string];
interface Entry {
  /** A JSON pointer (N stands for an index) or a rule's own key. */
  key: string;
  /** Only for findings of these checks (a rule's own key means different things in different checks). */
  checks?: readonly CheckId[];
  facts: (value: unknown, ctx: Context) => Pair[];
}

// ---------------------------------------------------------------------------------------------------
// Values in words

const NOT_KNOWN = 'not known';

export function yesNo(value: unknown, yes = 'yes', no = 'no'): string {
  return value === true ? yes : value === false ? no : NOT_KNOWN;
}

/** A registry or policy switch: on, off, or not set at all. */
const setting = (value: unknown) => (value === true ? 'on' : value === false ? 'off' : 'not set');

const text = (value: unknown, none = NOT_KNOWN) => (typeof value === 'string' && value !== '' ? value : none);

/** A date and time in the reader's locale and zone: "19 Nov 2026, 16:05". A text that is no date is left as it is. */
export function dateWords(iso: unknown, options: WordsOptions = {}): string {
  if (typeof iso !== 'string') return NOT_KNOWN;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

const bytes = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? formatBytes(value) : NOT_KNOWN);

/**
 * Several amounts written in one unit, for one sentence: TB when every amount is 1 TB or more, else GB
 * (MB when all are under 1 GB) - "1,536 GB, 300 GB free", never "1.5 TB, 300 GB free".
 */
export function bytesAlike(values: number[]): string[] {
  const finite = values.filter((v) => Number.isFinite(v));
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const [unit, name] = min >= TB ? [TB, 'TB'] : max >= GB ? [GB, 'GB'] : [2 ** 20, 'MB'];
  return values.map((v) => {
    if (!Number.isFinite(v)) return NOT_KNOWN;
    const amount = v / unit;
    const digits = amount === 0 || amount >= 100 ? 0 : amount >= 10 ? 1 : 2;
    return `${formatNumber(Number(amount.toFixed(digits)))} ${name}`;
  });
}

/** A list of texts: "a, b and c"; past five, "a, b, c, d, e and 3 more". */
function listWords(items: readonly string[], none = 'none'): string {
  if (items.length === 0) return none;
  if (items.length <= 5) return listInWords([...items]);
  return `${items.slice(0, 5).join(', ')} and ${items.length - 5} more`;
}

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A proxy setting as the profile writes it: "direct" or a host:port (an address's password as ****). */
const proxyWords = (value: unknown) => (value === 'direct' ? 'none (direct)' : maskPasswords(text(value)));

const SERVICE_STATES: Record<string, string> = {
  running: 'running',
  stopped: 'stopped',
  starting: 'starting',
  stopping: 'stopping',
  paused: 'paused',
  'not-installed': 'not installed',
  unknown: 'could not be told',
};
const START_TYPES: Record<string, string> = {
  auto: 'starts automatically',
  manual: 'starts by hand',
  disabled: 'disabled',
  boot: 'starts with the system',
  system: 'starts with the system',
};
const DRIVE_TYPES: Record<string, string> = {
  fixed: 'fixed disk',
  removable: 'removable media',
  network: 'network drive',
  optical: 'optical drive',
  ram: 'RAM disk',
  unknown: 'kind not known',
};
const BITLOCKER: Record<string, string> = {
  off: 'not encrypted by BitLocker',
  unlocked: 'BitLocker, unlocked',
  locked: 'BitLocker, locked',
  unknown: 'BitLocker state not known',
};
const ROLES: Record<string, string> = {
  direct: 'backs this machine up directly',
  mabs: 'runs on an Azure Backup Server (MABS)',
  dpm: 'runs on a System Center DPM server',
};
const PRODUCT_TYPES: Record<string, string> = {
  workstation: 'workstation',
  server: 'server',
  'domain-controller': 'domain controller',
};
const INSTALLATION_TYPES: Record<string, string> = {
  Client: 'workstation',
  Server: 'server with the Desktop Experience',
  'Server Core': 'Server Core',
};
const ARCHITECTURES: Record<string, string> = { x64: '64-bit (x64)', x86: '32-bit (x86)', arm64: 'ARM, 64-bit (arm64)' };
const SKIPPED_KINDS: Record<string, [string, string]> = {
  hardLinks: ['hard link', 'hard links'],
  reparsePoints: ['reparse point (link, junction or deduplicated file)', 'reparse points (links, junctions or deduplicated files)'],
  encryptedSparse: ['file both encrypted and sparse', 'files both encrypted and sparse'],
  compressedStreams: ['compressed stream', 'compressed streams'],
  sparseStreams: ['sparse stream', 'sparse streams'],
  cloudPlaceholders: ['cloud-only file', 'cloud-only files'],
};
const ERROR_SOURCES: Record<string, string> = { errlog: "the agent's error log", 'failed-files': 'the list of files that failed' };

const lookup = (table: Record<string, string>, value: unknown) => (typeof value === 'string' ? (table[value] ?? value) : NOT_KNOWN);

function volumeWords(volume: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof volume.fileSystem === 'string') parts.push(volume.fileSystem);
  if (typeof volume.driveType === 'string') parts.push(lookup(DRIVE_TYPES, volume.driveType));
  const size = typeof volume.sizeBytes === 'number' ? volume.sizeBytes : null;
  const free = typeof volume.freeBytes === 'number' ? volume.freeBytes : null;
  if (size !== null && free !== null) {
    const [s, f] = bytesAlike([size, free]);
    parts.push(`${s}, ${f} free`);
  } else if (size !== null) parts.push(formatBytes(size));
  else if (free !== null) parts.push(`${formatBytes(free)} free`);
  if (volume.readOnly === true) parts.push('read-only');
  if (volume.online === false) parts.push('offline');
  if (typeof volume.bitlocker === 'string' && volume.bitlocker !== 'off') parts.push(lookup(BITLOCKER, volume.bitlocker));
  if (volume.deduplicated === true) parts.push('deduplicated');
  if (volume.azureTemporary === true) parts.push("the Azure VM's temporary disk");
  if (typeof volume.remotePath === 'string' && volume.remotePath) parts.push(`on ${volume.remotePath}`);
  if (typeof volume.label === 'string' && volume.label) parts.push(`labelled "${volume.label}"`);
  return parts.length > 0 ? parts.join(', ') : 'nothing more is known of it';
}

function skippedWords(counts: Record<string, unknown>): string {
  const found = Object.entries(SKIPPED_KINDS)
    .map(([kind, [one, many]]) => {
      const n = counts[kind];
      return typeof n === 'number' && n > 0 ? plural(n, one, many) : null;
    })
    .filter((x): x is string => x !== null);
  return found.length > 0 ? listInWords(found) : 'none';
}

function attributesWords(value: unknown): string {
  const a = record(value);
  if (!a) return NOT_KNOWN;
  const set = [
    a.encrypted === true ? 'encrypted' : null,
    a.compressed === true ? 'compressed' : null,
    a.sparse === true ? 'sparse' : null,
    a.reparsePoint === true ? 'a link or junction (reparse point)' : null,
  ].filter((x): x is string => x !== null);
  return set.length > 0 ? listInWords(set) : 'none: not encrypted, compressed or sparse, and not a link';
}

function skewWords(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return NOT_KNOWN;
  const abs = Math.abs(seconds);
  if (abs === 0) return 'none';
  const amount = abs >= 600 ? plural(Math.round(abs / 60), 'minute') : plural(Number(abs.toFixed(1)), 'second');
  return `${amount} ${seconds > 0 ? 'ahead' : 'behind'}`;
}

const JOB_EVENTS: Record<number, string> = {
  1: 'started',
  3: 'completed',
  10: 'completed with warnings',
  11: 'completed with errors',
  18: 'failed to start',
};

function eventsWords(value: unknown, options: WordsOptions): string {
  if (!Array.isArray(value)) return 'could not be read';
  const events = value
    .map((e) => record(e))
    .filter((e): e is Record<string, unknown> => e !== null && typeof e.time === 'string')
    .sort((a, b) => String(a.time).localeCompare(String(b.time)));
  if (events.length === 0) return 'no backup job recorded';
  const last = events[events.length - 1]!;
  const what = typeof last.id === 'number' ? (JOB_EVENTS[last.id] ?? `event ${last.id}`) : 'an event';
  return `${plural(events.length, 'event')}; the last: a job ${what}, ${dateWords(last.time, options)}`;
}

function errorCodesWords(value: unknown): string {
  if (!Array.isArray(value)) return 'could not be read';
  const codes = value
    .map((c) => record(c))
    .filter((c): c is Record<string, unknown> => c !== null && typeof c.code === 'string')
    .map((c) => {
      const times = typeof c.count === 'number' ? `, ${timesWords(c.count)}` : '';
      const where = typeof c.source === 'string' ? ` in ${lookup(ERROR_SOURCES, c.source)}` : '';
      return `${String(c.code)} (${`${times.slice(2)}${where}`.trim() || 'seen'})`;
    });
  return listWords(codes);
}

function endpointFacts(value: unknown): Pair[] {
  if (!Array.isArray(value) || value.length === 0) return [['Network test', 'this address was not tested']];
  return value
    .map((p) => record(p))
    .filter((p): p is Record<string, unknown> => p !== null)
    .map((p): Pair => {
      const host = text(p.host, text(p.pattern, 'the address'));
      const port = typeof p.port === 'number' ? ` (port ${p.port})` : '';
      const error = typeof p.error === 'string' && p.error ? maskPasswords(p.error).replace(/\.$/, '') : null;
      const ms = typeof p.ms === 'number' ? ` in ${formatNumber(Math.round(p.ms))} ms` : '';
      const outcome =
        p.reachable === true
          ? `answered${ms}`
          : p.reachable === false
            ? `could not be reached${error ? `: ${error}` : ''}`
            : `no answer either way${error ? `: ${error}` : ''}`;
      return [`Test of ${host}${port}`, outcome];
    });
}

function proxyFacts(value: unknown): Pair[] {
  const p = record(value);
  if (!p) return [['Proxy settings', 'could not be read']];
  return [
    ['WinHTTP proxy (the backup engine uses it)', p.winhttp ? maskPasswords(text(p.winhttp)) : 'none'],
    ['Proxy of Internet Options', p.system ? maskPasswords(text(p.system)) : 'none'],
    ['Proxy of the environment', p.environment ? maskPasswords(text(p.environment)) : 'none'],
  ];
}

/** The cache's volume, named by the rule's own `volume` key (an id or the volume's facts). */
const volumeId = (ctx: Context): string | null => {
  const v = ctx.evidence.volume;
  if (typeof v === 'string') return v;
  const r = record(v);
  if (r && typeof r.id === 'string') return r.id;
  return typeof ctx.evidence['/cache/volume'] === 'string' ? (ctx.evidence['/cache/volume'] as string) : null;
};

// ---------------------------------------------------------------------------------------------------
// What each evidence key means

/** One fact per selected path of a rule's map (path -> facts); one saying so when nothing is selected. */
const perPath =
  (none: string, fact: (path: string, value: unknown) => Pair) =>
  (value: unknown): Pair[] => {
    const entries = Object.entries(record(value) ?? {});
    return entries.length > 0 ? entries.map(([path, v]) => fact(path, v)) : [[none, 'nothing selected']];
  };

const single =
  (label: string, words: (value: unknown, ctx: Context) => string) =>
  (value: unknown, ctx: Context): Pair[] => [[label, words(value, ctx)]];

const CACHE_CHECKS: CheckId[] = ['cache.location', 'cache.free-space', 'cache.azure-temporary', 'cache.attributes'];

export const EVIDENCE: readonly Entry[] = [
  // The operating system: /os/caption and /os/version are read together, as one fact (see osFacts).
  { key: '/os/family', facts: single('Operating system family', (v) => lookup(FAMILIES, v)) },
  { key: '/os/caption', facts: single('Windows calls itself', (v) => text(v)) },
  { key: '/os/version', facts: single('Windows version number', (v) => text(v)) },
  { key: '/os/productType', facts: single('Kind of Windows', (v) => lookup(PRODUCT_TYPES, v)) },
  {
    key: '/os/editionId',
    facts: single('Windows edition', (v) => (typeof v === 'string' ? (editionName(v) ?? v) : NOT_KNOWN)),
  },
  { key: '/os/installationType', facts: single('Installation type', (v) => lookup(INSTALLATION_TYPES, v)) },
  { key: '/os/architecture', facts: single('Processor', (v) => lookup(ARCHITECTURES, v)) },
  { key: '/restoreTarget/version', facts: single('Windows version of the machine restored to', (v) => text(v)) },

  { key: '/host/azureVm', facts: single('Azure virtual machine', (v) => yesNo(v)) },
  { key: '/host/role', facts: single('Role of the agent', (v) => lookup(ROLES, v)) },
  { key: '/capturedAt', facts: single('Profile collected', (v, ctx) => dateWords(v, ctx.options)) },

  {
    key: '/software/dotnetRelease',
    facts: single('.NET Framework', (v) => (typeof v === 'number' ? `${dotnetName(v)} (release ${v})` : NOT_KNOWN)),
  },
  { key: '/software/powershellVersion', facts: single('Windows PowerShell version', (v) => text(v)) },
  {
    key: '/software/tls12/schannelClientEnabled',
    facts: single('TLS 1.2 for outgoing connections ("Enabled")', (v) => setting(v)),
  },
  {
    key: '/software/tls12/schannelClientDisabledByDefault',
    facts: single('TLS 1.2 off unless asked for ("DisabledByDefault")', (v) => setting(v)),
  },
  {
    key: '/software/tls12/dotnetStrongCrypto',
    facts: single('.NET strong cryptography ("SchUseStrongCrypto")', (v) => setting(v)),
  },
  {
    key: '/software/tls12/dotnetSystemDefaultTls',
    facts: single('.NET uses Windows\' TLS versions ("SystemDefaultTlsVersions")', (v) => setting(v)),
  },

  { key: '/agent/installed', facts: single('MARS agent installed', (v) => yesNo(v)) },
  { key: '/agent/version', facts: single('MARS agent version', (v) => text(v)) },
  { key: '/agent/installPath', facts: single('MARS agent installed in', (v) => text(v)) },
  { key: '/agent/serviceState', facts: single('Backup engine (obengine)', (v) => lookup(SERVICE_STATES, v)) },
  { key: '/agent/scratchLocation', facts: single('Cache folder in the registry (Config)', (v) => text(v, 'not set')) },
  {
    key: '/agent/providerScratchLocation',
    facts: single('Cache folder in the registry (CloudBackupProvider)', (v) => text(v, 'not set')),
  },

  { key: '/cache/path', facts: single('Cache folder', (v) => text(v)) },
  { key: '/cache/exists', facts: single('Cache folder exists', (v) => yesNo(v)) },
  { key: '/cache/volume', facts: single('Volume of the cache folder', (v) => text(v)) },
  { key: '/cache/attributes', facts: single('Attributes of the cache folder', (v) => attributesWords(v)) },
  {
    key: 'volume',
    checks: ['cache.free-space', 'cache.azure-temporary'],
    facts: single('Volume of the cache folder', (v) => text(v)),
  },
  {
    key: 'volume',
    facts: (v, ctx) => {
      const r = record(v);
      const what =
        ctx.check === 'system-state.prerequisites'
          ? 'the volume Windows runs from'
          : CACHE_CHECKS.includes(ctx.check)
            ? 'the cache volume'
            : 'the volume';
      if (!r) return [[`About ${what}`, typeof v === 'string' ? v : 'nothing is known of it']];
      return [[`Volume ${text(r.id, '')}`.trim(), volumeWords(r)]];
    },
  },
  {
    key: 'freeBytes',
    facts: (v, ctx) => {
      const id = volumeId(ctx);
      return [[id ? `Free space on ${id}` : 'Free space on the cache volume', bytes(v)]];
    },
  },
  { key: 'deduplicated', facts: single('Cache volume deduplicated', (v) => yesNo(v)) },
  { key: 'azureTemporary', facts: single("Cache volume is the Azure VM's temporary disk", (v) => yesNo(v)) },
  {
    // The selection's size: selectedBytes when every item's size is known, else the known part (a lower bound).
    key: 'selectedBytes',
    facts: (v, ctx) => {
      const known = ctx.evidence.knownSelectedBytes;
      if (typeof v === 'number') return [['Size of the selection', formatBytes(v)]];
      if (typeof known === 'number' && known > 0)
        return [['Size of the selection', `at least ${formatBytes(known)} (some sizes are not known)`]];
      return [['Size of the selection', 'not known: nothing was measured']];
    },
  },
  { key: 'knownSelectedBytes', facts: () => [] },

  { key: '/selection/systemState', facts: single('System State selected', (v) => yesNo(v)) },
  { key: '/selection/items', facts: single('Selected for backup', (v) => listWords(strings(v) ?? [])) },
  {
    key: 'items',
    checks: ['volume.supported'],
    facts: single('Selected on this volume', (v) => listWords(strings(v) ?? [])),
  },
  {
    key: 'items',
    checks: ['volume.size-limit'],
    facts: perPath('Size of the selection on this volume', (path, size) => [`Size of ${path}`, bytes(size)]),
  },
  {
    key: 'items',
    checks: ['files.onedrive'],
    facts: perPath('OneDrive and the selection', (path, facts) => {
      const f = record(facts) ?? {};
      const placeholders =
        typeof f.cloudPlaceholders === 'number' ? plural(f.cloudPlaceholders, 'cloud-only file') : 'cloud-only files not counted';
      return [
        `OneDrive and ${path}`,
        `${f.oneDrive === true ? 'in OneDrive' : f.oneDrive === false ? 'not in OneDrive' : 'whether it is in OneDrive is not known'}; ${placeholders}`,
      ];
    }),
  },
  {
    key: 'items',
    checks: ['files.dfsr'],
    facts: perPath('DFS Replication of the selection', (path, replicated) => [`${path} replicated by DFS Replication`, yesNo(replicated)]),
  },
  {
    key: 'skipped',
    facts: perPath('Files the agent skips', (path, counts) => {
      const c = record(counts);
      return [`Files the agent skips in ${path}`, c ? skippedWords(c) : 'not scanned'];
    }),
  },
  {
    key: 'volumes',
    facts: (v) => {
      const entries = Object.entries(record(v) ?? {});
      if (entries.length === 0) return [["Azure VM's temporary disk", 'nothing selected']];
      return [
        [
          "Selected volumes on the Azure VM's temporary disk",
          listInWords(
            entries.map(([id, temporary]) => `${id} ${temporary === true ? 'is' : temporary === false ? 'is not' : 'not known'}`),
          ),
        ],
      ];
    },
  },

  { key: '/network', facts: single('Network test', (v) => (v == null ? 'not run' : 'run')) },
  { key: '/network/endpoints', facts: (v) => endpointFacts(v) },
  { key: '/network/proxy', facts: (v) => proxyFacts(v) },
  {
    key: '/network/uploadMbps',
    facts: single('Upload speed', (v) => (typeof v === 'number' ? `${formatNumber(v)} Mbps` : 'not given')),
  },
  { key: '/serviceProxy', facts: single("The backup engine's proxy", () => 'could not be read') },
  { key: '/serviceProxy/winhttp', facts: single('WinHTTP proxy (the backup engine uses it)', (v) => proxyWords(v)) },
  { key: '/serviceProxy/systemAccount', facts: single('Proxy of the Local System account', (v) => proxyWords(v)) },
  {
    key: '/serviceProxy/probe',
    facts: single('Proxy the network test used', (v) => (v == null ? 'none: the addresses were not tested here' : proxyWords(v))),
  },

  { key: '/systemStatePrerequisites', facts: single('System State prerequisites', () => 'could not be read') },
  {
    key: '/systemStatePrerequisites/windowsServerBackup',
    facts: single('Windows Server Backup feature', (v) =>
      v === 'installed' ? 'installed' : v === 'not-installed' ? 'not installed' : NOT_KNOWN,
    ),
  },
  {
    key: '/systemStatePrerequisites/services',
    facts: (v) => {
      const services = record(v);
      if (!services) return [['Services System State needs', 'could not be read']];
      return Object.entries(services).map(([name, s]): Pair => {
        const r = record(s);
        if (!r) return [`Service ${name}`, NOT_KNOWN];
        const start = typeof r.startType === 'string' ? lookup(START_TYPES, r.startType) : 'start type not known';
        const state = typeof r.state === 'string' ? lookup(SERVICE_STATES, r.state) : 'state not known';
        return [`Service ${name}`, r.state === 'not-installed' ? 'not installed' : `${state}, ${start}`];
      });
    },
  },
  { key: '/systemStatePrerequisites/systemVolume', facts: single('Volume Windows runs from', (v) => text(v)) },
  { key: '/systemStatePrerequisites/rebootPending', facts: single('Restart pending', (v) => yesNo(v)) },

  { key: '/vaultCredentials', facts: single('Vault credentials file', () => 'could not be read') },
  { key: '/vaultCredentials/fileName', facts: single('Vault credentials file', (v) => text(v)) },
  { key: '/vaultCredentials/lastWriteTime', facts: single('Vault credentials file written', (v, ctx) => dateWords(v, ctx.options)) },
  { key: '/vaultCredentials/xmlWellFormed', facts: single('Vault credentials file intact', (v) => yesNo(v)) },

  { key: '/antivirus', facts: single('Antivirus settings', () => 'could not be read') },
  { key: '/antivirus/defenderRealTimeProtection', facts: single('Microsoft Defender real-time protection', (v) => yesNo(v, 'on', 'off')) },
  {
    key: '/antivirus/exclusionPaths',
    facts: single('Folders Defender does not scan', (v) => (v == null ? 'could not be read' : listWords(strings(v) ?? []))),
  },
  {
    key: '/antivirus/exclusionProcesses',
    facts: single('Programs Defender does not scan', (v) => (v == null ? 'could not be read' : listWords(strings(v) ?? []))),
  },

  { key: '/clock', facts: single('Clock', () => 'not compared') },
  { key: '/clock/skewSeconds', facts: single("Clock compared with Microsoft's", (v) => skewWords(v)) },
  { key: '/clock/referenceHost', facts: single('Clock compared against', (v) => text(v, 'no server answered with the time')) },

  { key: '/history', facts: single("The agent's history", () => 'could not be read') },
  {
    key: '/history/windowDays',
    facts: single('History read for', (v) => (typeof v === 'number' ? `the last ${plural(v, 'day')}` : NOT_KNOWN)),
  },
  { key: '/history/events', facts: single("Backup jobs in the agent's event log", (v, ctx) => eventsWords(v, ctx.options)) },
  { key: '/history/errorCodes', facts: single("Error codes in the agent's logs", (v) => errorCodesWords(v)) },

  // Volumes by index: no rule names them so today, but a pointer into them still reads as words.
  { key: '/volumes/N', facts: (v) => [['Volume', record(v) ? volumeWords(record(v)!) : NOT_KNOWN]] },
  { key: '/volumes/N/freeBytes', facts: single('Free space on the volume', (v) => bytes(v)) },
  { key: '/volumes/N/sizeBytes', facts: single('Size of the volume', (v) => bytes(v)) },
  { key: '/selection/items/N/sizeBytes', facts: single('Size of the selected item', (v) => bytes(v)) },
];

// ---------------------------------------------------------------------------------------------------
// The fallback: a key no entry knows, still in words

const SEGMENT_WORDS: Record<string, string> = { os: 'operating system', tls12: 'TLS 1.2', dotnet: '.NET', mbps: 'Mbps', vm: 'VM' };

/** A JSON pointer (or a rule's own key) as words: "/systemStatePrerequisites/fooBar/0" -> "System State prerequisites, foo bar, item 1". */
export function pointerWords(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => {
      if (/^\d+$/.test(p)) return `item ${Number(p) + 1}`;
      if (SEGMENT_WORDS[p.toLowerCase()]) return SEGMENT_WORDS[p.toLowerCase()]!;
      return p
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[-_]+/g, ' ')
        .toLowerCase()
        .replace(/\bsystem state\b/g, 'System State')
        .trim();
    });
  const joined = parts.join(', ') || 'a value';
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Any value in words, for the fallback: no JSON, no escaped backslashes. */
export function valueWords(value: unknown, options: WordsOptions = {}): string {
  if (value === null || value === undefined) return NOT_KNOWN;
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? dateWords(value, options) : value || 'empty';
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))
      return listWords(value.map((v) => valueWords(v, options)));
    return plural(value.length, 'entry', 'entries');
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 'none';
  return entries
    .map(([k, v]) => {
      const inner =
        typeof v === 'object' && v !== null
          ? Array.isArray(v)
            ? plural(v.length, 'entry', 'entries')
            : 'details'
          : valueWords(v, options);
      return `${/^[A-Za-z]:|[\\/]/.test(k) ? k : pointerWords(k).toLowerCase()}: ${inner}`;
    })
    .join('; ');
}

// ---------------------------------------------------------------------------------------------------
// A finding's facts

/** A fact as one line to read aloud: "Cache folder: D:\Scratch"; "Free space on D: 12.3 GB" (no second colon). */
export function factText(fact: Pick<EvidenceFact, 'label' | 'value'>): string {
  return fact.label.endsWith(':') ? `${fact.label} ${fact.value}` : `${fact.label}: ${fact.value}`;
}

function entryFor(key: string, check: CheckId): Entry | null {
  const shape = key.replace(/\/\d+(?=\/|$)/g, '/N');
  const matching = EVIDENCE.filter((e) => e.key === shape);
  return matching.find((e) => e.checks?.includes(check)) ?? matching.find((e) => !e.checks) ?? null;
}

/**
 * What a JSON pointer into the profile names, in words (a probe's note names its field so): the label its
 * evidence entry gives, else the pointer's parts spelt out. "/host/azureVm" -> "Azure virtual machine".
 */
export function pointerLabel(pointer: string): string {
  const shape = pointer.replace(/\/\d+(?=\/|$)/g, '/N');
  const entry = EVIDENCE.find((e) => e.key === shape && !e.checks);
  const label = entry?.facts(null, { check: 'os.supported', evidence: {}, options: {} })[0]?.[0];
  return label ?? pointerWords(pointer);
}

/** Whether a key is one EVIDENCE knows (for this check). */
export function knowsEvidence(key: string, check: CheckId): boolean {
  return entryFor(key, check) !== null;
}

/** The OS keys read as one fact: "Windows version: Windows Server 2008 R2 (6.1.7601)". */
function osFacts(evidence: Record<string, unknown>): { fact: EvidenceFact; consumed: string[] } | null {
  const has = (k: string) => Object.hasOwn(evidence, k);
  if (!has('/os/caption') && !(has('/os/version') && has('/os/productType'))) return null;
  const family = (evidence['/os/family'] as OsFacts['family'] | null | undefined) ?? 'windows';
  const str = (k: string) => (typeof evidence[k] === 'string' ? (evidence[k] as string) : null);
  const known = str('/os/caption') ?? str('/os/version');
  const value = known
    ? osWords({
        family,
        caption: str('/os/caption'),
        version: str('/os/version'),
        productType: (evidence['/os/productType'] as OsFacts['productType']) ?? null,
        editionId: str('/os/editionId'),
        installationType: (evidence['/os/installationType'] as OsFacts['installationType']) ?? null,
      })
    : NOT_KNOWN;
  return {
    fact: { label: family === 'windows' ? 'Windows version' : 'Operating system', value, key: '/os', generic: false },
    consumed: ['/os/family', '/os/caption', '/os/version'],
  };
}

/**
 * A finding's evidence as named facts, in the order the rule gave its keys (the OS first, as one fact).
 * Every key becomes at least one fact, except those read together with another (the selection's known
 * size with its size, the OS's family, caption and version as one).
 */
export function evidenceFacts(finding: { check: CheckId; evidence: Record<string, unknown> }, options: WordsOptions = {}): EvidenceFact[] {
  const ctx: Context = { check: finding.check, evidence: finding.evidence, options };
  const os = osFacts(finding.evidence);
  const facts: EvidenceFact[] = os ? [os.fact] : [];
  for (const [key, value] of Object.entries(finding.evidence)) {
    if (os?.consumed.includes(key)) continue;
    const entry = entryFor(key, finding.check);
    if (entry) {
      for (const [label, words] of entry.facts(value, ctx)) facts.push({ label, value: words, key, generic: false });
    } else facts.push({ label: pointerWords(key), value: valueWords(value, options), key, generic: true });
  }
  return facts;
}
