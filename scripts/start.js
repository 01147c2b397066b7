// npm start: the desktop wizard where the Electron binary exists; browser mode where it does not.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinary();
const [command, args] = binary ? [binary, [root]] : [process.execPath, [`${root}bin/mars-readiness.js`, 'web']];
if (!binary) console.log(await browserModeNotice());
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));

/** The browser-mode notice in the run's language, from the build `npm start` has just made (its translator). */
async function browserModeNotice() {
  const [{ chooseStartLanguage }, { speakLanguage }, { t }] = await Promise.all([
    import('../dist/electron/i18n/choose-language.js'),
    import('../dist/shared/i18n/load.js'),
    import('../dist/shared/i18n/translate.js'),
  ]);
  await speakLanguage((await chooseStartLanguage({ flag: null })).language);
  return t('machine.start.browserMode');
}
