// The wizard's server under Wine, run by the Windows build of Node: browser mode over the Windows adapter
// of this Wine machine, with one thing injected - the UAC launch, which Wine does not have: the elevated
// helper is started as a plain child process instead, and still speaks its protocol over a named pipe.
// Arguments: the file to write the wizard's address to, the build's URL, the renderer's folder, the
// helper's script. It runs until it is killed.
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [urlFile, distUrl, rendererDir, helperScript] = process.argv.slice(2);
const load = (path) => import(`${distUrl}/${path}`);
const { startWebServer } = await load('electron/web/server.js');
const { windowsMachine } = await load('electron/machine/windows/windows-machine.js');

/** UAC's stand-in: the helper as a plain child process of this one. A spawn that throws (Wine's "spawn UNKNOWN") is a failure to start, as the real launcher reports one. */
const launch = (program, args) =>
  new Promise((resolve) => {
    const failed = (error) => resolve({ exitCode: null, failure: error.message, declined: false });
    try {
      const child = spawn(program, args, { stdio: 'ignore', windowsHide: true });
      child.on('exit', (code) => resolve({ exitCode: code, failure: null, declined: false }));
      child.on('error', failed);
    } catch (error) {
      failed(error);
    }
  });

const server = await startWebServer({
  rendererDir,
  machine: windowsMachine({ launchElevated: launch }),
  helper: { program: process.execPath, leadingArgs: [helperScript, distUrl] },
});
writeFileSync(urlFile, server.url);
// Kept alive by its listening server until the test kills it.
