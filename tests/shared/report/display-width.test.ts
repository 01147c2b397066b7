// Display columns: a wide character (CJK, kana, Hangul, fullwidth forms) takes two columns of a terminal,
// a combining mark none; and wrapped CJK text, written without spaces, breaks between its characters
// within the width, never inside a path, a web address or a number and its unit, never before 。 or 、.
import { describe, expect, it } from 'vitest';
import { breakUnits, displayWidth, wrapIndented } from '../../../shared/report/wrap.js';

describe('displayWidth', () => {
  it('counts ASCII as one column a character', () => {
    expect(displayWidth('')).toBe(0);
    expect(displayWidth('C:\\Program Files\\Microsoft Azure Recovery Services Agent')).toBe(56);
  });

  it('counts CJK, kana, Hangul and fullwidth forms as two columns, Latin letters with accents as one', () => {
    expect(displayWidth('備份')).toBe(4);
    expect(displayWidth('キャッシュ フォルダー')).toBe(21);
    expect(displayWidth('한국어')).toBe(6);
    expect(displayWidth('ＡＢＣ１２３')).toBe(12);
    expect(displayWidth('，。、')).toBe(6);
    expect(displayWidth('Prüfung réussie')).toBe(15);
    expect(displayWidth('𠀋')).toBe(2);
  });

  it('counts a combining mark as none, and the pseudo-locale brackets as one each', () => {
    expect(displayWidth('e\u0301')).toBe(1);
    expect(displayWidth('⟦Ñó⟧')).toBe(4);
  });
});

describe('wrapping CJK text', () => {
  const japanese =
    'キャッシュ フォルダー C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch はシステム ボリューム上にあり、空き領域は 81.2 GB しかありません。バックアップを開始する前に、キャッシュ フォルダーを空き領域のあるボリュームに移動してください。';
  const chinese =
    '缓存文件夹位于系统卷上，可用空间只有 81.2 GB。请在开始备份之前，将缓存文件夹移到有足够空间的卷，然后再次运行检查，确认问题已经解决。代理需要至少百分之五的可用空间。';

  it('keeps every line within the width, counted in display columns', () => {
    for (const text of [japanese, chinese])
      for (const width of [40, 57, 80]) {
        const lines = wrapIndented(text, width, '  ', '    ');
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
      }
  });

  it('breaks between characters where there are no spaces, never before a closing mark', () => {
    const lines = wrapIndented(chinese, 40, '');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) expect(line).not.toMatch(/^[，。、）]/);
  });

  it('never breaks inside a path, a web address or a number and its unit', () => {
    // (A path longer than the line is broken after a backslash, as in English: 70 columns hold this one.)
    for (const width of [70, 80]) {
      const said = wrapIndented(japanese, width, '').join('\n');
      expect(said).toContain('81.2 GB');
      expect(said).toMatch(/C:\\Program Files\\Microsoft Azure Recovery Services Agent\\Scratch/);
    }
    expect(breakUnits('詳細はhttps://learn.microsoft.com/ja-jp/azure/backup/を参照')).toContain(
      'https://learn.microsoft.com/ja-jp/azure/backup/を参照',
    );
    expect(breakUnits('5分')).toEqual(['5分']);
  });

  it('leaves text in other scripts to break at its spaces', () => {
    expect(breakUnits('Sicherung')).toEqual(['Sicherung']);
    expect(wrapIndented('Die Sicherung ist fehlgeschlagen', 20, '')).toEqual(['Die Sicherung ist', 'fehlgeschlagen']);
  });
});
