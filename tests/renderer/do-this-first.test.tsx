// @vitest-environment jsdom
// The Do this first list (DoThisFirst), rendered on its own for sample profiles: grouped by who acts in
// words that fit the machine, the worst first and the numbering running on across groups; each action with
// its steps in the wizard's words, what it resolves as links that open and focus the finding's card, and
// one Fix button per action the wizard can carry out, which hands the card's own handler the finding whose
// fix it is. Nothing to do: nothing shown. The cards beside it stand in for FindingCard with what the links
// rely on: an Accordion whose id is findingAnchor(finding) and whose summary's is `${id}-summary`.
import { Accordion, AccordionDetails, AccordionSummary } from '@mui/material';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DoThisFirst } from '../../renderer/src/components/DoThisFirst.js';
import type { MachineProfile } from '../../shared/profile/types.js';
import { validateProfile } from '../../shared/profile/validate.js';
import { findingAnchor } from '../../shared/report/anchor.js';
import { buildReport } from '../../shared/report/build.js';
import { doThisFirst, whoWords } from '../../shared/report/do-this-first.js';
import { guiSteps } from '../../shared/report/gui-words.js';
import type { Finding, Report } from '../../shared/report/types.js';
import { sampleProfile } from './fake-api.js';

afterEach(cleanup);

const reportOf = (profile: MachineProfile): Report =>
  buildReport(profile, { edition: 'current', toolVersion: 'test', now: new Date('2026-12-01T07:45:00Z') });

/** A finding card as the results page shows it, closed (as a card of a pass or an unknown starts). */
function Card({ finding }: { finding: Finding }) {
  const id = findingAnchor(finding);
  return (
    <Accordion id={id} disableGutters slotProps={{ heading: { component: 'h3' } }}>
      <AccordionSummary aria-controls={`${id}-details`} id={`${id}-summary`}>
        {finding.title}
      </AccordionSummary>
      <AccordionDetails id={`${id}-details`}>{finding.detail}</AccordionDetails>
    </Accordion>
  );
}

/** The list, and the finding cards it links to. */
function shown(report: Report, onFix?: (f: Finding) => void, origin: 'live' | 'opened' = 'live') {
  render(
    <>
      <DoThisFirst report={report} origin={origin} {...(onFix ? { onFix } : {})} />
      <section aria-label="Findings">
        {report.findings.map((f) => (
          <Card key={findingAnchor(f)} finding={f} />
        ))}
      </section>
    </>,
  );
  return screen.getByRole('region', { name: 'Do this first' });
}

/** Each action's list item, by its title. */
const item = (region: HTMLElement, title: string) => within(region).getByRole('listitem', { name: title });

const SAMPLES = ['cache-problems', 'pre-install', 'azure-vm', 'old-os', 'v2-old-agent', 'v2-last-backup-failed', 'v2-known-errors'];

