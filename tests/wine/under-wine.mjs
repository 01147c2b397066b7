// Runs under Wine with the Windows build of Node: the project's built win32 code against Wine's own
// reg.exe, sc.exe and wmic. Writes what it saw to the file named by its first argument; the Linux-side
// test (wine-tier.test.ts) asserts on it.
import { writeFileSync } from 'node:fs';

const [resultFile, distUrl] = process.argv.slice(2);
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
const { regExeReader } = await load('electron/probes/windows/registry.js');
const { probeWindowsOs, probeWindowsSoftware } = await load('electron/probes/windows/os-windows.js');
const { probeWindowsAgent } = await load('electron/probes/windows/agent-windows.js');
const { queryService } = await load('electron/probes/windows/service-control.js');
const { probeMachineFacts } = await load('electron/probes/windows/machine-facts.js');
const { windowsRelocationMachine } = await load('electron/actions/windows-relocation.js');
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
await step('relocationWrite', async () => {
  const machine = windowsRelocationMachine(runCommand, 'C:\\ProgramData');
  const target = "D:\\MARS Cache\\O'Brien & Co ü";
  const written = await machine.writeScratch({ scratchLocation: target, providerScratchLocation: target });
  const restored = await machine.writeScratch({ scratchLocation: 'C:\\Scratch', providerScratchLocation: null });
  return { target, written, restored };
});
writeFileSync(resultFile, JSON.stringify(out, null, 2));
