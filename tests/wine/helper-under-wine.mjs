// The elevated helper under Wine: the product's own helper (runHelper) on the Windows adapter of this Wine
// machine, with the two replacements the Wine tier makes (under-wine.mjs): Node's copy for Wine's robocopy,
// which is a stub, slowed a little per file so that a Stop can land in the middle of it; and no check of
// who may write the journal, which Wine's PowerShell cannot answer. Arguments: the build's URL, then the
// helper's own.
const [distUrl, ...helperArgv] = process.argv.slice(2);
const load = (path) => import(`${distUrl}/${path}`);
const { runHelper } = await load('electron/helper/helper-main.js');
const { windowsMachine } = await load('electron/machine/windows/windows-machine.js');
const { copyTree } = await load('electron/actions/copy-tree.js');

// One pause at a time, whichever of the copy's parallel lanes asks: the copy takes at least 25 ms a file
// however many files it has in flight (about 6 s for the end-to-end tier's 241), long enough for its rate
// and time left to show and for a Stop or a crash to land halfway.
let turn = Promise.resolve();
const pause = () => (turn = turn.then(() => new Promise((resolve) => setTimeout(resolve, 25))));
process.exitCode = await runHelper(helperArgv, async () => {
  const real = windowsMachine();
  return {
    ...real,
    files: {
      ...real.files,
      copyTree: (from, to, options) =>
        copyTree(from, to, { ...options, afterFile: async (done, total) => (await pause(), options.afterFile?.(done, total)) }),
    },
    stateDoubt: async () => null,
  };
});
