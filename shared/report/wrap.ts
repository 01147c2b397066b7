// Wrapping text for a terminal: every line within the width, words kept whole, and paths and registry
// keys - which hold spaces ("C:\Program Files\...", "...\Windows Azure Backup\Config") - never cut inside
// a name. A path longer than the room left beside the indent goes on a line of its own, indented by two
// spaces only; one longer than that is broken after a backslash. One exception to the width: a web address
// longer than a line is never cut (a cut one cannot be opened). Plain text in, so the caller colours whole
// lines afterwards. Widths are display columns (displayWidth): a Chinese, Japanese or Korean character takes
// two, and text in those scripts, written without spaces, breaks between its characters (never inside a
// path, a web address or a number and its unit, nor before a closing mark such as 。 or after an opening one).

import { t } from '../i18n/translate.js';

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
  const shown =
    text.length > MAX_SHOWN ? t('report.wrap.shortened', { text: text.slice(0, MAX_SHOWN), more: text.length - MAX_SHOWN }) : text;
  const lines: string[] = [];
  let line = '';
  let indent = first;
  const flush = () => {
    if (line !== '') lines.push(`${indent}${line}`);
    line = '';
    indent = rest;
  };
  for (const paragraph of keepPathsWhole(shown).split('\n')) {
    for (const spaced of paragraph.split(' ').filter((w) => w !== '')) {
      // A word of CJK text is several units that may each start a line; the first follows a space.
      breakUnits(spaced).forEach((word, unit) => {
        const room = width - displayWidth(indent);
        const wide = displayWidth(word);
        if (wide > width - Math.max(displayWidth(first), displayWidth(rest))) {
          flush();
          // A web address is never cut (a cut one cannot be opened): on a line of its own, whole, at the
          // column's indent when it fits there, else at the margin, longer than the line if it must be.
          if (/^https?:\/\//.test(word)) lines.push(wide <= width - displayWidth(rest) ? `${rest}${word}` : word);
          // Too long for the indented column: on lines of its own, barely indented.
          else for (const piece of piecesOf(word, width - OUTDENT.length)) lines.push(`${OUTDENT}${piece}`);
          return;
        }
        const gap = unit === 0 ? ' ' : '';
        if (line === '') line = word;
        else if (displayWidth(line) + gap.length + wide <= room) line += `${gap}${word}`;
        else {
          flush();
          line = word;
        }
      });
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
      if (displayWidth(current) + displayWidth(rest) <= room) {
        current += rest;
        rest = '';
      } else if (current !== '') {
        pieces.push(current);
        current = '';
      } else {
        // One name longer than a line: broken at a space inside it if it has one, else cut, as a last resort.
        const fits = cutAt(rest, room);
        const space = rest.lastIndexOf(GLUE, fits);
        const cut = space > 0 ? space : Math.max(1, fits);
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
    if (displayWidth(line) <= width) return line;
    const [, lead = '', marker = '', rest = ''] = /^(\s*)((?:[-*] |\d+\. )?)([\s\S]*)$/.exec(line)!; // [\s\S]: a stray \r in a value is still text
    return wrapIndented(rest, width, lead + marker, lead + ' '.repeat(marker.length)).join('\n');
  });
  return `${body.join('\n')}${ends ? '\n' : ''}`;
}

/** East Asian Wide and Fullwidth characters (CJK, kana, Hangul, fullwidth forms, wide emoji): two columns each. */
const WIDE: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f],
  [0x231a, 0x231b],
  [0x2329, 0x232a],
  [0x23e9, 0x23ec],
  [0x2e80, 0x303e],
  [0x3041, 0x33ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xa000, 0xa4cf],
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3],
  [0xf900, 0xfaff],
  [0xfe10, 0xfe19],
  [0xfe30, 0xfe6f],
  [0xff00, 0xff60],
  [0xffe0, 0xffe6],
  [0x1f300, 0x1f64f],
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd],
];
const ZERO_WIDTH = /^(?:\p{Mn}|\p{Me}|[\u200B-\u200F\u2060]|[\uFE00-\uFE0F])$/u;

/** How many terminal columns one character takes: 2 for a wide one, 0 for a combining mark, else 1. */
export function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (ZERO_WIDTH.test(char)) return 0;
  for (const [low, high] of WIDE) {
    if (code < low) return 1;
    if (code <= high) return 2;
  }
  return 1;
}

/** How many terminal columns a text takes: East Asian Wide and Fullwidth characters count 2 (see charWidth). */
export function displayWidth(text: string): number {
  // Plain ASCII (most of a report) is as wide as it is long.
  if (/^[\x20-\x7e]*$/.test(text)) return text.length;
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** How many UTF-16 code units of `text` fit in `room` columns (a character never split). */
function cutAt(text: string, room: number): number {
  let width = 0;
  let index = 0;
  for (const char of text) {
    width += charWidth(char);
    if (width > room) break;
    index += char.length;
  }
  return index;
}

/** A character of a script written without spaces (CJK ideographs, kana, their punctuation, fullwidth forms). */
const CJK = /[\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\u{20000}-\u{3FFFD}]/u;
/** Marks that never start a line (closing brackets, stops, small kana, the long vowel mark). */
const NO_START = /^[、。，．：；！？）」』】〕〉》・ー～％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"')\]},.:;!?%]/u;
/** Marks that never end a line (opening brackets). */
const NO_END = /[（「『【〔〈《"'([{]$/u;
/** Where a CJK run is never broken: inside a path, a web address, or after a number (its unit follows). */
const WHOLE = new RegExp(String.raw`(?:${PATH_START}|https?:\/\/)\S*`, 'u');

/**
 * A space-separated word as the units a line may break between: one unit for a word of other scripts, and
 * for CJK text, one per character (a closing mark kept with the character before it, an opening one with
 * the one after, a number with what follows it). Paths, addresses and glued amounts stay one unit.
 */
export function breakUnits(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const whole = WHOLE.exec(word);
  const head = whole ? word.slice(0, whole.index) : word;
  const units: string[] = [];
  // Runs of non-CJK characters (Latin words, numbers, glued amounts) stay whole; each CJK character is a unit.
  for (const piece of head.match(new RegExp(`${CJK.source}|(?:(?!${CJK.source}).)+`, 'gu')) ?? []) {
    const previous = units[units.length - 1];
    if (
      previous !== undefined &&
      (NO_START.test(piece) || NO_END.test(previous) || /\d$/.test(previous) || (!CJK.test(piece[0]!) && !CJK.test(previous.slice(-1))))
    )
      units[units.length - 1] = previous + piece;
    else units.push(piece);
  }
  if (whole) {
    if (units.length > 0 && !/[\s]$/.test(head) && NO_END.test(units[units.length - 1]!)) units[units.length - 1] += whole[0];
    else units.push(whole[0]);
  }
  return units.length > 0 ? units : [word];
}
