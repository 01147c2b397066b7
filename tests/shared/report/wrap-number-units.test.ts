// A number is never parted from the unit after it, in every language: sizes as each language prints them
// (19,5 Ko, 1 To, 30 Go, 0 octets, 1.234,5 MB, 1 234,5 Go with a narrow no-break space), percentages, and
// the words said after a count of time or files (14 days, 14 Tage, 14 días, 5 minutos, 3 Mal, 3 veces); in
// Japanese and Chinese the counter after a number and a space (10 日, 14 日間, 41 回, 5 分钟) stays with it.
// The sentences are the reports' own (doctor and check, at the widths a tester found them cut). Every line
// is within the width in display columns (a CJK character takes two), and nothing is lost.
import { describe, expect, it } from 'vitest';
import { displayWidth, wrapIndented } from '../../../shared/report/wrap.js';

/** The lines, each within the width (display columns); nothing lost or added but the indents and spaces at the breaks. */
function wrapped(text: string, width: number, first = '', rest = first): string[] {
  const lines = wrapIndented(text, width, first, rest);
  for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
  expect(lines.join('').replace(/ /g, '')).toBe(`${first}${text}`.replace(/ /g, ''));
  return lines;
}

/** At every width from 30 to 100 columns, each amount is whole on one line. */
function keepsWhole(text: string, amounts: string[], first = '', rest = first): void {
  for (let width = 30; width <= 100; width++) {
    const lines = wrapped(text, width, first, rest);
    for (const amount of amounts)
      expect(
        lines.some((line) => line.includes(amount)),
        `"${amount}" at ${width} columns`,
      ).toBe(true);
  }
}

const FACT = ' '.repeat(11);
const DE_FACT = ' '.repeat(15);

describe('French: sizes in Ko, Mo, Go, To and octets', () => {
  const SMALL =
    'C: dispose de 0 octets d’espace libre ; la sélection représente 19,5 Ko avec l’état du système. Le cache a besoin d’au moins 5 % de la sélection, plus de la place pour l’état du système (30 Go) ; avec moins, les sauvegardes s’arrêtent avec des erreurs d’espace disque insuffisant.';
  const LARGE =
    'C: dispose de 40 Go d’espace libre ; la sélection représente 1 To avec l’état du système. Le cache a besoin d’au moins 5 % de la sélection, plus de la place pour l’état du système (81,2 Go) ; avec moins, les sauvegardes s’arrêtent avec des erreurs d’espace disque insuffisant.';
  const FREE =
    'Libérez de l’espace sur C: jusqu’à avoir au moins 30 Go libres (Nettoyage de disque, ou déplacez de gros fichiers ailleurs).';

  it('keeps "19,5 Ko" whole (doctor at 80 columns)', () => {
    expect(wrapped(SMALL, 80, FACT)).toEqual([
      '           C: dispose de 0 octets d’espace libre ; la sélection représente',
      '           19,5 Ko avec l’état du système. Le cache a besoin d’au moins 5 % de',
      '           la sélection, plus de la place pour l’état du système (30 Go) ; avec',
      '           moins, les sauvegardes s’arrêtent avec des erreurs d’espace disque',
      '           insuffisant.',
    ]);
  });

  it('keeps "30 Go" whole in a numbered step (doctor at 70 columns)', () => {
    expect(wrapped(FREE, 70, '             1. ', ' '.repeat(16))).toEqual([
      '             1. Libérez de l’espace sur C: jusqu’à avoir au moins',
      '                30 Go libres (Nettoyage de disque, ou déplacez de gros',
      '                fichiers ailleurs).',
    ]);
  });

  it('keeps "1 To" whole (check at 74 columns)', () => {
    expect(wrapped(LARGE, 74, FACT)).toEqual([
      '           C: dispose de 40 Go d’espace libre ; la sélection représente',
      '           1 To avec l’état du système. Le cache a besoin d’au moins 5 %',
      '           de la sélection, plus de la place pour l’état du système',
      '           (81,2 Go) ; avec moins, les sauvegardes s’arrêtent avec des',
      '           erreurs d’espace disque insuffisant.',
    ]);
  });

  it('never parts any of them at any width', () => {
    keepsWhole(SMALL, ['0 octets', '19,5 Ko', '5 %', '30 Go'], FACT);
    keepsWhole(LARGE, ['40 Go', '1 To', '5 %', '81,2 Go'], FACT);
    keepsWhole(FREE, ['30 Go'], '1. ', '   ');
    keepsWhole('La copie avance à 12,5 Mo/s ; il reste 512 octets, puis 3 fichiers en 2 secondes et 1 heure.', [
      '12,5 Mo/s',
      '512 octets',
      '3 fichiers',
      '2 secondes',
      '1 heure.',
    ]);
  });
});

