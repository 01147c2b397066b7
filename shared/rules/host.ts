// host.clock (contract v2): this machine's clock against a Microsoft server's. Microsoft asks for the right
// date, time and time zone but gives no tolerance for the agent; the thresholds are ours: above 300 s the
// sign-in tokens the agent exchanges with Azure can be refused (300 s is the clock skew Microsoft's token
// libraries allow by default), and 60 s leaves a margin. Section: the edition's `clock`.

import { m, type Msg } from '../i18n/message.js';
import type { Finding } from '../report/types.js';
import type { RuleContext } from './context.js';
import { finding, fix } from './finding.js';

/** Our thresholds, in seconds of difference either way. */
export const CLOCK_FAIL_ABOVE_SECONDS = 300;
export const CLOCK_WARN_ABOVE_SECONDS = 60;

/** "This machine's clock is 7 minutes ahead of Microsoft's (measured against ...)." */
function offset(seconds: number, reference: string | null): Msg {
  const abs = Math.abs(seconds);
  return m('host.clock.offset', {
    unit: abs >= 600 ? 'minutes' : 'seconds',
    amount: abs >= 600 ? Math.round(abs / 60) : Number(abs.toFixed(1)),
    direction: seconds > 0 ? 'ahead' : 'behind',
    hasReference: reference ? 'yes' : 'no',
    reference: reference ?? '',
  });
}

const syncSteps = [
  m('host.clock.fix.timeZone'),
  m('host.clock.fix.resync'),
  m('host.clock.fix.virtualMachine'),
  m('host.clock.fix.checkAgain'),
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
        title: m('host.clock.unknown.title'),
        detail: m('host.clock.unknown.detail'),
        fix: fix('helpdesk', [m('host.clock.unknown.fix.compare'), m('host.clock.unknown.fix.later')]),
      }),
    ];
  }
  const minutes = CLOCK_FAIL_ABOVE_SECONDS / 60;
  if (Math.abs(skew) > CLOCK_FAIL_ABOVE_SECONDS) {
    return [
      finding(ctx, 'host.clock', {
        ...base,
        status: 'fail',
        title: m('host.clock.fail.title'),
        detail: m('host.clock.fail.detail', { offset: offset(skew, reference), minutes }),
        fix: fix('server admin', syncSteps),
      }),
    ];
  }
  if (Math.abs(skew) > CLOCK_WARN_ABOVE_SECONDS) {
    return [
      finding(ctx, 'host.clock', {
        ...base,
        status: 'warn',
        title: m('host.clock.warn.title'),
        detail: m('host.clock.warn.detail', { offset: offset(skew, reference), minutes }),
        fix: fix('server admin', syncSteps),
      }),
    ];
  }
  return [
    finding(ctx, 'host.clock', {
      ...base,
      status: 'pass',
      title: m('host.clock.pass.title'),
      detail: m('host.clock.pass.detail', {
        seconds: CLOCK_WARN_ABOVE_SECONDS,
        hasReference: reference ? 'yes' : 'no',
        reference: reference ?? '',
      }),
    }),
  ];
}
