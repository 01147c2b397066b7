// Wrapping text for a terminal: every line within the width, words kept whole, and paths and registry
// keys - which hold spaces ("C:\Program Files\...", "...\Windows Azure Backup\Config") - never cut inside
// a name. A path longer than the room left beside the indent goes on a line of its own, indented by two
// spaces only; one longer than that is broken after a backslash. One exception to the width: a web address
// longer than a line is never cut (a cut one cannot be opened). Plain text in, so the caller colours whole
// lines afterwards. Widths are display columns (displayWidth): a Chinese, Japanese or Korean character takes
// two, and text in those scripts, written without spaces, breaks between its characters (never inside a
// path, a web address or a number and its unit, nor before a closing mark such as 。 or after an opening one).
// In every language a number keeps the unit or counted word after it ("19,5 Ko", "1 To", "14 Tage", "5 minutos",
// "14 days", "10 日", "5 分钟"), its decimal mark and group separators included ("1 234,5 Go").

import { t } from '../i18n/translate.js';

/** The longest text one line of facts shows; a profile may carry far more (a 20 MB host name, say). */
const MAX_SHOWN = 2000;
/** Stands for a space inside a path while the text is wrapped (a private-use character no report holds). */
const GLUE = '\uE000';
const OUTDENT = '  ';
const PATH_START = String.raw`(?:[A-Za-z]:\\|\\\\|\bHK(?:LM|CU|U|CR|EY_[A-Z_]+)\\)`;
/**
 * Chinese and Japanese punctuation (ideographic stops and commas, corner and fullwidth brackets, the
 * fullwidth colon) and the curly quotes Chinese puts around a path: where a path written in CJK text ends
 * ("文件夹：C:\...\Scratch（请…）", "“C:\...”是…"), as no name holds them.
 */
const CJK_PUNCTUATION = String.raw`\u2018\u2019\u201C\u201D\u3000-\u3003\u3008-\u3011\u3014-\u301F\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65`;
const QUOTED_PATH = new RegExp(String.raw`"(${PATH_START}[^"]*)"`, 'g');
// Inner names take in spaces only before a capital, a digit or a bracket ("Windows Azure Backup", not
// "Config and under"), and no colon ("...\ScratchLocation: C:\..." is a value name, then another path); the
// last name stops at the first space (where an unquoted path ends cannot be told).
const BARE_PATH = new RegExp(
  String.raw`${PATH_START}(?:[^\\\s":${CJK_PUNCTUATION}]+(?: [A-Z0-9(][^\\\s":${CJK_PUNCTUATION}]*)*\\)*[^\\\s",;:)${CJK_PUNCTUATION}]*`,
  'g',
);

// The last name of an unquoted path may go on in words that start with a capital or a digit ("...\Microsoft
// Azure Recovery Services Agent"), or that are a short bracketed word ("Program Files (x86)"), up to a word
// that ends a sentence ("Agent.") or a lowercase word - not a bracket that opens a remark ("(delete it",
// "(バックアップが…)").
const LAST_NAME_WORDS = new RegExp(
  String.raw`^(?: (?!${PATH_START})(?:[A-Z0-9][^\s\\",;:().${CJK_PUNCTUATION}]*(?:\.[^\s\\",;:().${CJK_PUNCTUATION}]+)*|\([A-Za-z0-9._-]+\)))*`,
);
/** A CJK character (ideographs, kana, their punctuation, fullwidth forms), as a class's ranges. */
const CJK_RANGES = String.raw`\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60`;
/** A character of a CJK word (ideographs and kana, no punctuation or brackets), as a class's ranges. */
const CJK_WORD_RANGES = String.raw`\u3005\u3041-\u3096\u309D-\u309F\u30A1-\u30FA\u30FC-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF`;
/**
 * A number as any language writes it: digits with the locale's decimal mark and group separators ("19,5",
 * "1.234,5", "1,234.5", French "1 234,5" with a no-break or narrow no-break space), ending in a digit.
 */
const NUMBER = String.raw`\d(?:[\d,.\u00A0\u202F]*\d)?`;
/**
 * The units a number is never parted from, in every language the catalogues speak. Sizes and rates by their
 * shape rather than a list: an optional SI prefix and B or o (KB, MB/s, Go, To, Mo/s, KiB), bits (Mbit/s,
 * Mbps), and the byte in words (bytes, Byte, octets); the percent sign; and the words the catalogues put
 * after a count of time or of files (# seconds, # Minuten, # jours, # días, # Dateien, # fichiers, # times...),
 * each a whole word (the "s" of "s’est" is none). A bare "o" is Spanish "or" too: "2012 o" kept together is
 * harmless. CJK counters ("10 日", "5 分钟") are CJK_COUNTER.
 */
