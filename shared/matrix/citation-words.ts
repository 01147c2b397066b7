// The documents and sections a finding cites, in the reader's language. A source keeps their English names
// as data (the JSON report is language-neutral); what people read is said from the catalogue: the document
// found by the address's page, the section by its English name (articles.ts). A name none of the editions
// gives (a report from another version) is shown as the source has it.

import type { MessageId } from '../i18n/message.js';
import { t } from '../i18n/translate.js';
import { ARTICLES, HEADINGS, type ArticleKey } from './articles.js';

interface Named {
  article: ArticleKey;
  /** The heading's message; null for an article cited whole. */
  heading: MessageId | null;
}

const KEYS = Object.keys(ARTICLES) as ArticleKey[];

/** The page an address opens, without its locale segment, query or anchor. */
function pageOf(url: string): string {
  return url.replace(/[?#].*$/, '').replace(/^(https:\/\/learn\.microsoft\.com\/)[a-z]{2}-[a-z]{2,4}\//i, '$1');
}

function articleOfUrl(url: string): ArticleKey | null {
  const page = pageOf(url);
  return KEYS.find((key) => ARTICLES[key].url === page) ?? null;
}

function headingOf(article: ArticleKey, heading: string): MessageId | null {
  const headings: Record<string, MessageId> = HEADINGS[article];
  return Object.hasOwn(headings, heading) ? headings[heading]! : null;
}

/** What a section's English name (as the editions write it) names: its article and heading. */
function named(section: string): Named | null {
  for (const article of KEYS) {
    const { prefix, document } = ARTICLES[article];
    if (section === document && article !== 'matrix') return { article, heading: null };
    const heading = prefix ? (section.startsWith(`${prefix}: `) ? section.slice(prefix.length + 2) : null) : section;
    const words = heading === null ? null : headingOf(article, heading);
    if (words) return { article, heading: words };
  }
  return null;
}

/** The name of the document a source cites, in the current language: the article its address opens. */
export function documentWords(source: { document: string; url?: string | null }): string {
  const article = source.url ? articleOfUrl(source.url) : null;
  return article ? t(ARTICLES[article].documentWords) : source.document;
}

/**
 * A section's name where its document is named beside it (the HTML report's line under a finding): the
 * heading alone, in the current language; an article cited whole by its name.
 */
export function headingWords(section: string): string {
  const name = named(section);
  if (!name) return section;
  return name.heading ? t(name.heading) : t(ARTICLES[name.article].documentWords);
}

/**
 * A section's name on its own (the text report, a Learn more link, the wizard, `checks`), in the current
 * language: a heading of the matrix alone, one of another article after that article's short name
 * ("Troubleshoot the MARS agent: Common issues"), an article cited whole by its name.
 */
export function sectionWords(section: string): string {
  const name = named(section);
  if (!name) return section;
  const { inArticleWords, documentWords: whole } = ARTICLES[name.article];
  if (!name.heading) return t(whole);
  return inArticleWords ? t(inArticleWords, { section: t(name.heading) }) : t(name.heading);
}

/**
 * Whether a source's section is one the editions cite and its address opens that section's article: what
 * a saved report must hold, so that an edited one cannot put words of its own, or a name over another
 * page's link, in front of the reader.
 */
export function citationFits(source: { section: string; url: string }): boolean {
  const name = named(source.section);
  return name !== null && articleOfUrl(source.url) === name.article;
}
