// A finding's evidence as named facts a person can read aloud ("Free space on D:: 12.3 GB", "Windows
// version: Windows Server 2008 R2 (6.1.7601)"), never JSON pointers and never JSON's doubled backslashes.
// The rules key their evidence by JSON pointer into the profile (/cache/path) or by a short name of their
// own (freeBytes, volume); EVIDENCE below gives each a label and a way to write its value. A key it does
// not know still reads as words (the pointer's parts, spelt out) and is marked generic, so that a test can
// tell it fell back. Bytes as the matrix writes them (binary GB and TB, one unit within one fact); dates by
// Intl in the reader's locale and time zone; booleans as words; lists summarised. Pure.

import { familyName, osWords } from '../matrix/os-words.js';
import { editionName } from '../matrix/windows-editions.js';
import { endpointErrorWords } from '../profile/endpoint-error.js';
import type { OsFacts } from '../profile/types.js';
import { dotnetName } from '../rules/software.js';
import { GB, TB } from '../util/units.js';
import type { Arg, MessageId } from '../i18n/message.js';
import { formatBytes, formatList, formatNumber, t } from '../i18n/translate.js';
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
// Values in words (each said from the catalogue when it is asked for, in the current language)

const notKnown = () => t('evidence.value.notKnown');
const none = () => t('evidence.value.none');
const unreadable = () => t('evidence.value.unreadable');
const nothingSelected = () => t('evidence.value.nothingSelected');
const noProxy = () => t('evidence.value.noProxy');

/** true and false in words: "yes" and "no" (or "on" and "off"), else "not known". */
export function yesNo(value: unknown, words: 'yesNo' | 'onOff' = 'yesNo'): string {
  if (value === true) return t(words === 'yesNo' ? 'evidence.value.yes' : 'evidence.value.on');
  if (value === false) return t(words === 'yesNo' ? 'evidence.value.no' : 'evidence.value.off');
  return notKnown();
}

/** A registry or policy switch: on, off, or not set at all. */
const setting = (value: unknown) => (value === true || value === false ? yesNo(value, 'onOff') : t('evidence.value.notSet'));

const text = (value: unknown, otherwise: () => string = notKnown) => (typeof value === 'string' && value !== '' ? value : otherwise());

/** A date and time in the reader's locale and zone: "19 Nov 2026, 16:05". A text that is no date is left as it is. */
export function dateWords(iso: unknown, options: WordsOptions = {}): string {
  if (typeof iso !== 'string') return notKnown();
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
  }).format(date);
}

const bytes = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? formatBytes(value) : notKnown());

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
    if (!Number.isFinite(v)) return notKnown();
    const amount = v / unit;
    const digits = amount === 0 || amount >= 100 ? 0 : amount >= 10 ? 1 : 2;
    return t('common.units.size', { value: formatNumber(Number(amount.toFixed(digits))), unit: name });
  });
}

/** A list of texts: "a, b and c"; past five, "a, b, c, d, e and 3 more". */
function listWords(items: readonly string[], otherwise: () => string = none): string {
  if (items.length === 0) return otherwise();
  if (items.length <= 5) return formatList(items);
  return formatList([...items.slice(0, 5), t('evidence.value.more', { count: items.length - 5 })]);
}

/** Parts of one fact, one after the other: "NTFS, fixed disk, 64 GB" (the language's separator). */
function partsWords(parts: readonly string[], id: 'evidence.value.parts' | 'evidence.value.entries' = 'evidence.value.parts'): string {
  return parts.reduceRight((rest, first) => t(id, { first, rest }));
}

const strings = (value: unknown): string[] | null =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;

const record = (value: unknown): Record<string, unknown> | null =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;

/** A proxy setting as the profile writes it: "direct" or a host:port (an address's password as ****). */
const proxyWords = (value: unknown) => (value === 'direct' ? t('evidence.value.proxyDirect') : maskPasswords(text(value)));

type Table = Record<string, MessageId>;

