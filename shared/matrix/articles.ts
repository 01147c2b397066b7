// The documents the editions cite on learn.microsoft.com - the support matrix and the articles it links to -
// each with its name and the headings cited in it, and the catalogue messages that say them to people.
// The editions' data (and so the JSON report's `source`) keeps the English names; the reports, the wizard
// and the `checks` listing say them from the catalogue (citation-words.ts), found by the address's page and
// the section's English name, so that a report saved by an earlier version reads in any language too.

import type { MessageId } from '../i18n/message.js';
import type { Citation } from './types.js';

export type ArticleKey = 'matrix' | 'troubleshoot' | 'systemState' | 'upgrade' | 'tls';

export interface Article {
  /** The page's address, without a locale segment or an anchor. */
  url: string;
  /** The document's own name (its title on learn.microsoft.com), as a source's `document` gives it. */
  document: string;
  documentWords: MessageId;
  /**
   * How a section of this article is named where no document is shown beside it: "Troubleshoot the MARS
   * agent: <heading>" (the section's English name in the data), and its message; null for the matrix
   * itself, whose sections are named by their heading alone, and for an article cited whole.
   */
  prefix: string | null;
  inArticleWords: MessageId | null;
}

export const ARTICLES: Record<ArticleKey, Article> = {
  matrix: {
    url: 'https://learn.microsoft.com/azure/backup/backup-support-matrix-mars-agent',
    document: 'Support matrix for backup with the Microsoft Azure Recovery Services (MARS) agent',
    documentWords: 'matrix.document.supportMatrix',
    prefix: null,
    inArticleWords: null,
  },
  troubleshoot: {
    url: 'https://learn.microsoft.com/azure/backup/backup-azure-mars-troubleshoot',
    document: 'Troubleshoot the Microsoft Azure Recovery Services (MARS) agent',
    documentWords: 'matrix.document.troubleshoot',
    prefix: 'Troubleshoot the MARS agent',
    inArticleWords: 'matrix.inArticle.troubleshoot',
  },
  systemState: {
    url: 'https://learn.microsoft.com/azure/backup/backup-azure-system-state-troubleshoot',
    document: 'Troubleshoot System State Backup',
    documentWords: 'matrix.document.systemState',
    prefix: 'Troubleshoot System State Backup',
    inArticleWords: 'matrix.inArticle.systemState',
  },
  upgrade: {
    url: 'https://learn.microsoft.com/azure/backup/upgrade-mars-agent',
    document: 'Upgrade the Microsoft Azure Recovery Services (MARS) agent',
    documentWords: 'matrix.document.upgrade',
    prefix: 'Upgrade the MARS agent',
    inArticleWords: 'matrix.inArticle.upgrade',
  },
  tls: {
    url: 'https://learn.microsoft.com/azure/backup/transport-layer-security',
    document: 'Transport Layer Security (TLS) 1.2 for Azure Backup',
    documentWords: 'matrix.document.tls',
    prefix: null,
    inArticleWords: null,
  },
};

/** The headings the editions cite in each article (English, as the data names them), each with its message. */
export const HEADINGS = {
  matrix: {
    'Supported operating systems': 'matrix.section.supportedOperatingSystems',
    'Operating systems at end of support': 'matrix.section.endOfSupport',
    'Networking and access support': 'matrix.section.networking',
    'Size limits': 'matrix.section.sizeLimits',
    'Supported file types for backup': 'matrix.section.fileTypes',
    'Cache folder support': 'matrix.section.cacheFolder',
    'Support for data restoration': 'matrix.section.restoration',
    'The MARS agent': 'matrix.section.theAgent',
    'Throttling support': 'matrix.section.throttling',
    'Supported drives or volumes for backup': 'matrix.section.volumes',
    'Support for initial offline backup': 'matrix.section.offlineBackup',
    // 2019-02 headings, gone from the page since.
    'Support for direct backups': 'matrix.section.directBackups',
    'Backup limits': 'matrix.section.backupLimits',
    'URL access': 'matrix.section.urlAccess',
  },
  troubleshoot: {
    'Invalid vault credentials provided': 'matrix.troubleshoot.invalidVaultCredentials',
    'Another process or antivirus software blocking access to cache folder': 'matrix.troubleshoot.antivirus',
    'Additional recommendations': 'matrix.troubleshoot.additionalRecommendations',
    'Verifying proxy settings for Windows': 'matrix.troubleshoot.proxySettings',
    'Basic troubleshooting': 'matrix.troubleshoot.basicTroubleshooting',
    'Backup jobs completed with warning': 'matrix.troubleshoot.completedWithWarning',
    'The activation did not complete successfully': 'matrix.troubleshoot.activation',
    'Common issues': 'matrix.troubleshoot.commonIssues',
    'Increase shadow copy storage': 'matrix.troubleshoot.shadowCopyStorage',
  },
  systemState: {
    Prerequisites: 'matrix.systemState.prerequisites',
    'Verify Windows Server Backup is installed': 'matrix.systemState.windowsServerBackup',
    'Dependent services': 'matrix.systemState.dependentServices',
    'Basic troubleshooting': 'matrix.systemState.basicTroubleshooting',
    'VSS Writer timeout error': 'matrix.systemState.vssWriterTimeout',
  },
  upgrade: {
    'Identify servers with earlier versions of the MARS agent': 'matrix.upgrade.earlierVersions',
  },
  tls: {},
} as const satisfies Record<ArticleKey, Record<string, MessageId>>;

export type Heading<A extends ArticleKey> = keyof (typeof HEADINGS)[A] & string;

/**
 * A section of an article, as the editions cite it: its English name (the heading, after the article's
 * prefix where it has one), its address, and - for an article other than the matrix - the article's name
 * as its `document` (a finding's source names the document its address opens).
 */
export function cite<A extends ArticleKey>(article: A, heading: Heading<A>, anchor: string): Citation {
  const { url, document, prefix } = ARTICLES[article];
  return {
    section: prefix ? `${prefix}: ${heading}` : heading,
    url: `${url}#${anchor}`,
    ...(article === 'matrix' ? {} : { document }),
  };
}

/** An article cited whole: its name is the section's, its address has no anchor. */
export function citeArticle(article: ArticleKey): Citation {
  const { url, document } = ARTICLES[article];
  return { section: document, url, ...(article === 'matrix' ? {} : { document }) };
}
