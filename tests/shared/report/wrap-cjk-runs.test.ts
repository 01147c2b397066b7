// Wrapping Japanese and Chinese text that carries paths, registry values and amounts: a line may break
// between two CJK characters (never before 、。）」 nor after （「), but a run of other text - a path with
// its spaces, "65.5 MB/s", a registry value - is kept whole like an English word, on a line of its own when
// it needs one; a run longer than the line is still broken (after a backslash, else anywhere), so that no
// line is wider than the width, counted in display columns (a CJK character takes two).
import { describe, expect, it } from 'vitest';
import { breakUnits, displayWidth, wrapIndented } from '../../../shared/report/wrap.js';

const CACHE = String.raw`C:\Program Files\Microsoft Azure Recovery Services Agent\Scratch`;
const KEY = String.raw`HKLM\SOFTWARE\Microsoft\Windows Azure Backup\Config`;

/** The lines, each checked to be within the width (display columns) and none starting with a closing mark. */
function wrapped(text: string, width: number, first = '', rest = first): string[] {
  const lines = wrapIndented(text, width, first, rest);
  for (const line of lines) {
    expect(displayWidth(line), line).toBeLessThanOrEqual(width);
    expect(line.trimStart(), line).not.toMatch(/^[、。，：；）」』】”]/);
    expect(line, line).not.toMatch(/[（「『【“]$/);
  }
  // Nothing lost or added but spaces at the breaks.
  expect(lines.join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  return lines;
}

describe('wrapping Japanese text with paths and amounts', () => {
  it('keeps a path with spaces whole, on a line of its own, followed by a remark in brackets', () => {
    const text = `そのまま残るフォルダー: ${CACHE} (バックアップが成功した後にご自身で削除してください)`;
    expect(wrapped(text, 80, '  ')).toEqual([
      '  そのまま残るフォルダー:',
      `  ${CACHE} (バックアップ`,
      '  が成功した後にご自身で削除してください)',
    ]);
    // Narrower, the remark goes on after the path between its characters, never inside the path.
    expect(wrapped(text, 70, '  ')).toEqual([
      '  そのまま残るフォルダー:',
      `  ${CACHE}`,
      '  (バックアップが成功した後にご自身で削除してください)',
    ]);
  });

  it('never parts a number from its unit, "65.5 MB/s" nor "67.1 KB"', () => {
    const text =
      'コピーと確認には 1 秒未満 かかる見込みです (先ほどキャッシュの 67.1 KB を 65.5 MB/s で読み取った結果から算出)。これに、バックアップ エンジンの停止と開始にかかる時間が加わります。';
    expect(wrapped(text, 80)).toEqual([
      'コピーと確認には 1 秒未満 かかる見込みです (先ほどキャッシュの 67.1 KB を',
      '65.5 MB/s で読み取った結果から算出)。これに、バックアップ エンジンの停止と開始に',
      'かかる時間が加わります。',
    ]);
    for (const width of [40, 45, 50, 57, 63, 72, 80]) {
      const said = wrapped(text, width).join('\n');
      expect(said, `width ${width}`).toContain('65.5 MB/s');
      expect(said, `width ${width}`).toContain('67.1 KB');
    }
  });

  it('keeps the registry value and the path it is set to whole, each on a line', () => {
    const text = `レジストリ: ${KEY}\\ScratchLocation: ${CACHE} -> D:\\MARSCache`;
    expect(wrapped(text, 80, '  ')).toEqual(['  レジストリ:', `  ${KEY}\\ScratchLocation:`, `  ${CACHE} ->`, '  D:\\MARSCache']);
  });

  it('breaks a path longer than the line after its backslashes, then at its spaces, barely indented', () => {
    const text = String.raw`キャッシュを C:\Backup Cache\A Very Long Folder Name That Goes On And On\Scratch に移動します。`;
    expect(wrapped(text, 40, '')).toEqual([
      'キャッシュを',
      '  C:\\Backup Cache\\',
      '  A Very Long Folder Name That Goes On',
      '  And On\\Scratch',
      'に移動します。',
    ]);
  });
});

describe('wrapping Chinese text with paths and amounts', () => {
  it('ends a path at the fullwidth bracket after it, and keeps the path whole', () => {
    const text = `保持不变的文件夹：${CACHE}（请在备份成功后自行删除）`;
    expect(wrapped(text, 80, '  ')).toEqual(['  保持不变的文件夹：', `  ${CACHE}（请在备份成功`, '  后自行删除）']);
    expect(breakUnits(`夹：${CACHE.replaceAll(' ', '\uE000')}（请删除）`)).toEqual([
      '夹：',
      CACHE.replaceAll(' ', '\uE000'),
      '（请',
      '删',
      '除）',
    ]);
  });

  it('ends a registry value at the fullwidth colon, the path after it whole', () => {
    const text = `注册表：${KEY}\\ScratchLocation：${CACHE} -> D:\\MARSCache`;
    expect(wrapped(text, 80, '  ')).toEqual([`  注册表：${KEY}\\ScratchLocation：`, `  ${CACHE} ->`, '  D:\\MARSCache']);
  });

  it('ends a path at the curly quote after it', () => {
    const text = `它将“${CACHE}”列为已复制，但这不是 D:\\MARSCache 下的路径`;
    expect(wrapped(text, 80)).toEqual([`它将“${CACHE}”列为已复`, '制，但这不是 D:\\MARSCache 下的路径']);
  });

  it('never parts a number from its unit, with a space after it or a CJK mark', () => {
    const rate = '复制并检查预计需要 不到 1 秒（根据刚才以 65.5 MB/s 读取缓存中 67.1 KB 的结果），另加备份引擎停止和启动所需的时间。';
    expect(wrapped(rate, 48)).toEqual([
      '复制并检查预计需要 不到 1 秒（根据刚才以',
      '65.5 MB/s 读取缓存中 67.1 KB 的结果），另加备份',
      '引擎停止和启动所需的时间。',
    ]);
    for (let width = 40; width <= 80; width++) expect(wrapped(rate, width).join('\n'), `width ${width}`).toContain('65.5 MB/s');
    expect(wrapped('它大于 40 MB。请把缓存移到 D:\\MARSCache（必须为空）。', 40)).toEqual([
      '它大于 40 MB。请把缓存移到 D:\\MARSCache',
      '（必须为空）。',
    ]);
    for (let width = 40; width <= 60; width++)
      expect(wrapped('缓存所在的卷只剩 12 个字符的空间可用空间只有 81.2 GB。', width).join('\n')).toContain('81.2 GB');
  });

  it('cuts a run with no separator that is longer than the line, and no line is wider than the width', () => {
    const text = '令牌ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789太长了，必须切开。';
    expect(wrapped(text, 40)).toEqual([
      '令牌',
      '  ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijkl',
      '  mnopqrstuvwxyz0123456789',
      '太长了，必须切开。',
    ]);
  });
});

describe('the same paths in English', () => {
  it('keeps a registry value apart from the path after its colon, and the path whole', () => {
    const text = `Registry: ${KEY}\\ScratchLocation: ${CACHE} -> D:\\MARSCache`;
    expect(wrapped(text, 80, '  ')).toEqual([`  Registry: ${KEY}\\ScratchLocation:`, `  ${CACHE} ->`, '  D:\\MARSCache']);
  });

  it('keeps "(x86)" in a path, but not a remark in brackets after it', () => {
    const x86 = String.raw`C:\Program Files (x86)\Microsoft Azure Recovery Services Agent`;
    expect(wrapped(`Folder left as it is: ${x86} (delete it yourself after a backup has succeeded)`, 80, '  ')).toEqual([
      '  Folder left as it is:',
      `  ${x86} (delete it`,
      '  yourself after a backup has succeeded)',
    ]);
    expect(wrapped(`The cache at ${x86} (Azure refuses any other)`, 80)).toEqual([`The cache at ${x86}`, '(Azure refuses any other)']);
  });

  it('leaves ordinary prose as it was', () => {
    expect(wrapped('The backup engine is stopped all that time: no backup can run until it is started again at the end.', 40)).toEqual([
      'The backup engine is stopped all that',
      'time: no backup can run until it is',
      'started again at the end.',
    ]);
    expect(wrapped('Copying it should take under a second (from reading 67.1 KB of the cache at 65.5 MB/s just now).', 60)).toEqual([
      'Copying it should take under a second (from reading 67.1 KB',
      'of the cache at 65.5 MB/s just now).',
    ]);
  });
});
