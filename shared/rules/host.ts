// host.clock (contract v2): this machine's clock against a Microsoft server's. Microsoft asks for the right
// date, time and time zone but gives no tolerance for the agent; the thresholds are ours: above 300 s the
// sign-in tokens the agent exchanges with Azure can be refused (300 s is the clock skew Microsoft's token
// libraries allow by default), and 60 s leaves a margin. Section: the edition's `clock`.

import { formatNumber } from '../i18n/translate.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

/** Our thresholds, in seconds of difference either way. */
export const CLOCK_FAIL_ABOVE_SECONDS = 300;
export const CLOCK_WARN_ABOVE_SECONDS = 60;

function inWords(seconds: number): string {
  const abs = Math.abs(seconds);
  const amount = abs >= 600 ? `${formatNumber(Math.round(abs / 60))} minutes` : `${Number(abs.toFixed(1))} seconds`;
  return `${amount} ${seconds > 0 ? 'ahead of' : 'behind'}`;
}

const syncSteps = [
  'Check that the time zone is right (Settings > Time & language, or "tzutil /g").',
  'Set the clock from a time server: in an administrator prompt run "w32tm /resync"; on a domain member, check that it takes its time from the domain ("w32tm /query /source").',
  "On a virtual machine, check the host's time synchronization too.",
  'Check again.',
];

export function hostClock(ctx: RuleContext): Finding[] {
  const clock = ctx.profile.clock;
  if (clock === undefined) return [];
  const cite = ctx.edition.clock;
  const skew = clock?.skewSeconds ?? null;
  const reference = clock?.referenceHost ?? null;
  const evidence = clock === null ? { '/clock': null } : { '/clock/skewSeconds': skew, '/clock/referenceHost': reference };
  const base = { evidence, cite };
  if (skew === null) {
    return [
      finding(ctx, 'host.clock', {
        ...base,
        status: 'unknown',
        title: "The clock could not be compared with Microsoft's",
        detail: "This machine's clock could not be compared with a Microsoft server's: no answer carried the time.",
        fix: fix('helpdesk', [
          'Compare the clock of this machine with an accurate clock, or run "w32tm /stripchart /computer:time.windows.com /samples:3" in a prompt.',
          'Or check again once the network test reaches the Microsoft addresses.',
        ]),
      }),
    ];
  }
  const against = reference ? ` (measured against ${reference})` : '';
  if (Math.abs(skew) > CLOCK_FAIL_ABOVE_SECONDS) {
    return [
      finding(ctx, 'host.clock', {
        ...base,
        status: 'fail',
        title: 'The clock is far off',
        detail: `This machine's clock is ${inWords(skew)} Microsoft's${against}. With more than ${CLOCK_FAIL_ABOVE_SECONDS / 60} minutes between them, Azure can refuse the agent's sign-in, and registration and backups fail.`,
        fix: fix('server admin', syncSteps),
      }),
    ];
  }
  if (Math.abs(skew) > CLOCK_WARN_ABOVE_SECONDS) {
    return [
      finding(ctx, 'host.clock', {
        ...base,
        status: 'warn',
        title: 'The clock is off',
        detail: `This machine's clock is ${inWords(skew)} Microsoft's${against}. It still works, but from ${CLOCK_FAIL_ABOVE_SECONDS / 60} minutes apart Azure can refuse the agent's sign-in.`,
        fix: fix('server admin', syncSteps),
      }),
    ];
  }
  return [
    finding(ctx, 'host.clock', {
      ...base,
      status: 'pass',
      title: 'The clock is right',
      detail: `This machine's clock is within ${CLOCK_WARN_ABOVE_SECONDS} seconds of Microsoft's${against}.`,
    }),
  ];
}