describe('Do this first, for each sample', () => {
  for (const name of SAMPLES)
    it(`${name}: every action under its group, with its steps, links to what it resolves and its fix`, () => {
      const report = reportOf(sampleProfile(name));
      const list = doThisFirst(report);
      const onFix = vi.fn();
      const region = shown(report, onFix);
      expect(within(region).getByRole('heading', { level: 2 }).textContent).toBe('Do this first');
      expect(
        within(region)
          .getAllByRole('heading', { level: 3 })
          .map((h) => h.textContent),
      ).toEqual(list.groups.map((g) => whoWords(g.who, list.machine)));
      let n = 0;
      for (const group of list.groups) {
        const ol = within(region).getByRole('list', { name: whoWords(group.who, list.machine) });
        expect(ol.getAttribute('start')).toBe(String(n + 1));
        n += group.actions.length;
        for (const action of group.actions) {
          const li = within(ol).getByRole('listitem', { name: action.title });
          const steps = within(li).getByRole('list', { name: `How: ${action.title}` });
          expect(
            within(steps)
              .getAllByRole('listitem')
              .map((s) => s.textContent),
          ).toEqual(guiSteps({ fix: { ...action.resolves[0]!.fix!, steps: action.steps } }, 'live'));
          const links = within(li).getAllByRole('link');
          expect(links.map((a) => a.textContent)).toEqual(action.resolves.map((f) => f.title));
          expect(links.map((a) => a.getAttribute('href'))).toEqual(action.resolves.map((f) => `#${findingAnchor(f)}`));
          for (const link of links) expect(document.getElementById(link.getAttribute('href')!.slice(1))).not.toBeNull();
          expect(li.textContent).toContain('Resolves: ');
          expect(within(li).queryAllByRole('button')).toHaveLength(action.action ? 1 : 0);
        }
      }
      expect(within(region).getAllByRole('listitem', { name: /./ })).toHaveLength(list.count);
      // Plain words: no check id on its own, no contract word for a person.
      expect(region.textContent).not.toMatch(/server admin\b|\b[a-z]+\.[a-z-]+ \(|1 actions/);
    });

  it('says nothing for a machine with nothing to do', () => {
    const { container } = render(<DoThisFirst report={reportOf(sampleProfile('healthy-server'))} origin="live" onFix={() => {}} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('the words fit the machine', () => {
  it('a Windows 11 laptop has an administrator of this PC, not a server admin; the worst group first', () => {
    const region = shown(reportOf(sampleProfile('pre-install')));
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['An administrator of this PC', 'The network team', 'You', 'The helpdesk']);
    expect(within(region).getByText('5 actions, by who carries them out, the most pressing first.')).toBeTruthy();
    const question = item(region, 'Find out whether the cache folder is a plain folder');
    expect(within(question).getByText('Not known yet')).toBeTruthy();
    expect(within(item(region, 'Take E: out of the selection, and back it up where it is stored')).getByText('Needed')).toBeTruthy();
  });

  it('one action is said in the singular', () => {
    const profile = sampleProfile('healthy-server');
    profile.agent!.serviceState = 'stopped';
    const report = reportOf(profile);
    expect(doThisFirst(report).count).toBe(1);
    const region = shown(report);
    expect(within(region).getByText('1 action, by who carries it out, the most pressing first.')).toBeTruthy();
  });

  it('a server has a server administrator', () => {
    const region = shown(reportOf(sampleProfile('cache-problems')));
    expect(
      within(region)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent),
    ).toEqual(['A server administrator']);
  });
});

describe('merged actions and their fix', () => {
  it('the cache on a full Azure temporary disk and the SalLowDiskSpace it caused: one action, one move button', async () => {
    const profile = sampleProfile('azure-vm');
    profile.schemaVersion = 2;
    profile.volumes.find((v) => v.id === 'D:')!.freeBytes = 2 ** 30;
    profile.history = {
      windowDays: 14,
      events: [{ id: 11, time: '2026-11-19T21:47:30Z' }],
      errorCodes: [{ code: 'SalLowDiskSpace', source: 'errlog', count: 2 }],
    };
    expect(validateProfile(profile).ok).toBe(true);
    const report = reportOf(profile);
    const onFix = vi.fn();
    const user = userEvent.setup();
    const region = shown(report, onFix);
    const move = item(region, "Move the cache folder to a folder on a local, fixed disk with room (not the Azure VM's temporary disk)");
    expect(
      within(move)
        .getAllByRole('link')
        .map((a) => a.textContent),
    ).toEqual([
      'Not enough free space for the cache',
      "The cache is on the Azure VM's temporary disk",
      // What follows from it, the worst first.
      'The last backup failed',
      "Error SalLowDiskSpace: the volume of the agent's cache folder ran out of space",
    ]);
    expect(within(region).getAllByRole('button', { name: 'Move the cache folder…' })).toHaveLength(1);
    await user.click(within(move).getByRole('button', { name: 'Move the cache folder…' }));
    expect(onFix).toHaveBeenCalledTimes(1);
    const free = report.findings.find((f) => f.check === 'cache.free-space')!;
    expect(onFix.mock.calls[0]![0]).toBe(free);
    expect(free.fix!.action).toBe('relocate-cache');
  });

  it('each fix the wizard can carry out is one button, handing over the finding whose fix it is', async () => {
    const report = reportOf(sampleProfile('cache-problems'));
    const onFix = vi.fn();
    const user = userEvent.setup();
    const region = shown(report, onFix);
    expect(
      within(region)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['Point both cache registry values at the cache…', 'Move the cache folder…', 'Start the backup engine…']);
    for (const button of within(region).getAllByRole('button')) await user.click(button);
    expect(onFix.mock.calls.map(([f]) => [(f as Finding).check, (f as Finding).fix!.action])).toEqual([
      ['cache.registry', 'point-registry'],
      ['cache.attributes', 'relocate-cache'],
      ['agent.service', 'start-engine'],
    ]);
    for (const [f] of onFix.mock.calls) expect(report.findings).toContain(f);
  });

  it('offers no button without a handler', () => {
    const region = shown(reportOf(sampleProfile('cache-problems')));
    expect(within(region).queryAllByRole('button')).toEqual([]);
  });
});

describe('the links to the findings', () => {
  it('open a closed card, bring it into view and focus its summary, by mouse and by keyboard', async () => {
    const report = reportOf(sampleProfile('pre-install'));
    const user = userEvent.setup();
    const region = shown(report);
    const attributes = findingAnchor(report.findings.find((f) => f.check === 'cache.attributes')!);
    expect(document.getElementById(`${attributes}-summary`)!.getAttribute('aria-expanded')).toBe('false');
    const link = within(item(region, 'Find out whether the cache folder is a plain folder')).getByRole('link', {
      name: "The cache folder's attributes are not known",
    });
    await user.click(link);
    expect(document.activeElement).toBe(document.getElementById(`${attributes}-summary`));
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');

    const volume = findingAnchor(report.findings.find((f) => f.check === 'volume.supported' && f.status === 'fail')!);
    within(item(region, 'Take E: out of the selection, and back it up where it is stored'))
      .getByRole('link', { name: 'The agent cannot back up from E:' })
      .focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.getElementById(`${volume}-summary`));
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');
    // A second time, the card stays open.
    link.focus();
    await user.keyboard('{Enter}');
    expect(document.activeElement).toBe(document.getElementById(`${attributes}-summary`));
    expect(document.activeElement!.getAttribute('aria-expanded')).toBe('true');
  });
});

describe('the wizard’s words', () => {
  it('says what to click, never a command-line option, on a live check and in an opened profile', () => {
    for (const origin of ['live', 'opened'] as const) {
      const region = shown(reportOf(sampleProfile('pre-install')), undefined, origin);
      const skipped = item(region, 'Change the selection where the agent would skip files');
      expect(skipped.textContent).not.toMatch(/--select|check --/);
      expect(region.textContent).not.toMatch(/ --[a-z]/);
      cleanup();
    }
  });
});
