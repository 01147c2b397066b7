// The `fix --script` PowerShell, made from the plans the real planners make. PowerShell is not installed
// where these tests run, so they read the script as text: which checks it holds (one per precondition of
// the plan, by its marker), where plan data may appear (only inside single-quoted literals), what guards
// its undo, and the words and order of its steps. Nothing here runs the script.

import { afterAll, describe, expect, it } from 'vitest';
import {
  fixScript,
  JOURNAL_RELATIVE_PATH,
  PRECONDITION_MARKER,
  psLiteral,
  ROBOCOPY_OPTIONS,
  stepsHeading,
} from '../../../shared/actions/powershell-script.js';
import {
  ACTION_PRECONDITIONS,
  ACTION_STEPS,
  FIX_ACTIONS,
  FIX_STEP_IDS,
  PRECONDITION_IDS,
  type FixAction,
  type FixPlan,
  type PreconditionId,
} from '../../../shared/actions/fix-plan.js';
import { planRelocation, preconditionsOf } from '../../../shared/actions/relocate-plan.js';
import { planPointRegistry } from '../../../shared/actions/point-registry-plan.js';
import { planStartEngine } from '../../../shared/actions/start-engine-plan.js';
import type { MachineProfile, VolumeFacts } from '../../../shared/profile/types.js';
import { JOURNAL_FILE } from '../../../electron/actions/journal.js';
import { CLOUDBACKUP_CHANNELS, wevtutilArgs } from '../../../electron/machine/windows/backup-job.js';
import { robocopyArgs } from '../../../electron/machine/windows/windows-machine.js';
import { KEYS } from '../../../electron/probes/windows/keys.js';
import { GB, healthy } from '../../helpers/profiles.js';
import en from '../../../shared/i18n/catalogue/en/index.js';
import { LANGUAGES } from '../../../shared/i18n/languages.js';
import { loadCatalogue, speakLanguage } from '../../../shared/i18n/load.js';
import { speak } from '../../../shared/i18n/translate.js';

// The healthy sample: FS01, cache D:\MARS\Scratch, selection on E:; F: is a free volume to move to.
const FREE_VOLUME: VolumeFacts = {
  id: 'F:',
  fileSystem: 'NTFS',
  driveType: 'fixed',
  sizeBytes: 4096 * GB,
  freeBytes: 2048 * GB,
  readOnly: false,
  online: true,
  bitlocker: 'off',
  deduplicated: false,
  azureTemporary: false,
};

function ok(result: { ok: true; plan: FixPlan } | { ok: false; problems: string[] }): FixPlan {
  if (!result.ok) throw new Error(`the planner refused: ${result.problems.join('; ')}`);
  return result.plan;
}

function relocation(to = 'F:\\MARS Cache', change: (p: MachineProfile) => void = () => {}): FixPlan {
  const profile = healthy((p) => {
    p.volumes.push({ ...FREE_VOLUME });
    change(p);
  });
  return ok(planRelocation({ profile, to, target: null, offlineSeeding: false }));
}

/** The two values disagree; the folder Config names holds OnlineBackup.KEK, the provider's does not. */
function pointing(change: (p: MachineProfile) => void = (p) => (p.agent!.providerScratchLocation = 'E:\\Old Scratch')): FixPlan {
  const profile = healthy(change);
  const holders = [
    { path: 'D:\\MARS\\Scratch', holdsKey: true },
    { path: 'E:\\Old Scratch', holdsKey: false },
  ];
  return ok(planPointRegistry({ profile, holders }));
}

function starting(): FixPlan {
  return ok(planStartEngine(healthy((p) => (p.agent!.serviceState = 'stopped'))));
}

const PLANS: Record<FixAction, () => FixPlan> = {
  'relocate-cache': () => relocation(),
  'point-registry': () => pointing(),
  'start-engine': starting,
};