const COUNT_WORDS = [
  'ms|s|min|h|seconds?|minutes?|hours?|days?|weeks?|months?|years?|files?|times', // English
  'Sekunden?|Minuten?|Stunden?|Tagen?|Tage|Wochen?|Monaten?|Monate?|Jahren?|Jahre?|Dateien|Datei|Mal', // German
  'secondes?|heures?|jours?|semaines?|mois|fichiers?|fois', // French (minute(s) as in English)
  'segundos?|minutos?|horas?|días?|semanas?|mes(?:es)?|años?|archivos?|veces', // Spanish
].join('|');
const UNIT = String.raw`(?:(?:[KMGTPE]i?[Bo]|[KMG]bit|[KMG]bps|B|o|bytes?|Bytes?|octets?)(?:\/s)?|%|${COUNT_WORDS})`;
/** A number and its unit are never parted; the unit may be followed by CJK text without a space ("81.2 GB。"). */
const AMOUNT = new RegExp(String.raw`(${NUMBER}) (${UNIT})(?=$|[\s.,;:!?)\]}"»”…${CJK_RANGES}])`, 'g');
/**
 * In Japanese and Chinese a number keeps the counter after it, space or not ("10 日より前", "5 分钟", "12 个"):
 * the first CJK character of a word, or the whole of a counter written with more than one ("時間", "小时").
 */
const CJK_AMOUNT = new RegExp(String.raw`(${NUMBER}) (?=[${CJK_WORD_RANGES}])`, 'g');
const CJK_COUNTER = String.raw`(?:時間|分間|秒間|日間|週間|年間|[かヶカケ]月|か所|項目|文字|ビット|バイト|小时|分钟|秒钟|毫秒|字节|个月|[${CJK_WORD_RANGES}])`;

/** The spaces inside paths and keys, and between a number and its unit, glued, so that wrapping never cuts there. */
export function keepPathsWhole(text: string): string {
  const glue = (path: string) => path.replaceAll(' ', GLUE);
  const quoted = text.replace(QUOTED_PATH, (_, path: string) => `"${glue(path)}"`);
  let out = '';
  let last = 0;
  for (const match of quoted.matchAll(BARE_PATH)) {
    if (match.index < last) continue; // (inside the words the path before took in)
    const end = match.index + match[0].length;
    const more = LAST_NAME_WORDS.exec(quoted.slice(end))?.[0] ?? '';
    out += quoted.slice(last, match.index) + glue(match[0] + more);
    last = end + more.length;
  }
  return (out + quoted.slice(last)).replace(AMOUNT, `$1${GLUE}$2`).replace(CJK_AMOUNT, `$1${GLUE}`);
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
const CJK = new RegExp(`[${CJK_RANGES}\\u{20000}-\\u{3FFFD}]`, 'u');
/** Marks that never start a line (closing brackets, stops, small kana, the long vowel mark). */
const NO_START = /^[、。，．：；！？）」』】〕〉》・ー～％ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"'”’)\]},.:;!?%]/u;
/** Marks that never end a line (opening brackets and quotes). */
const NO_END = /[（「『【〔〈《"'“‘([{]$/u;
/**
 * The pieces of a word of CJK text: a number with the counter after it ("10日", "10 時間", "5 分钟"; its
 * space glued), a path (up to a CJK punctuation mark, which no name holds, or the word's end), a web address
 * (to the word's end), a single CJK character, or a run of other characters.
 */
const PIECE = new RegExp(
  String.raw`(?<amount>${NUMBER}${GLUE}?${CJK_COUNTER})|(?<path>${PATH_START}[^${CJK_PUNCTUATION}]*)|(?<web>https?:\/\/\S*)|${CJK.source}|(?:(?!${CJK.source}|${PATH_START}|https?:\/\/)[\s\S])+`,
  'gu',
);

/**
 * A space-separated word as the units a line may break between: one unit for a word of other scripts, and
 * for CJK text, one per character, a run of other characters (a Latin word, a number, a glued amount) kept
 * whole as one; a closing mark kept with what is before it, an opening one with what follows, a number
 * with the CJK character after it ("5分"). Paths and web addresses are one unit each; CJK punctuation after a
 * path ends it ("…\Scratch（请…）" may break between the path and "（请", never inside the path).
 */
export function breakUnits(word: string): string[] {
  if (!CJK.test(word)) return [word];
  const units: string[] = [];
  /** The piece before: a number there ("5") keeps the CJK character after it ("分"); a path's digit does not. */
  let last = '';
  for (const match of word.matchAll(PIECE)) {
    const piece = match[0];
    const previous = units[units.length - 1];
    const joins =
      previous !== undefined &&
      (NO_START.test(piece) ||
        NO_END.test(previous) ||
        (/^\d[\d,.\u00A0\u202F]*$/.test(last) && CJK.test(piece[0]!)) ||
        (!CJK.test(piece[0]!) && !CJK.test(previous.slice(-1))));
    if (joins) units[units.length - 1] = previous + piece;
    else units.push(piece);
    last = piece;
  }
  return units.length > 0 ? units : [word];
}