describe('numbers with their language’s separators', () => {
  const TEXT =
    'Die Auswahl umfasst 1.234,5 MB; la sélection représente 1\u202F234,5 Go, soit 2\u00A0048 Ko de plus; the selection is 1,234.5 MB.';

  it('keeps a grouped number with its decimals and its unit whole', () => {
    expect(wrapped(TEXT, 43)).toEqual([
      'Die Auswahl umfasst 1.234,5 MB; la',
      'sélection représente 1\u202F234,5 Go, soit',
      '2\u00A0048 Ko de plus; the selection is',
      '1,234.5 MB.',
    ]);
    keepsWhole(TEXT, ['1.234,5 MB', '1\u202F234,5 Go', '2\u00A0048 Ko', '1,234.5 MB']);
  });
});

describe('time and count words', () => {
  const EN =
    "The agent recorded error 0x1FC07: the agent could not finish activating (an internal service error). Usually the agent's cache folder is on a volume without room, was moved the wrong way, or lost its OnlineBackup.KEK file. This report's checks cache.registry, cache.folder and cache.free-space tell whether that is still so. It appears once in the backup engine's error log, within the last 14 days.";
  const DE =
    'Der Agent hat den Fehler 0x80070005 aufgezeichnet: Der Zugriff wurde verweigert. Der Code erscheint 3 Mal in den Listen der Dateien, die bei Sicherungen übersprungen wurden, innerhalb der letzten 14 Tage.';
  const ES_DAYS = 'Aparece 3 veces en las listas de archivos que omitieron las copias de seguridad, en los últimos 14 días.';
  const ES_CLOCK =
    'El reloj de este equipo va 437 segundos atrasado respecto al de Microsoft (medido con login.microsoftonline.com). Con más de 5 minutos de diferencia, Azure puede rechazar el inicio de sesión del agente, y el registro y las copias de seguridad fallan.';

  it('English: "14 days" (check at 80 columns)', () => {
    expect(wrapped(EN, 80, FACT)).toEqual([
      '           The agent recorded error 0x1FC07: the agent could not finish',
      "           activating (an internal service error). Usually the agent's cache",
      '           folder is on a volume without room, was moved the wrong way, or lost',
      "           its OnlineBackup.KEK file. This report's checks cache.registry,",
      '           cache.folder and cache.free-space tell whether that is still so. It',
      "           appears once in the backup engine's error log, within the last",
      '           14 days.',
    ]);
    keepsWhole(EN, ['14 days.'], FACT);
    keepsWhole('It took 3 hours, 20 minutes and 5 seconds to read 12 files, once a day for 2 days.', [
      '3 hours',
      '20 minutes',
      '5 seconds',
      '12 files',
      '2 days.',
    ]);
  });

  it('German: "3 Mal", "14 Tage"', () => {
    expect(wrapped(DE, 67, DE_FACT)).toEqual([
      '               Der Agent hat den Fehler 0x80070005 aufgezeichnet:',
      '               Der Zugriff wurde verweigert. Der Code erscheint',
      '               3 Mal in den Listen der Dateien, die bei Sicherungen',
      '               übersprungen wurden, innerhalb der letzten 14 Tage.',
    ]);
    keepsWhole(DE, ['3 Mal', '14 Tage.'], DE_FACT);
    keepsWhole('Vor 10 Tagen wurden 2 Dateien in 1 Stunde und 30 Sekunden gelesen, 3 Minuten lang mit 4,5 MB/s.', [
      '10 Tagen',
      '2 Dateien',
      '1 Stunde',
      '30 Sekunden',
      '3 Minuten',
      '4,5 MB/s.',
    ]);
  });

  it('Spanish: "3 veces", "14 días", "437 segundos", "5 minutos"', () => {
    expect(wrapped(ES_DAYS, 68, DE_FACT)).toEqual([
      '               Aparece 3 veces en las listas de archivos que',
      '               omitieron las copias de seguridad, en los últimos',
      '               14 días.',
    ]);
    expect(wrapped(ES_CLOCK, 80, DE_FACT)).toEqual([
      '               El reloj de este equipo va 437 segundos atrasado respecto al de',
      '               Microsoft (medido con login.microsoftonline.com). Con más de',
      '               5 minutos de diferencia, Azure puede rechazar el inicio de sesión',
      '               del agente, y el registro y las copias de seguridad fallan.',
    ]);
    keepsWhole(ES_DAYS, ['3 veces', '14 días.'], DE_FACT);
    keepsWhole(ES_CLOCK, ['437 segundos', '5 minutos'], DE_FACT);
    keepsWhole('Se leyeron 8 archivos en 1 hora, con 2 horas de espera y 1 día de margen.', ['8 archivos', '1 hora,', '2 horas', '1 día']);
  });

  it('leaves a number that no unit follows free to end a line, as before', () => {
    // "2 of", "5 checks", a time of day: ordinary prose, wrapped as it always was.
    expect(wrapped('Step 2 of 3 runs the 5 checks again at 02:41 UTC on the machine.', 20)).toEqual([
      'Step 2 of 3 runs the',
      '5 checks again at',
      '02:41 UTC on the',
      'machine.',
    ]);
    expect(wrapped('La copie du service 12 s’est arrêtée.', 22)).toEqual(['La copie du service 12', 's’est arrêtée.']);
  });
});