const SERVICE_STATES: Table = {
  running: 'evidence.serviceState.running',
  stopped: 'evidence.serviceState.stopped',
  starting: 'evidence.serviceState.starting',
  stopping: 'evidence.serviceState.stopping',
  paused: 'evidence.serviceState.paused',
  'not-installed': 'evidence.serviceState.notInstalled',
  unknown: 'evidence.serviceState.unknown',
};
const START_TYPES: Table = {
  auto: 'evidence.startType.auto',
  manual: 'evidence.startType.manual',
  disabled: 'evidence.startType.disabled',
  boot: 'evidence.startType.withSystem',
  system: 'evidence.startType.withSystem',
};
const DRIVE_TYPES: Table = {
  fixed: 'evidence.driveType.fixed',
  removable: 'evidence.driveType.removable',
  network: 'evidence.driveType.network',
  optical: 'evidence.driveType.optical',
  ram: 'evidence.driveType.ram',
  unknown: 'evidence.driveType.unknown',
};
const BITLOCKER: Table = {
  off: 'evidence.bitlocker.off',
  unlocked: 'evidence.bitlocker.unlocked',
  locked: 'evidence.bitlocker.locked',
  unknown: 'evidence.bitlocker.unknown',
};
const ROLES: Table = {
  direct: 'evidence.role.direct',
  mabs: 'evidence.role.mabs',
  dpm: 'evidence.role.dpm',
};
const PRODUCT_TYPES: Table = {
  workstation: 'evidence.productType.workstation',
  server: 'evidence.productType.server',
  'domain-controller': 'evidence.productType.domainController',
};
const INSTALLATION_TYPES: Table = {
  Client: 'evidence.installationType.client',
  Server: 'evidence.installationType.server',
  'Server Core': 'evidence.installationType.serverCore',
};
const ARCHITECTURES: Table = {
  x64: 'evidence.architecture.x64',
  x86: 'evidence.architecture.x86',
  arm64: 'evidence.architecture.arm64',
};
/** Each kind of item the agent skips, said with its count ("3 hard links"). */
const SKIPPED_KINDS: Table = {
  hardLinks: 'evidence.skipped.hardLinks',
  reparsePoints: 'evidence.skipped.reparsePoints',
  encryptedSparse: 'evidence.skipped.encryptedSparse',
  compressedStreams: 'evidence.skipped.compressedStreams',
  sparseStreams: 'evidence.skipped.sparseStreams',
  cloudPlaceholders: 'evidence.skipped.cloudPlaceholders',
};
/** Where an error code was seen: a select key of evidence.history.errorCode. */
const ERROR_SOURCES: Record<string, string> = { errlog: 'errlog', 'failed-files': 'failedFiles' };

const lookup = (table: Table, value: unknown) =>
  typeof value === 'string' ? (Object.hasOwn(table, value) ? t(table[value]!) : value) : notKnown();

function volumeWords(volume: Record<string, unknown>): string {
  const parts: string[] = [];
  if (typeof volume.fileSystem === 'string') parts.push(volume.fileSystem);
  if (typeof volume.driveType === 'string') parts.push(lookup(DRIVE_TYPES, volume.driveType));
  const size = typeof volume.sizeBytes === 'number' ? volume.sizeBytes : null;
  const free = typeof volume.freeBytes === 'number' ? volume.freeBytes : null;
  if (size !== null && free !== null) {
    const [s, f] = bytesAlike([size, free]);
    parts.push(t('evidence.volume.sizeAndFree', { size: s!, free: f! }));
  } else if (size !== null) parts.push(formatBytes(size));
  else if (free !== null) parts.push(t('evidence.volume.free', { free: formatBytes(free) }));
  if (volume.readOnly === true) parts.push(t('evidence.volume.readOnly'));
  if (volume.online === false) parts.push(t('evidence.volume.offline'));
  if (typeof volume.bitlocker === 'string' && volume.bitlocker !== 'off') parts.push(lookup(BITLOCKER, volume.bitlocker));
  if (volume.deduplicated === true) parts.push(t('evidence.volume.deduplicated'));
  if (volume.azureTemporary === true) parts.push(t('evidence.volume.azureTemporary'));
  if (typeof volume.remotePath === 'string' && volume.remotePath) parts.push(t('evidence.volume.remotePath', { path: volume.remotePath }));
  if (typeof volume.label === 'string' && volume.label) parts.push(t('evidence.volume.label', { label: volume.label }));
  return parts.length > 0 ? partsWords(parts) : t('evidence.volume.nothingKnown');
}

function skippedWords(counts: Record<string, unknown>): string {
  const found = Object.entries(SKIPPED_KINDS)
    .map(([kind, id]) => {
      const n = counts[kind];
      return typeof n === 'number' && n > 0 ? t(id, { count: n }) : null;
    })
    .filter((x): x is string => x !== null);
  return found.length > 0 ? formatList(found) : none();
}

