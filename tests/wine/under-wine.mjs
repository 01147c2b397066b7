// Runs under Wine with the Windows build of Node: the project's built win32 code against Wine's own
// reg.exe, sc.exe, wmic and robocopy. Writes what it saw to the file named by its first argument; the
// Linux-side test (wine-tier.test.ts) asserts on it. The third argument names the phase: "probes" (the
// default), "volumes" (the volume probe alone), "move" (the cache move; MARS_READINESS_FAILPOINT may break a step), "resume", or "robocopy"
// (the move with Wine's own robocopy as the copy).
import { writeFileSync } from 'node:fs';

const [resultFile, distUrl, phase = 'probes'] = process.argv.slice(2);
const load = (path) => import(`${distUrl}/${path}`);
const out = { platform: process.platform };
const step = async (name, work) => {
  try {
    out[name] = await work();
  } catch (error) {
    out[name] = { error: String(error?.stack ?? error) };
  }
};

const { runCommand } = await load('electron/probes/command-runner.js');
const { windowsMachine } = await load('electron/machine/windows/windows-machine.js');
const { readScratch, writeScratch } = await load('electron/actions/fix-engine.js');

if (phase === 'probes') await probes();
else if (phase === 'volumes') await volumes();
else await move();
writeFileSync(resultFile, JSON.stringify(out, null, 2));

/** The volume probe alone, for a run with wmic taken away. */
async function volumes() {
  const { probeMachineFacts } = await load('electron/probes/windows/machine-facts.js');
  const { ProbeNotes } = await load('electron/probes/notes.js');
  const notes = new ProbeNotes();
  const facts = await probeMachineFacts(runCommand, null, notes);
  out.machineFacts = { volumes: facts.volumes, notes: notes.list };
}

async function probes() {
  const { regExeReader } = await load('electron/probes/windows/registry.js');
  const { probeWindowsOs, probeWindowsSoftware } = await load('electron/probes/windows/os-windows.js');
  const { probeWindowsAgent } = await load('electron/probes/windows/agent-windows.js');
  const { queryService } = await load('electron/probes/windows/service-control.js');
  const { probeMachineFacts } = await load('electron/probes/windows/machine-facts.js');
  const { collectProfile } = await load('electron/probes/collect.js');
  const { ProbeNotes } = await load('electron/probes/notes.js');

  const reader = regExeReader(runCommand);
  const asObject = (read) => (read.status === 'ok' ? { status: 'ok', values: Object.fromEntries(read.values) } : read);
  await step('setupKey', async () => asObject(await reader.readKey('HKLM\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Setup')));
  await step('missingKey', async () => asObject(await reader.readKey('HKLM\\SOFTWARE\\Microsoft\\No Such Key')));
  await step('os', () => probeWindowsOs(reader, new ProbeNotes()));
  await step('software', () => probeWindowsSoftware(reader, new ProbeNotes()));
  await step('agent', () =>
    probeWindowsAgent(
      reader,
      (name) => queryService(runCommand, name),
      new ProbeNotes(),
      async () => null,
    ),
  );
  await step('missingService', () => queryService(runCommand, 'obengine'));
  await step('machineFacts', async () => {
    const notes = new ProbeNotes();
    const facts = await probeMachineFacts(runCommand, null, notes);
    return { volumes: facts.volumes, notes: notes.list };
  });
  // The whole collection, as `mars-readiness collect` runs it: the cache folder the registry names, its
  // size measured by the scanner's worker threads, its volume from the volume probe.
  await step('collect', async () => {
    const { profile, notes } = await collectProfile({ offline: true, selection: { paths: ['C:\\Scratch'], systemState: false } });
    return { cache: profile.cache, volumes: profile.volumes, selection: profile.selection, notes };
  });
  // The start language from Wine's registry (its display language), then from the policy value, written
  // with Wine's reg.exe as Group Policy would; the native-reg reader where it loads, reg.exe otherwise.
  await step('language', async () => {
    const { chooseStartLanguage, policyLanguage } = await load('electron/i18n/choose-language.js');
    const { POLICY_KEY } = await load('shared/i18n/policy.js');
    const before = await chooseStartLanguage({ flag: null });
    const add = await runCommand('reg', ['add', POLICY_KEY, '/v', 'Language', '/t', 'REG_SZ', '/d', 'ja-JP', '/f', '/reg:64'], {
      timeoutMs: 10_000,
    });
    const withPolicy = await chooseStartLanguage({ flag: null });
    const withFlag = await chooseStartLanguage({ flag: 'de' });
    const lockedBy = await policyLanguage();
    // Values of no use, as a careless policy would write them: a language not spoken, a list of two.
    const write = (type, data) =>
      runCommand('reg', ['add', POLICY_KEY, '/v', 'Language', '/t', type, '/d', data, '/f', '/reg:64'], { timeoutMs: 10_000 });
    await write('REG_SZ', 'ko-KR');
    const notSpoken = await chooseStartLanguage({ flag: null });
    // The CLI says it on stderr, except to a format a fleet tool reads (its stderr must stay empty).
    const { runCli } = await load('electron/cli/main.js');
    const cli = async (args) => {
      let stdout = '';
      let stderr = '';
      const io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), color: false, columns: 1000, now: () => new Date() };
      const code = await runCli(args, io);
      return { code, stdout, stderr };
    };
    const sample = new URL('../samples/profiles/healthy-server.json', distUrl.endsWith('/') ? distUrl : `${distUrl}/`);
    const { fileURLToPath } = await import('node:url');
    const profile = fileURLToPath(sample);
    const noted = await cli(['check', '--profile', profile]);
    const quiet = await cli(['check', '--profile', profile, '--format', 'intune-detection']);
    // A carriage return and an escape in the value: shown, never obeyed, and no crash.
    await write('REG_SZ', 'de\x1b[31m\r');
    const controls = await cli(['check', '--profile', profile, '--json']);
    await write('REG_MULTI_SZ', 'de-DE\\0fr-FR');
    const aList = await chooseStartLanguage({ flag: null });
    await runCommand('reg', ['delete', POLICY_KEY, '/f', '/reg:64'], { timeoutMs: 10_000 });
    const after = await chooseStartLanguage({ flag: null });
    const clis = {
      noted: { code: noted.code, stderr: noted.stderr },
      quiet: { code: quiet.code, stderr: quiet.stderr },
      controls: { code: controls.code, stderr: controls.stderr, json: controls.stdout.startsWith('{') },
    };
    return { before, added: add.exitCode, withPolicy, withFlag, lockedBy, notSpoken, aList, clis, unlocked: await policyLanguage(), after };
  });
  await step('relocationWrite', async () => {
    const machine = windowsMachine({ run: runCommand, env: { ...process.env, ProgramData: 'C:\\ProgramData' } });
    const target = "D:\\MARS Cache\\O'Brien & Co ü";
    const written = await writeScratch(machine, { scratchLocation: target, providerScratchLocation: target });
    const restored = await writeScratch(machine, { scratchLocation: 'C:\\Scratch', providerScratchLocation: null });
    return { target, written, restored };
  });
}