describe('Japanese and Chinese counters after a number and a space', () => {
  const JA_DAYS =
    'エージェントの登録用に指定されたコンテナー資格情報ファイルを確認します。Azure は、拡張子が .VaultCredentials 以外のファイル、破損したファイル、10 日より前にダウンロードされたファイルを拒否します。2.0.9249.0 未満のエージェントでは受け付けられない場合があります。';
  const JA_TIMES =
    'このレポートのチェック files.onedrive で、その状態が続いているかどうかがわかります。過去 14 日間に、バックアップでスキップされたファイルの一覧で 41 回記録されています。';
  const ZH =
    '这台计算机的时钟比 Microsoft 的时钟慢 437 秒 (以 login.microsoftonline.com 为准测得)。两者相差超过 5 分钟时，Azure 可能拒绝代理登录，注册和备份都会失败。';

  it('Japanese: "10 日" (checks at 80 columns), "14 日間" and "41 回"', () => {
    expect(wrapped(JA_DAYS, 80, '      ')).toEqual([
      '      エージェントの登録用に指定されたコンテナー資格情報ファイルを確認します。',
      '      Azure は、拡張子が .VaultCredentials 以外のファイル、破損したファイル、',
      '      10 日より前にダウンロードされたファイルを拒否します。2.0.9249.0 未満のエー',
      '      ジェントでは受け付けられない場合があります。',
    ]);
    expect(wrapped(JA_TIMES, 74)).toEqual([
      'このレポートのチェック files.onedrive で、その状態が続いているかどうかがわ',
      'かります。過去 14 日間に、バックアップでスキップされたファイルの一覧で',
      '41 回記録されています。',
    ]);
    keepsWhole(JA_DAYS, ['10 日'], '      ');
    // A counter of two characters stays whole too: never "14 日" then "間".
    keepsWhole(JA_TIMES, ['14 日間', '41 回']);
    keepsWhole('コピーには 3 時間、待機には 5 分、確認には 12 秒かかり、対象は 8 個のファイルと 2 件のイベントです。', [
      '3 時間',
      '5 分',
      '12 秒',
      '8 個',
      '2 件',
    ]);
  });

  it('Chinese: "437 秒", "5 分钟"', () => {
    expect(wrapped(ZH, 55, '  ')).toEqual([
      '  这台计算机的时钟比 Microsoft 的时钟慢 437 秒 (以',
      '  login.microsoftonline.com 为准测得)。两者相差超过',
      '  5 分钟时，Azure 可能拒绝代理登录，注册和备份都会失',
      '  败。',
    ]);
    keepsWhole(ZH, ['437 秒', '5 分钟'], '  ');
    keepsWhole('复制需要 3 小时，等待 10 天，共有 8 个文件和 2 项检查，缓存为 1.5 GB。', ['3 小时', '10 天', '8 个', '2 项', '1.5 GB。']);
  });
});