/** The ids of the `# precondition: <id>` markers, in order. */
function markers(script: string): string[] {
  return [...script.matchAll(/^# precondition: (.+)$/gm)].map((m) => m[1]!);
}

/** Each marker's snippet: from its line to the next marker, or to the steps. */
function snippets(script: string): Map<string, string> {
  const end = script.indexOf(stepsHeading());
  const found = new Map<string, string>();
  const starts = [...script.matchAll(/^# precondition: (.+)$/gm)];
  starts.forEach((m, i) => {
    const from = m.index + m[0].length;
    const to = i + 1 < starts.length ? starts[i + 1]!.index : end;
    found.set(m[1]!, script.slice(from, to));
  });
  return found;
}

/** The body of the script's undo function. */
function undoBody(script: string): string {
  const start = script.indexOf('function Undo-Fix {');
  expect(start).toBeGreaterThan(-1);
  return script.slice(start, script.indexOf('\n}\n', start));
}

/** The text of every `Write-Host '<literal>'` line, quotes undoubled. */
function progressLines(script: string): string[] {
  return [...script.matchAll(/^\s*Write-Host '((?:[^']|'')*)'\s*$/gm)].map((m) => m[1]!.replace(/''/g, "'"));
}

describe('fixScript: one check per precondition of the plan', () => {
  for (const action of FIX_ACTIONS) {
    it(`${action}: the markers are exactly the plan's preconditions, which are the action's, each check throwing or asking`, () => {
      const plan = PLANS[action]();
      expect(plan.action).toBe(action);
      const script = fixScript(plan);
      const found = markers(script);
      expect(new Set(found)).toEqual(new Set(plan.preconditions.map((p) => p.id)));
      expect(new Set(found)).toEqual(new Set(ACTION_PRECONDITIONS[action]));
      // Each once, and all of them before anything is changed.
      expect(found).toHaveLength(ACTION_PRECONDITIONS[action].length);
      const steps = script.indexOf(stepsHeading());
      for (const id of found) expect(script.indexOf(`${PRECONDITION_MARKER}${id}\n`), id).toBeLessThan(steps);
      for (const [id, snippet] of snippets(script)) expect(snippet, id).toMatch(/\bthrow\b|\bRead-Host\b/);
    });
  }

  it('a plan with a precondition dropped gets a script without its check, so the markers no longer match the action', () => {
    for (const action of FIX_ACTIONS) {
      const plan = PLANS[action]();
      const dropped = plan.preconditions[plan.preconditions.length - 1]!.id;
      const script = fixScript({ ...plan, preconditions: plan.preconditions.filter((p) => p.id !== dropped) });
      const found = new Set(markers(script));
      expect(found, action).not.toEqual(new Set(ACTION_PRECONDITIONS[action]));
      expect(
        [...new Set(ACTION_PRECONDITIONS[action])].filter((id) => !found.has(id)),
        action,
      ).toEqual([dropped]);
    }
  });

  it('every precondition id there is has a check of its own that throws, whatever plan lists it', () => {
    const plan = relocation();
    const all = PRECONDITION_IDS.map((id) => ({ id, says: `checks ${id}` }));
    const found = snippets(fixScript({ ...plan, preconditions: all }));
    expect([...found.keys()]).toEqual([...PRECONDITION_IDS]);
    // The warn-and-ask ones ask, and stop unless told yes; every other one throws.
    const asking: PreconditionId[] = ['no-backup-running', 'no-offline-seeding'];
    for (const [id, snippet] of found) {
      expect(snippet, id).toMatch(/\bthrow\b/);
      if (asking.includes(id as PreconditionId))
        expect(snippet, id).toMatch(/Write-Warning[\s\S]*Read-Host[\s\S]*-notmatch '\^\(y\|yes\)\$'/);
    }
  });

  it('reads the machine as the engine and the planners do: no localised text, the same logs, keys and paths', () => {
    const script = fixScript({ ...relocation(), preconditions: PRECONDITION_IDS.map((id) => ({ id, says: '' })) });
    const check = snippets(script);
    expect(check.get('same-host')).toMatch(/\[string\]::Equals\(\$env:COMPUTERNAME, \$PlanHost, \[StringComparison\]::OrdinalIgnoreCase\)/);
    expect(script).toContain(`$SetupKey = ${psLiteral(KEYS.agentSetup.replace('HKLM\\', 'HKLM:\\'))}`);
    expect(check.get('agent-installed')).toContain('Test-Path -LiteralPath $SetupKey');
    expect(check.get('service-known')).toContain('Get-Service -Name $EngineName');
    // The journal the wizard writes, and a state other than closed refuses.
    expect(JOURNAL_RELATIVE_PATH.endsWith(`\\${JOURNAL_FILE}`)).toBe(true);
    expect(check.get('no-recovery-pending')).toMatch(/\$journal\.state -ne 'closed'/);
    // The same channels and job events the engine's probe reads; a start (1) throws.
    const backup = check.get('no-backup-running')!;
    expect(backup).toContain(`@(${CLOUDBACKUP_CHANNELS.map((c) => psLiteral(c)).join(', ')})`);
    const events = [...wevtutilArgs('x')[2]!.matchAll(/EventID=(\d+)/g)].map((m) => m[1]);
    expect(backup).toContain(`Id = ${events.join(', ')} }`);
    expect(backup).toMatch(/\$newestJob\.Id -eq 1\)[\s\S]*throw \('A backup is running now/);
    expect(backup).toMatch(/FullyQualifiedErrorId -notlike 'NoMatchingEventsFound\*'/);
    // Both logs are read; the newest job event across them decides.
    expect(backup).toContain('$newestJob = $jobEvents | Sort-Object -Property TimeCreated -Descending | Select-Object -First 1');
    expect(check.get('source-holds-key')).toMatch(/Combine\(\$To, \$CacheKeyFile\)/);
    expect(script).toContain("$CacheKeyFile = 'OnlineBackup.KEK'");
    expect(check.get('target-outside-selection')).toMatch(/foreach \(\$selectedItem in \$Selected\)[\s\S]*Test-Within \$To \$selectedItem/);
    expect(script).toMatch(/TrimEnd\('\\'\) \+ '\\'\)[\s\S]*OrdinalIgnoreCase/);
    expect(check.get('target-volume-local')).toMatch(/DriveType -notin @\('Fixed', '3'\)/);
    expect(check.get('target-volume-ntfs')).toMatch(/-notcontains 'NTFS'/);
    expect(check.get('target-volume-qualifies')).toMatch(/Get-BitLockerVolume[\s\S]*LockStatus -eq 'Locked'/);
    expect(check.get('target-free-space')).toContain('$targetVolume.SizeRemaining -lt $NeededBytes');
    expect(script).toContain(`$NeededBytes = [long]${relocation().neededBytes}`);
    expect(check.get('target-no-link')).toContain('[IO.FileAttributes]::ReparsePoint');
    expect(check.get('target-plain-folder')).toContain("@('Compressed', 'Encrypted', 'SparseFile')");
    expect(check.get('no-system-state-disks')).toMatch(/Win32_Volume[\s\S]*-like 'CBSSBVol_\*'/);
    expect(check.get('no-system-state-disks')).toContain('unmount the CBSSBVol_<ID> disks in Disk Management first');
    expect(check.get('service-stopped')).toContain("-ne 'Stopped'");
    // The copy uses the engine's own robocopy options.
    expect(ROBOCOPY_OPTIONS).toEqual(robocopyArgs('a', 'b').slice(2));
  });

  it('keeps the check for a plan without a host, which then lets any computer through', () => {
    const script = fixScript({ ...starting(), host: null });
    expect(script).toContain('$PlanHost = $null');
    expect(snippets(script).get('same-host')).toMatch(/\$null -ne \$PlanHost -and[\s\S]*throw/);
  });
});

describe('fixScript: plan data only inside single-quoted literals', () => {
  const SOURCE = "D:\\Cache 'x' $env:A `$(calc)` ü";
  // A target cannot hold a colon (the planner refuses it): the same hazards otherwise.
  const TARGET = "F:\\Neu 'y' $A `$(calc)` ü\u2019s";
  const SELECTED = "E:\\Daten $(Remove-Item C:\\) 'z' `n";
  const hostile = () =>
    relocation(TARGET, (p) => {
      p.cache!.path = SOURCE;
      p.agent!.scratchLocation = SOURCE;
      p.agent!.providerScratchLocation = null;
      p.selection!.items.push({ ...p.selection!.items[0]!, path: SELECTED });
    });

  it('writes each path only as its literal, set once to a variable or listed in an array', () => {
    const plan = hostile();
    expect(plan).toMatchObject({ from: SOURCE, to: TARGET });
    expect(plan.selectedPaths).toContain(SELECTED);
    const script = fixScript(plan);
    let rest = script;
    for (const text of [SOURCE, TARGET, SELECTED]) {
      const literal = psLiteral(text);
      const at = [...script.matchAll(new RegExp(literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map((m) => m.index);
      expect(at.length, text).toBeGreaterThan(0);
      for (const index of at) {
        // A whole token: after "= " or an array's indent, before the end of the line, ";", "," or " }".
        expect(script.slice(index - 2, index), text).toMatch(/^(= | {2})$/);
        expect(script.slice(index + literal.length, index + literal.length + 2), text).toMatch(/^(\n|;|,|\r| \})/);
      }
      rest = rest.split(literal).join("'<literal>'");
    }
    // Outside its literals, nothing of any path is left: not a word, not its $, not its backtick.
    for (const fragment of ["Cache '", "Neu '", 'Daten', 'calc', '$env:A', '$A ', 'Remove-Item C:', '`'])
      expect(rest, fragment).not.toContain(fragment);
    // And every "$(" left is the script's own: a variable, an if, a path it builds.
    for (const m of rest.matchAll(/\$\(/g)) expect(rest.slice(m.index, m.index + 12)).toMatch(/^\$\((\$|if |\[IO\.Path\])/);
    expect(script).toContain('$From = ' + psLiteral(SOURCE));
    expect(script).toContain('$To = ' + psLiteral(TARGET));
  });

  it('quotes doubled, the typographic ones too, so that each literal reads back as the path', () => {
    const script = fixScript(hostile());
    expect(script).toContain("$From = 'D:\\Cache ''x'' $env:A `$(calc)` ü'");
    expect(script).toContain("$To = 'F:\\Neu ''y'' $A `$(calc)` ü\u2019\u2019s'");
    const unquote = (literal: string) => literal.slice(1, -1).replace(/(['\u2018\u2019\u201a\u201b])\1/g, '$1');
    for (const text of [SOURCE, TARGET, SELECTED]) expect(unquote(psLiteral(text))).toBe(text);
  });

  it('never writes plan data into a comment, a double-quoted string or a progress line', () => {
    const script = fixScript(hostile());
    for (const line of script.split('\n')) {
      if (/^\s*#/.test(line)) expect(line).not.toMatch(/Cache '|Neu '|Daten/);
      for (const quoted of line.matchAll(/"[^"]*"/g)) expect(quoted[0]).not.toMatch(/calc|Daten|Neu '|Cache '/);
    }
    for (const words of progressLines(script)) expect(words).not.toMatch(/calc|Daten|Neu|Cache '/);
  });

  it('a script with any non-English letter first proves it was read in the encoding it was written in', () => {
    const script = fixScript(hostile());
    const probe = script.indexOf("$EncodingProbe = '\u00fc\u30ad'");
    expect(probe).toBeGreaterThan(-1);
    expect(probe).toBeLessThan(script.indexOf('$From = '));
    expect(script.slice(probe)).toMatch(/^\$EncodingProbe[^\n]*\nif \(\$EncodingProbe\.Length -ne 2[^\n]*\{\n\s+throw /);
    // An ASCII-only script needs no such proof.
    expect(fixScript(relocation())).not.toContain('$EncodingProbe');
  });
});

describe('fixScript: the undo, as the engine does it', () => {
  it('relocate-cache: removes a copied file only when its SHA-256 is the original, a folder only when created and empty', () => {
    const script = fixScript(relocation());
    const undo = undoBody(script);
    // Files: only those recorded as copied, and only after the two hashes compare equal.
    const files = undo.slice(undo.indexOf('foreach ($relative in @($CopiedFiles'), undo.indexOf('foreach ($createdFolder'));
    expect(files).toMatch(
      /\$sameHash = \(Test-Path -LiteralPath \$original -PathType Leaf\) -and \(Get-FileHash -LiteralPath \$copy -Algorithm SHA256\)\.Hash -eq \(Get-FileHash -LiteralPath \$original -Algorithm SHA256\)\.Hash/,
    );
    expect(files).toMatch(/if \(\$sameHash\) \{\s+try \{ Remove-Item -LiteralPath \$copy -Force \}/);
    expect(files.indexOf('$sameHash = (Test-Path')).toBeLessThan(files.indexOf('Remove-Item -LiteralPath $copy'));
    expect(files.match(/Remove-Item/g)).toHaveLength(1);
    // Folders: only those recorded as created, deepest first, and only when empty.
    const folders = undo.slice(undo.indexOf('foreach ($createdFolder'));
    expect(folders).toMatch(/^foreach \(\$createdFolder in @\(\$CreatedFolders \| Sort-Object -Property Length -Descending\)\)/);
    expect(folders).toMatch(
      /if \(\$null -eq \(Get-ChildItem -LiteralPath \$createdFolder -Force \| Select-Object -First 1\)\) \{\s+try \{ Remove-Item -LiteralPath \$createdFolder -Force \}/,
    );
    expect(undo.match(/Remove-Item /g)).toHaveLength(2);
    // Nothing is ever removed recursively, anywhere in the script.
    expect(script).not.toMatch(/-Recurse/);
    // The records are made before what they record: the file list before robocopy, each folder before it is made.
    const copy = script.slice(script.indexOf("Write-Host 'Step 2 of 6"), script.indexOf("Write-Host 'Step 3 of 6"));
    expect(copy.indexOf('$CopiedFiles.Add(')).toBeLessThan(copy.indexOf('& $Robocopy'));
    expect(copy.indexOf('$CreatedFolders.Add($folder)')).toBeLessThan(copy.indexOf('CreateDirectory($folder)'));
    expect(copy).toMatch(/-not \(Test-Path -LiteralPath \$folder\)/);
    // Both registry values back to the plan's previous ones, read back; the engine restarted only if the script stopped it.
    expect(undo).toMatch(
      /if \(\$null -eq \$change\.Before\) \{ Remove-ItemProperty[\s\S]*else \{ Set-ItemProperty -LiteralPath \$change\.Key -Name \$change\.Name -Value \$change\.Before/,
    );
    expect(undo).toMatch(/-cne \$change\.Before\) \{\s+throw/);
    expect(undo).toMatch(/if \(\$StoppedEngine -and \$engineService\.Status -ne 'Running'\) \{[\s\S]*\.Start\(\)/);
    expect(script).toMatch(/if \(\$engineService\.Status -ne 'Stopped'\) \{\s+\$StoppedEngine = \$true/);
    // Any failure of a step runs the undo, then fails the script.
    expect(script).toMatch(
      /\} catch \{[\s\S]*Undo-Fix\n\s+Write-Host 'Everything this script changed was put back\.'\n\s+throw \$failure\n\}/,
    );
  });

  it("restores each value to the plan's previous one: a value that was not set is deleted again", () => {
    // Config names the cache; the provider's value is missing.
    const plan = pointing((p) => (p.agent!.providerScratchLocation = null));
    expect(plan.previous).toEqual({ scratchLocation: 'D:\\MARS\\Scratch', providerScratchLocation: null });
    const script = fixScript(plan);
    expect(script).toContain(
      "[pscustomobject]@{ Key = 'HKLM:\\SOFTWARE\\Microsoft\\Windows Azure Backup\\Config'; Name = 'ScratchLocation'; Before = 'D:\\MARS\\Scratch'; After = 'D:\\MARS\\Scratch' }",
    );
    expect(script).toContain(
      `[pscustomobject]@{ Key = ${psLiteral(KEYS.agentProviderConfig.replace('HKLM\\', 'HKLM:\\'))}; Name = 'ScratchLocation'; Before = $null; After = 'D:\\MARS\\Scratch' }`,
    );
  });

  it('point-registry undoes the values and the stop only; start-engine has nothing to undo', () => {
    const pointUndo = undoBody(fixScript(pointing()));
    expect(pointUndo).toContain('if ($RegistryChanged) {');
    expect(pointUndo).toContain('if ($StoppedEngine -and');
    expect(pointUndo).not.toMatch(/Remove-Item |CopiedFiles|CreatedFolders/);
    const startScript = fixScript(starting());
    const startUndo = undoBody(startScript);
    expect(startUndo).not.toMatch(/Set-ItemProperty|Remove-Item|\.Stop\(\)|\.Start\(\)/);
    expect(startUndo).toContain("Write-Host 'Nothing was changed that needs undoing.'");
    expect(startScript).not.toMatch(/\$Registry\b|robocopy/i);
  });
});

describe('fixScript: the steps, in words and in order', () => {
  /** What each step's code must do, between its title and the next. */
  const DOES: Record<(typeof FIX_STEP_IDS)[number], RegExp[]> = {
    'stop-service': [/\.Stop\(\)/, /WaitForStatus\('Stopped', '00:01:00'\)/],
    copy: [/& \$Robocopy \$robocopySource \$To \/E \/COPYALL/, /\$LASTEXITCODE -ge 8\) \{ throw/],
    verify: [/-PathType Leaf\)\) \{ throw/, /\.Length -ne \(Get-Item/, /Get-FileHash -LiteralPath \$copy -Algorithm SHA256\)\.Hash -ne/],
    'set-registry': [
      /Set-ItemProperty -LiteralPath \$change\.Key -Name \$change\.Name -Value \$change\.After -Type String/,
      /\$readBack -ne \$change\.After\) \{ throw/,
    ],
    'start-service': [/\.Start\(\)/, /WaitForStatus\('Running', '00:01:00'\)/],
    reprobe: [/Start-Sleep -Seconds 5/, /Status -ne 'Running'\) \{ \$afterwards \+=/, /throw \('Afterwards, '/],
  };

  for (const action of FIX_ACTIONS) {
    it(`${action}: says each of its steps in words, in the plan's order, each followed by what it does`, () => {
      const plan = PLANS[action]();
      expect(plan.steps.map((s) => s.id)).toEqual([...ACTION_STEPS[action]]);
      const script = fixScript(plan);
      const run = script.slice(script.indexOf(stepsHeading()));
      const titles = plan.steps.map((step, i) => `Step ${i + 1} of ${plan.steps.length}: ${step.title}...`);
      const at = titles.map((title) => run.indexOf(`Write-Host ${psLiteral(title)}`));
      for (const [i, index] of at.entries()) expect(index, titles[i]).toBeGreaterThan(-1);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      plan.steps.forEach((step, i) => {
        const block = run.slice(at[i], i + 1 < at.length ? at[i + 1] : run.indexOf('} catch {'));
        for (const pattern of DOES[step.id]) expect(block, step.id).toMatch(pattern);
      });
      // Steps the action does not have are not in its script.
      for (const id of FIX_STEP_IDS.filter((s) => !ACTION_STEPS[action].includes(s))) expect(run, id).not.toMatch(DOES[id][0]!);
      // A progress line is never a step id, alone or after its number.
      for (const words of progressLines(script)) {
        const bare = words.replace(/^Step \d+ of \d+: /, '').replace(/\.+$/, '');
        expect(FIX_STEP_IDS as readonly string[], words).not.toContain(bare);
        expect(words).toMatch(/ /);
      }
    });
  }

  it('point-registry and relocate-cache check afterwards that both values name the folder', () => {
    for (const plan of [relocation(), pointing()]) {
      const reprobe = fixScript(plan).slice(fixScript(plan).lastIndexOf("Write-Host 'Step"));
      expect(reprobe, plan.action).toMatch(
        /foreach \(\$change in \$Registry\) \{\s+if \(\(Get-RegistryText \$change\.Key \$change\.Name\) -ne \$To\)/,
      );
    }
    expect(fixScript(starting())).not.toContain('-ne $To');
  });

  it('refuses to make a script from a plan the engine would not carry out', () => {
    const plan = relocation();
    const step = (id: string) => plan.steps.find((s) => s.id === id)!;
    expect(() => fixScript({ ...plan, steps: [step('copy'), step('stop-service')] })).toThrow(/not among relocate-cache's, in order/);
    expect(() => fixScript({ ...plan, steps: plan.steps.filter((s) => s.id !== 'verify') })).toThrow(/without verifying/);
    expect(() => fixScript({ ...plan, registry: [{ ...plan.registry[0]!, after: 'G:\\Elsewhere' }, plan.registry[1]!] })).toThrow(
      /registry changes/,
    );
    expect(() => fixScript({ ...starting(), steps: [...starting().steps, step('copy')] })).toThrow(/not among start-engine's/);
    // The planners' own lists pass.
    for (const action of FIX_ACTIONS) expect(preconditionsOf(action).map((p) => p.id)).toEqual([...ACTION_PRECONDITIONS[action]]);
  });
});

/**
 * The script's tokens as Windows PowerShell reads them, as far as quoting goes: single-quoted strings (a
 * quote, typographic ones too, written twice stays inside), double-quoted ones (a backtick escapes), comments
 * from a # at a token's start to the end of the line, and code. Enough to tell what is quoted and what is not.
 */
function tokens(script: string): { kind: 'single' | 'double' | 'comment' | 'code'; text: string }[] {
  const QUOTE = /['\u2018\u2019\u201a\u201b]/;
  const found: { kind: 'single' | 'double' | 'comment' | 'code'; text: string }[] = [];
  let code = '';
  let i = 0;
  const flush = () => {
    if (code !== '') found.push({ kind: 'code', text: code });
    code = '';
  };
  while (i < script.length) {
    const c = script[i]!;
    if (QUOTE.test(c)) {
      flush();
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= script.length) throw new Error(`a single-quoted string is never closed: ${script.slice(i, i + 60)}`);
        if (QUOTE.test(script[j]!)) {
          if (QUOTE.test(script[j + 1] ?? '')) {
            text += script[j];
            j += 2;
            continue;
          }
          break;
        }
        text += script[j++];
      }
      found.push({ kind: 'single', text });
      i = j + 1;
    } else if (c === '"') {
      flush();
      let j = i + 1;
      while (j < script.length && script[j] !== '"') j += script[j] === '`' ? 2 : 1;
      found.push({ kind: 'double', text: script.slice(i + 1, j) });
      i = j + 1;
    } else if (c === '#' && (i === 0 || /\s/.test(script[i - 1]!))) {
      flush();
      const end = script.indexOf('\n', i);
      found.push({ kind: 'comment', text: script.slice(i, end === -1 ? undefined : end) });
      i = end === -1 ? script.length : end;
    } else {
      code += c;
      i++;
    }
  }
  flush();
  return found;
}

describe('fixScript: one language throughout, the run’s', () => {
  afterAll(() => speak('en', en));
  const OTHERS = LANGUAGES.filter((l) => l !== 'en');
  /** Scripts that between them hold every message: each action, and a relocation checking every precondition. */
  const scripts = () => [
    ...FIX_ACTIONS.map((action) => fixScript(PLANS[action]())),
    fixScript({ ...relocation(), host: null, preconditions: PRECONDITION_IDS.map((id) => ({ id, says: '' })) }),
    fixScript({ ...starting(), host: 'not a host name!' }),
  ];
  /** A script's text with its comments' line breaks undone, so that a wrapped sentence reads whole. */
  const unwrapped = (script: string) => script.replace(/\n[ \t]*# /g, ' ');
  /** The English words of every script message, between its arguments: what no other language's script may hold. */
  const englishSentences = () =>
    Object.entries(en)
      .filter(([id]) => id.startsWith('script.'))
      .flatMap(([, text]) => text.split(/\{(?:[^{}]|\{[^{}]*\})*\}/))
      .map((part) => part.trim())
      .filter((part) => /[A-Za-z]{2,}[ -][A-Za-z]{2,}/.test(part));

  it('English: the script holds the English messages it is checked against below', () => {
    speak('en', en);
    const english = unwrapped(scripts().join('\n'));
    const present = englishSentences().filter((s) => english.includes(s) || english.includes(s.replace(/'/g, "''")));
    // Nearly all of them (a few are the pieces of a message, said only in one kind of plan).
    expect(present.length).toBeGreaterThan(100);
    expect(english).toContain("Write-Host 'Step 1 of 6: ");
  });

  for (const language of OTHERS) {
    it(`${language}: no English sentence of the script's messages is left, in a comment, a message or the prompt`, async () => {
      speak('en', en);
      const english = unwrapped(scripts().join('\n'));
      await speakLanguage(language);
      const raw = scripts().join('\n');
      const script = unwrapped(raw);
      const left = englishSentences().filter(
        (s) =>
          (english.includes(s) || english.includes(s.replace(/'/g, "''"))) &&
          (script.includes(s) || script.includes(s.replace(/'/g, "''"))),
      );
      expect(left).toEqual([]);
      expect(script).not.toMatch(/Step \d+ of \d+|\(y\/N\)|\(not set\)/);
      // Every message it says is a quoted literal of the language's words; none is a double-quoted string any more.
      expect(tokens(raw).filter((token) => token.kind === 'double')).toEqual([]);
    });

    it(`${language}: the prompts take y, yes and the language's own yes, say which to type, and take nothing else`, async () => {
      await speakLanguage(language);
      const catalogue = await loadCatalogue(language);
      const ownWords = catalogue['script.ask.yesWords']!.split(/\s+/);
      const script = fixScript(relocation());
      const asks = [...script.matchAll(/Read-Host '((?:[^']|'')*)'\n\s*if \(\$answer -notmatch '((?:[^']|'')*)'\) \{ throw /g)];
      expect(asks).toHaveLength(2);
      for (const [, prompt, pattern] of asks) {
        expect(prompt).toContain(catalogue['script.ask.hint']);
        expect(prompt).toContain(ownWords[0]);
        // PowerShell's -notmatch ignores case, as the i flag does.
        const yes = new RegExp(pattern!.replace(/''/g, "'"), 'i');
        for (const word of ['y', 'Y', 'yes', 'YES', ...ownWords, ...ownWords.map((w) => w.toUpperCase())]) expect(word, word).toMatch(yes);
        for (const word of ['', 'n', 'no', 'N', 'nein', 'non', 'いいえ', '否', 'yes no', ` ${ownWords[0]}x`])
          expect(word, word).not.toMatch(yes);
      }
    });
  }

  it('English keeps its prompt and its y/yes', () => {
    speak('en', en);
    const script = fixScript(relocation());
    expect(script).toContain("Read-Host 'Is no backup running, so that this may go on? (y/N)'");
    expect(script.match(/-notmatch '\^\(y\|yes\)\$'/g)).toHaveLength(2);
  });

  it('a translation with quotes, $(...), backticks and line breaks stays inside its quotes, and a comment on its line', () => {
    const HOSTILE = 'l\'agent ’x’ "y" $(Remove-Item C:\\) `$env:A` {service}\nnext line';
    const WITH_VALUE = "l'$(calc) {count} '' `n";
    speak('fr', {
      ...en,
      'script.check.noService': HOSTILE,
      'script.step.allMatch': WITH_VALUE,
      'script.check.noHost': "l'hôte $(calc)\n Remove-Item C:\\ '",
      'script.ask.yesWords': "o'ui $(calc) .*",
    });
    const script = fixScript({ ...relocation(), host: null });
    const said = HOSTILE.replace('{service}', 'obengine');
    expect(script).toContain(`  throw ${psLiteral(said)}\n}`);
    expect(script).toContain("  throw 'l''agent ’’x’’ \"y\" $(Remove-Item C:\\) `$env:A` obengine\nnext line'\n}");
    expect(script).toContain("Write-Host ('l''$(calc) ' + [string]($CopiedFiles.Count) + ' '' `n')");
    // The comment is one line, after its #.
    expect(script).toContain("\n# l'hôte $(calc) Remove-Item C:\\ '\n");
    // The yes words are matched as words, never as a pattern: o'ui's quote doubled, $( and .* escaped.
    expect(script).toContain("-notmatch '^(y|yes|o''ui|\\$\\(calc\\)|\\.\\*)$'");
    // Read as PowerShell reads quotes: every word of the translations is inside a single-quoted string or a comment.
    const read = tokens(script);
    for (const token of read.filter((tk) => tk.kind === 'code')) expect(token.text).not.toMatch(/calc|Remove-Item C:|agent|next line|hôte/);
    expect(read.filter((tk) => tk.kind === 'double')).toEqual([]);
    expect(read.filter((tk) => tk.kind === 'single').map((tk) => tk.text)).toContain(said);
  });

  for (const language of LANGUAGES) {
    it(`${language}: the hostile paths stay single-quoted literals, and the quoting reads them back whole`, async () => {
      await speakLanguage(language);
      const SOURCE = "D:\\Cache 'x' $env:A `$(calc)` ü";
      const TARGET = "F:\\Neu 'y' $A `$(calc)` ü\u2019s";
      const plan = relocation(TARGET, (p) => {
        p.cache!.path = SOURCE;
        p.agent!.scratchLocation = SOURCE;
        p.agent!.providerScratchLocation = null;
      });
      const script = fixScript(plan);
      expect(script).toContain(`$From = ${psLiteral(SOURCE)}\n`);
      expect(script).toContain(`$To = ${psLiteral(TARGET)}\n`);
      const read = tokens(script);
      expect(read.filter((tk) => tk.kind === 'single').map((tk) => tk.text)).toEqual(expect.arrayContaining([SOURCE, TARGET]));
      for (const token of read.filter((tk) => tk.kind !== 'single')) expect(token.text).not.toMatch(/calc|Cache '|Neu '/);
    });
  }
});