/**
 * The cache move on the Wine machine: the real registry writes and read-backs, the real obengine service
 * (a Wine stub service registered under that name) through sc.exe, the real journal under ProgramData,
 * the real file system. Two things are replaced: the copy is Node's, because Wine's robocopy is a stub
 * that copies nothing (the "robocopy" phase runs it anyway, to see the move undone), and the check of who
 * may write the journal, which Wine cannot answer (below).
 */
async function move() {
  const { copyTree } = await load('electron/actions/copy-tree.js');
  const { parseFailpoint } = await load('electron/actions/fix-engine.js');
  const { planFix, runConfirmedFix, recoverFix } = await load('electron/services/fixes.js');
  const real = windowsMachine();
  const machine = {
    ...real,
    failpoints: true, // this Wine prefix is a test bench, not a user's machine
    files: { ...real.files, copyTree: phase === 'robocopy' ? real.files.copyTree : (from, to, options) => copyTree(from, to, options) },
    // Wine's icacls is a dummy and its PowerShell a stub: the folder is "protected" by the real icacls call,
    // but who may write the journal cannot be read back here (journal-acl tests cover the reading).
    stateDoubt: async () => null,
  };
  const steps = [];
  const options = {
    failpoint: parseFailpoint(process.env.MARS_READINESS_FAILPOINT),
    serviceTimeoutMs: 5_000,
    onStep: (id, state) => steps.push(`${id}:${state}`),
  };
  if (phase === 'resume') {
    const result = await recoverFix(machine, options);
    out.result = result && { outcome: result.outcome, error: result.error, journal: result.journal.state };
  } else {
    const to = process.env.MARS_WINE_TARGET;
    const planned = await planFix(machine, { action: 'relocate-cache', to });
    out.plan = planned.ok ? { from: planned.plan.from, to: planned.plan.to, neededBytes: planned.plan.neededBytes } : planned;
    if (planned.ok) {
      out.cautions = planned.plan.cautions;
      const result = await runConfirmedFix(machine, planned.plan, null, options);
      out.result = { outcome: result.outcome, error: result.error, journal: result.journal.state };
    }
  }
  out.steps = steps;
  out.service = (await real.services.query('obengine')).state;
  out.scratch = await readScratch(real);
}
