// Sentences joined as their language writes them: a space after a Latin full stop, none after 。！？.
import { describe, expect, it } from 'vitest';
import { joinSentences } from '../../../shared/i18n/translate.js';

describe('joinSentences', () => {
  it('puts a space between Latin sentences and none after a full-width stop', () => {
    expect(joinSentences(['The engine runs.', 'Nothing changed.'])).toBe('The engine runs. Nothing changed.');
    expect(joinSentences(['エンジンは実行中です。', '何も変更されていません。'])).toBe('エンジンは実行中です。何も変更されていません。');
    expect(joinSentences(['引擎正在运行！', '未做更改？', '好。'])).toBe('引擎正在运行！未做更改？好。');
    expect(joinSentences(['一つ。', 'Two.'])).toBe('一つ。Two.');
    expect(joinSentences([])).toBe('');
  });
});