function attributesWords(value: unknown): string {
  const a = record(value);
  if (!a) return notKnown();
  const set = [
    a.encrypted === true ? t('evidence.attributes.encrypted') : null,
    a.compressed === true ? t('evidence.attributes.compressed') : null,
    a.sparse === true ? t('evidence.attributes.sparse') : null,
    a.reparsePoint === true ? t('evidence.attributes.reparsePoint') : null,
  ].filter((x): x is string => x !== null);
  return set.length > 0 ? formatList(set) : t('evidence.attributes.none');
}

function skewWords(seconds: unknown): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return notKnown();
  const abs = Math.abs(seconds);
  if (abs === 0) return none();
  const minutes = abs >= 600;
  return t('evidence.clock.skew', {
    unit: minutes ? 'minutes' : 'seconds',
    count: minutes ? Math.round(abs / 60) : Number(abs.toFixed(1)),
    direction: seconds > 0 ? 'ahead' : 'behind',
  });
}

const JOB_EVENTS: Record<number, MessageId> = {
  1: 'evidence.history.job.started',
  3: 'evidence.history.job.completed',
  10: 'evidence.history.job.completedWithWarnings',
  11: 'evidence.history.job.completedWithErrors',
  18: 'evidence.history.job.failedToStart',
};

function eventsWords(value: unknown, options: WordsOptions): string {
  if (!Array.isArray(value)) return unreadable();
  const events = value
    .map((e) => record(e))
    .filter((e): e is Record<string, unknown> => e !== null && typeof e.time === 'string')
    .sort((a, b) => String(a.time).localeCompare(String(b.time)));
  if (events.length === 0) return t('evidence.history.noJob');
  const last = events[events.length - 1]!;
  const id = typeof last.id === 'number' ? last.id : null;
  const what =
    id === null
      ? t('evidence.history.job.anEvent')
      : Object.hasOwn(JOB_EVENTS, id)
        ? t(JOB_EVENTS[id]!)
        : t('evidence.history.job.otherEvent', { id: String(id) });
  return t('evidence.history.events', { count: events.length, what, time: dateWords(last.time, options) });
}

function errorCodesWords(value: unknown): string {
  if (!Array.isArray(value)) return unreadable();
  const codes = value
    .map((c) => record(c))
    .filter((c): c is Record<string, unknown> => c !== null && typeof c.code === 'string')
    .map((c) => {
      const source = typeof c.source === 'string' ? (Object.hasOwn(ERROR_SOURCES, c.source) ? ERROR_SOURCES[c.source]! : 'other') : 'none';
      return t('evidence.history.errorCode', {
        code: String(c.code),
        counted: typeof c.count === 'number' ? 'yes' : 'no',
        count: typeof c.count === 'number' ? c.count : 0,
        where: source,
        source: typeof c.source === 'string' ? c.source : '',
      });
    });
  return listWords(codes);
}

function endpointFacts(value: unknown): Pair[] {
  if (!Array.isArray(value) || value.length === 0) return [[t('evidence.label.networkTest'), t('evidence.network.notTested')]];
  return value
    .map((p) => record(p))
    .filter((p): p is Record<string, unknown> => p !== null)
    .map((p): Pair => {
      const host = text(p.host, () => text(p.pattern, () => t('evidence.network.theAddress')));
      const port = typeof p.port === 'number' ? String(p.port) : null;
      const error = typeof p.error === 'string' && p.error ? endpointErrorWords(p.error) : null;
      const failed = { hasError: error ? 'yes' : 'no', error: error ?? '' };
      const outcome =
        p.reachable === true
          ? t('evidence.network.answered', {
              timed: typeof p.ms === 'number' ? 'yes' : 'no',
              ms: typeof p.ms === 'number' ? formatNumber(Math.round(p.ms)) : '',
            })
          : p.reachable === false
            ? t('evidence.network.unreachable', failed)
            : t('evidence.network.noAnswer', failed);
      return [t('evidence.label.testOf', { host, hasPort: port ? 'yes' : 'no', port: port ?? '' }), outcome];
    });
}

