// Wrapping text for a terminal: every line within the width, words kept whole, and paths and registry
// keys - which hold spaces ("C:\Program Files\...", "...\Windows Azure Backup\Config") - never cut inside
// a name. A path longer than the room left beside the indent goes on a line of its own, indented by two
// spaces only; one longer than that is broken after a backslash. One exception to the width: a web address
// longer than a line is never cut (a cut one cannot be opened). Plain text in, so the caller colours whole
// lines afterwards.

import { formatNumber } from '../i18n/translate.js';

/** The longest text one line of facts shows; a profile may carry far more (a 20 MB host name, say). */
const MAX_SHOWN = 2000;
/** Stands for a space inside a path while the text is wrapped (a private-use character no report holds). */
const GLUE = '\uE000';
const OUTDENT = '  ';
const PATH_START = String.raw`(?:[A-Za-z]:\\|\\\\|\bHK(?:LM|CU|U|CR|EY_[A-Z_]+)\\)`;
const QUOTED_PATH = new RegExp(String.raw`"(${PATH_START}[^"]*)"`, 'g');
// Inner names take in spaces only before a capital, a digit or a bracket ("Windows Azure Backup", not
// "Config and under"); the last name stops at the first space (where an unquoted path ends cannot be told).
const BARE_PATH = new RegExp(String.raw`${PATH_START}(?:[^\\\s"]+(?: [A-Z0-9(][^\\\s"]*)*\\)*[^\\\s",;:)]*`, 'g');

// The last name of an unquoted path may go on in words that start with a capital or a digit ("...\Microsoft
// Azure Recovery Services Agent"), up to a word that ends a sentence ("Agent.") or a lowercase word.
const LAST_NAME_WORDS = /^(?: [A-Z0-9(][^\s\\",;:).]*(?:\.[^\s\\",;:).]+)*)*/;
/** A number and its unit ("81.2 GB", "1,204 files" is words, not a unit) are never parted. */
const AMOUNT = /(\d[\d,.]*) (bytes|KB|MB|GB|TB|PB|Mbps|ms|s|%)(?=$|[\s.,;:)])/g;

/** The spaces inside paths and keys, and between a number and its unit, glued, so that wrapping never cuts there. */
export function keepPathsWhole(text: string): string {
  const glue = (path: string) => path.replaceAll(' ', GLUE);
  const quoted = text.replace(QUOTED_PATH, (_, path: string) => `"${glue(path)}"`);
  let out = '';
  let last = 0;
  for (const match of quoted.matchAll(BARE_PATH)) {
    const end = match.index + match[0].length;
    const more = LAST_NAME_WORDS.exec(quoted.slice(end))?.[0] ?? '';
    out += quoted.slice(last, match.index) + glue(match[0] + more);
    last = end + more.length;
  }
  return (out + quoted.slice(last)).replace(AMOUNT, `$1${GLUE}$2`);
}

/**
 * Word-wraps text to `width` columns, the first line indented by `first`, the others by `rest`; a text
 * longer than MAX_SHOWN is shortened first, saying by how much, so a report stays readable (and small).
 */
export function wrapIndented(text: string, width: number, first: string, rest = first): string[] {
  const shown = text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}… (${formatNumber(text.length - MAX_SHOWN)} more characters)` : text;
  const lines: string[] = [];
  let line = '';
  let indent = first;
  const flush = () => {
    if (line !== '') lines.push(`${indent}${line}`);
    line = '';
    indent = rest;
  };
  for (const paragraph of keepPathsWhole(shown).split('\n')) {
    for (const word of paragraph.split(' ').filter((w) => w !== '')) {
      const room = width - indent.length;
      if (word.length > width - Math.max(first.length, rest.length)) {
        flush();
        // A web address is never cut (a cut one cannot be opened): on a line of its own, whole, at the
        // column's indent when it fits there, else at the margin, longer than the line if it must be.
        if (/^https?:\/\//.test(word)) lines.push(word.length <= width - rest.length ? `${rest}${word}` : word);
        // Too long for the indented column: on lines of its own, barely indented.
        else for (const piece of piecesOf(word, width - OUTDENT.length)) lines.push(`${OUTDENT}${piece}`);
        continue;
      }
      if (line === '') line = word;
      else if (line.length + 1 + word.length <= room) line += ` ${word}`;
      else {
        flush();
        line = word;
      }
    }
    flush();
  }
  if (lines.length === 0) lines.push(first.trimEnd());
  return lines.map((l) => l.replaceAll(GLUE, ' '));
}

/** A word cut into pieces of at most `room` characters, after a separator where it has one, else anywhere. */
export function piecesOf(word: string, room: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const part of word.split(/(?<=[\\/#])/)) {
    for (let rest = part; rest !== '';) {
      if (current.length + rest.length <= room) {
        current += rest;
        rest = '';
      } else if (current !== '') {
        pieces.push(current);
        current = '';
      } else {
        // One name longer than a line: broken at a space inside it if it has one, else cut, as a last resort.
        const space = rest.lastIndexOf(GLUE, room);
        const cut = space > 0 ? space : room;
        pieces.push(rest.slice(0, cut));
        rest = rest.slice(space > 0 ? cut + 1 : cut);
      }
    }
  }
  if (current !== '') pieces.push(current);
  return pieces;
}

/**
 * Text made of lines (a plan, a refusal, an error) wrapped line by line: each keeps its indent, and a
 * list item's continuation lines align under its text ("  - ", "3. ").
 */
export function wrapBlock(text: string, width: number): string {
  const ends = text.endsWith('\n');
  const body = (ends ? text.slice(0, -1) : text).split('\n').map((line) => {
    // A line that fits is left as it is (its alignment, its runs of spaces).
    if (line.length <= width) return line;
    const [, lead = '', marker = '', rest = ''] = /^(\s*)((?:[-*] |\d+\. )?)(.*)$/.exec(line)!;
    return wrapIndented(rest, width, lead + marker, lead + ' '.repeat(marker.length)).join('\n');
  });
  return `${body.join('\n')}${ends ? '\n' : ''}`;
}
