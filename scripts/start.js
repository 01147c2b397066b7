// npm start: the desktop wizard where the Electron binary exists; browser mode where it does not.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { electronBinary } from './electron-binary.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const binary = electronBinary();
const [command, args] = binary ? [binary, [root]] : [process.execPath, [`${root}bin/mars-readiness.js`, 'web']];
if (!binary)
  console.log(
    'The Electron binary is not installed on this machine (it could not be downloaded), so the wizard opens in browser mode instead.',
  );
const child = spawn(command, args, { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