function proxyFacts(value: unknown): Pair[] {
  const p = record(value);
  if (!p) return [[t('evidence.label.proxySettings'), unreadable()]];
  return [
    [t('evidence.label.winhttpProxy'), p.winhttp ? maskPasswords(text(p.winhttp)) : noProxy()],
    [t('evidence.label.systemProxy'), p.system ? maskPasswords(text(p.system)) : noProxy()],
    [t('evidence.label.environmentProxy'), p.environment ? maskPasswords(text(p.environment)) : noProxy()],
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
  (none: MessageId, fact: (path: string, value: unknown) => Pair) =>
  (value: unknown): Pair[] => {
    const entries = Object.entries(record(value) ?? {});
    return entries.length > 0 ? entries.map(([path, v]) => fact(path, v)) : [[t(none), nothingSelected()]];
  };

/** One fact: its label a catalogue message, said when the fact is. */
const single =
  (label: MessageId, words: (value: unknown, ctx: Context) => string, args?: Record<string, Arg>) =>
  (value: unknown, ctx: Context): Pair[] => [[t(label, args), words(value, ctx)]];

const unreadableSection = (label: MessageId) => single(label, () => unreadable());

const CACHE_CHECKS: CheckId[] = ['cache.location', 'cache.free-space', 'cache.azure-temporary', 'cache.attributes'];

export const EVIDENCE: readonly Entry[] = [
  // The operating system: /os/caption and /os/version are read together, as one fact (see osFacts).
  { key: '/os/family', facts: single('evidence.label.osFamily', (v) => (typeof v === 'string' ? familyName(v) : notKnown())) },
  { key: '/os/caption', facts: single('evidence.label.osCaption', (v) => text(v)) },
  { key: '/os/version', facts: single('evidence.label.osVersionNumber', (v) => text(v)) },
  { key: '/os/productType', facts: single('evidence.label.osProductType', (v) => lookup(PRODUCT_TYPES, v)) },
  {
    key: '/os/editionId',
    facts: single('evidence.label.osEdition', (v) => (typeof v === 'string' ? (editionName(v) ?? v) : notKnown())),
  },
  { key: '/os/installationType', facts: single('evidence.label.osInstallationType', (v) => lookup(INSTALLATION_TYPES, v)) },
  { key: '/os/architecture', facts: single('evidence.label.osArchitecture', (v) => lookup(ARCHITECTURES, v)) },
  { key: '/restoreTarget/version', facts: single('evidence.label.restoreTargetVersion', (v) => text(v)) },

  { key: '/host/azureVm', facts: single('evidence.label.azureVm', (v) => yesNo(v)) },
  { key: '/host/role', facts: single('evidence.label.agentRole', (v) => lookup(ROLES, v)) },
  { key: '/capturedAt', facts: single('evidence.label.capturedAt', (v, ctx) => dateWords(v, ctx.options)) },

  {
    key: '/software/dotnetRelease',
    facts: single('evidence.label.dotnet', (v) =>
      typeof v === 'number' ? t('evidence.value.dotnetRelease', { name: dotnetName(v), release: String(v) }) : notKnown(),
    ),
  },
  { key: '/software/powershellVersion', facts: single('evidence.label.powershellVersion', (v) => text(v)) },
  { key: '/software/tls12/schannelClientEnabled', facts: single('evidence.label.tls12ClientEnabled', (v) => setting(v)) },
  {
    key: '/software/tls12/schannelClientDisabledByDefault',
    facts: single('evidence.label.tls12ClientDisabledByDefault', (v) => setting(v)),
  },
  { key: '/software/tls12/dotnetStrongCrypto', facts: single('evidence.label.dotnetStrongCrypto', (v) => setting(v)) },
  { key: '/software/tls12/dotnetSystemDefaultTls', facts: single('evidence.label.dotnetSystemDefaultTls', (v) => setting(v)) },

  { key: '/agent/installed', facts: single('evidence.label.agentInstalled', (v) => yesNo(v)) },
  { key: '/agent/version', facts: single('evidence.label.agentVersion', (v) => text(v)) },
  { key: '/agent/installPath', facts: single('evidence.label.agentInstallPath', (v) => text(v)) },
  { key: '/agent/serviceState', facts: single('evidence.label.agentServiceState', (v) => lookup(SERVICE_STATES, v)) },
  {
    key: '/agent/scratchLocation',
    facts: single('evidence.label.scratchLocation', (v) => text(v, () => t('evidence.value.notSet'))),
  },
  {
    key: '/agent/providerScratchLocation',
    facts: single('evidence.label.providerScratchLocation', (v) => text(v, () => t('evidence.value.notSet'))),
  },

  { key: '/cache/path', facts: single('evidence.label.cachePath', (v) => text(v)) },
  { key: '/cache/exists', facts: single('evidence.label.cacheExists', (v) => yesNo(v)) },
  { key: '/cache/volume', facts: single('evidence.label.cacheVolume', (v) => text(v)) },
  { key: '/cache/attributes', facts: single('evidence.label.cacheAttributes', (v) => attributesWords(v)) },
  {
    key: 'volume',
    checks: ['cache.free-space', 'cache.azure-temporary'],
    facts: single('evidence.label.cacheVolume', (v) => text(v)),
  },
  {
    key: 'volume',
    facts: (v, ctx) => {
      const r = record(v);
      const which = ctx.check === 'system-state.prerequisites' ? 'system' : CACHE_CHECKS.includes(ctx.check) ? 'cache' : 'other';
      if (!r) return [[t('evidence.label.aboutVolume', { which }), typeof v === 'string' ? v : t('evidence.volume.nothingKnownAtAll')]];
      const id = text(r.id, () => '');
      return [[id ? t('evidence.label.volumeNamed', { volume: id }) : t('evidence.label.volume'), volumeWords(r)]];
    },
  },
  {
    key: 'freeBytes',
    facts: (v, ctx) => {
      const id = volumeId(ctx);
      return [[id ? t('evidence.label.freeSpaceOn', { volume: id }) : t('evidence.label.freeSpaceOnCacheVolume'), bytes(v)]];
    },
  },
  { key: 'deduplicated', facts: single('evidence.label.cacheVolumeDeduplicated', (v) => yesNo(v)) },
  { key: 'azureTemporary', facts: single('evidence.label.cacheVolumeAzureTemporary', (v) => yesNo(v)) },
  {
    // The selection's size: selectedBytes when every item's size is known, else the known part (a lower bound).
    key: 'selectedBytes',
    facts: (v, ctx) => {
      const known = ctx.evidence.knownSelectedBytes;
      const label = t('evidence.label.selectionSize');
      if (typeof v === 'number') return [[label, formatBytes(v)]];
      if (typeof known === 'number' && known > 0) return [[label, t('evidence.value.atLeast', { size: formatBytes(known) })]];
      return [[label, t('evidence.value.nothingMeasured')]];
    },
  },
  { key: 'knownSelectedBytes', facts: () => [] },

  { key: '/selection/systemState', facts: single('evidence.label.systemStateSelected', (v) => yesNo(v)) },
  { key: '/selection/items', facts: single('evidence.label.selectedItems', (v) => listWords(strings(v) ?? [])) },
  {
    key: 'items',
    checks: ['volume.supported'],
    facts: single('evidence.label.selectedOnVolume', (v) => listWords(strings(v) ?? [])),
  },
  {
    key: 'items',
    checks: ['volume.size-limit'],
    facts: perPath('evidence.label.selectionSizeOnVolume', (path, size) => [t('evidence.label.sizeOf', { path }), bytes(size)]),
  },
  {
    key: 'items',
    checks: ['files.onedrive'],
    facts: perPath('evidence.label.oneDrive', (path, facts) => {
      const f = record(facts) ?? {};
      return [
        t('evidence.label.oneDriveOf', { path }),
        t('evidence.value.oneDrive', {
          inOneDrive: f.oneDrive === true ? 'yes' : f.oneDrive === false ? 'no' : 'unknown',
          counted: typeof f.cloudPlaceholders === 'number' ? 'yes' : 'no',
          count: typeof f.cloudPlaceholders === 'number' ? f.cloudPlaceholders : 0,
        }),
      ];
    }),
  },
  {
    key: 'items',
    checks: ['files.dfsr'],
    facts: perPath('evidence.label.dfsr', (path, replicated) => [t('evidence.label.dfsrOf', { path }), yesNo(replicated)]),
  },
  {
    key: 'skipped',
    facts: perPath('evidence.label.skipped', (path, counts) => {
      const c = record(counts);
      return [t('evidence.label.skippedIn', { path }), c ? skippedWords(c) : t('evidence.value.notScanned')];
    }),
  },
  {
    key: 'volumes',
    facts: (v) => {
      const entries = Object.entries(record(v) ?? {});
      if (entries.length === 0) return [[t('evidence.label.azureTemporaryDisk'), nothingSelected()]];
      return [
        [
          t('evidence.label.azureTemporaryVolumes'),
          formatList(
            entries.map(([id, temporary]) =>
              t('evidence.value.temporaryVolume', {
                volume: id,
                temporary: temporary === true ? 'yes' : temporary === false ? 'no' : 'unknown',
              }),
            ),
          ),
        ],
      ];
    },
  },

  {
    key: '/network',
    facts: single('evidence.label.networkTest', (v) => t(v == null ? 'evidence.network.notRun' : 'evidence.network.run')),
  },
  { key: '/network/endpoints', facts: (v) => endpointFacts(v) },
  { key: '/network/proxy', facts: (v) => proxyFacts(v) },
  {
    key: '/network/uploadMbps',
    facts: single('evidence.label.uploadSpeed', (v) =>
      typeof v === 'number' ? t('evidence.value.mbps', { mbps: formatNumber(v) }) : t('evidence.value.notGiven'),
    ),
  },
  { key: '/serviceProxy', facts: unreadableSection('evidence.label.engineProxy') },
  { key: '/serviceProxy/winhttp', facts: single('evidence.label.winhttpProxy', (v) => proxyWords(v)) },
  { key: '/serviceProxy/systemAccount', facts: single('evidence.label.systemAccountProxy', (v) => proxyWords(v)) },
  {
    key: '/serviceProxy/probe',
    facts: single('evidence.label.probeProxy', (v) => (v == null ? t('evidence.value.probeProxyNone') : proxyWords(v))),
  },

  { key: '/systemStatePrerequisites', facts: unreadableSection('evidence.label.systemStatePrerequisites') },
  {
    key: '/systemStatePrerequisites/windowsServerBackup',
    facts: single('evidence.label.windowsServerBackup', (v) =>
      v === 'installed' ? t('evidence.value.installed') : v === 'not-installed' ? t('evidence.value.notInstalled') : notKnown(),
    ),
  },
  {
    key: '/systemStatePrerequisites/services',
    facts: (v) => {
      const services = record(v);
      if (!services) return [[t('evidence.label.systemStateServices'), unreadable()]];
      return Object.entries(services).map(([name, s]): Pair => {
        const label = t('evidence.label.service', { service: name });
        const r = record(s);
        if (!r) return [label, notKnown()];
        if (r.state === 'not-installed') return [label, t('evidence.value.notInstalled')];
        const start = typeof r.startType === 'string' ? lookup(START_TYPES, r.startType) : t('evidence.startType.notKnown');
        const state = typeof r.state === 'string' ? lookup(SERVICE_STATES, r.state) : t('evidence.serviceState.notKnown');
        return [label, t('evidence.value.stateAndStart', { state, start })];
      });
    },
  },
  { key: '/systemStatePrerequisites/systemVolume', facts: single('evidence.label.systemVolume', (v) => text(v)) },
  { key: '/systemStatePrerequisites/rebootPending', facts: single('evidence.label.rebootPending', (v) => yesNo(v)) },

  { key: '/vaultCredentials', facts: unreadableSection('evidence.label.vaultCredentials') },
  { key: '/vaultCredentials/fileName', facts: single('evidence.label.vaultCredentials', (v) => text(v)) },
  {
    key: '/vaultCredentials/lastWriteTime',
    facts: single('evidence.label.vaultCredentialsWritten', (v, ctx) => dateWords(v, ctx.options)),
  },
  { key: '/vaultCredentials/xmlWellFormed', facts: single('evidence.label.vaultCredentialsIntact', (v) => yesNo(v)) },

  { key: '/antivirus', facts: unreadableSection('evidence.label.antivirus') },
  { key: '/antivirus/defenderRealTimeProtection', facts: single('evidence.label.defenderRealTime', (v) => yesNo(v, 'onOff')) },
  {
    key: '/antivirus/exclusionPaths',
    facts: single('evidence.label.exclusionPaths', (v) => (v == null ? unreadable() : listWords(strings(v) ?? []))),
  },
  {
    key: '/antivirus/exclusionProcesses',
    facts: single('evidence.label.exclusionProcesses', (v) => (v == null ? unreadable() : listWords(strings(v) ?? []))),
  },

  { key: '/clock', facts: single('evidence.label.clock', () => t('evidence.clock.notCompared')) },
  { key: '/clock/skewSeconds', facts: single('evidence.label.clockSkew', (v) => skewWords(v)) },
  {
    key: '/clock/referenceHost',
    facts: single('evidence.label.clockReference', (v) => text(v, () => t('evidence.clock.noServer'))),
  },

  { key: '/history', facts: unreadableSection('evidence.label.history') },
  {
    key: '/history/windowDays',
    facts: single('evidence.label.historyWindow', (v) =>
      typeof v === 'number' ? t('evidence.history.lastDays', { count: v }) : notKnown(),
    ),
  },
  { key: '/history/events', facts: single('evidence.label.historyEvents', (v, ctx) => eventsWords(v, ctx.options)) },
  { key: '/history/errorCodes', facts: single('evidence.label.historyErrorCodes', (v) => errorCodesWords(v)) },

  // Volumes by index: no rule names them so today, but a pointer into them still reads as words.
  { key: '/volumes/N', facts: (v) => [[t('evidence.label.volume'), record(v) ? volumeWords(record(v)!) : notKnown()]] },
  { key: '/volumes/N/freeBytes', facts: single('evidence.label.volumeFreeSpace', (v) => bytes(v)) },
  { key: '/volumes/N/sizeBytes', facts: single('evidence.label.volumeSize', (v) => bytes(v)) },
  { key: '/selection/items/N/sizeBytes', facts: single('evidence.label.selectedItemSize', (v) => bytes(v)) },
];

// ---------------------------------------------------------------------------------------------------
// The fallback: a key no entry knows, still in words

/** Parts of a pointer said as words of their own; the names (TLS 1.2, .NET) as they are spelt. */
const SEGMENT_WORDS: Record<string, () => string> = {
  os: () => t('evidence.generic.operatingSystem'),
  tls12: () => 'TLS 1.2',
  dotnet: () => '.NET',
  mbps: () => 'Mbps',
  vm: () => 'VM',
};

/** A JSON pointer (or a rule's own key) as words: "/systemStatePrerequisites/fooBar/0" -> "System State prerequisites, foo bar, item 1". */
export function pointerWords(pointer: string): string {
  const parts = pointer
    .split('/')
    .filter((p) => p !== '')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => {
      if (/^\d+$/.test(p)) return t('evidence.generic.item', { number: Number(p) + 1 });
      const word = Object.hasOwn(SEGMENT_WORDS, p.toLowerCase()) ? SEGMENT_WORDS[p.toLowerCase()]! : null;
      if (word) return word();
      return p
        .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
        .replace(/[-_]+/g, ' ')
        .toLowerCase()
        .replace(/\bsystem state\b/g, 'System State')
        .trim();
    });
  const joined = parts.length > 0 ? partsWords(parts) : t('evidence.generic.aValue');
  return joined.charAt(0).toUpperCase() + joined.slice(1);
}

/** Any value in words, for the fallback: no JSON, no escaped backslashes. */
export function valueWords(value: unknown, options: WordsOptions = {}): string {
  if (value === null || value === undefined) return notKnown();
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? dateWords(value, options) : value || t('evidence.generic.empty');
  if (Array.isArray(value)) {
    if (value.every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v)))
      return listWords(value.map((v) => valueWords(v, options)));
    return t('evidence.generic.entries', { count: value.length });
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return none();
  const pairs = entries.map(([k, v]) => {
    const inner =
      typeof v === 'object' && v !== null
        ? Array.isArray(v)
          ? t('evidence.generic.entries', { count: v.length })
          : t('evidence.generic.details')
        : valueWords(v, options);
    return t('evidence.generic.pair', { key: /^[A-Za-z]:|[\\/]/.test(k) ? k : pointerWords(k).toLowerCase(), value: inner });
  });
  return partsWords(pairs, 'evidence.value.entries');
}

// ---------------------------------------------------------------------------------------------------
// A finding's facts

/** A fact as one line to read aloud: "Cache folder: D:\Scratch"; "Free space on D: 12.3 GB" (no second colon). */
export function factText(fact: Pick<EvidenceFact, 'label' | 'value'>): string {
  return t(fact.label.endsWith(':') ? 'evidence.fact.afterColon' : 'evidence.fact.line', { label: fact.label, value: fact.value });
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
    : notKnown();
  return {
    fact: {
      label: t(family === 'windows' ? 'evidence.label.windowsVersion' : 'evidence.label.operatingSystem'),
      value,
      key: '/os',
      generic: false,
    },
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
