// `mars-readiness network-request`: the request for the network team, from a saved profile (--profile)
// or a test of this machine (or a sandbox), as Markdown (the default) or CSV, on stdout or in --out FILE.
// Exit status 0 when the test reached every address (it says so), 1 when there is something to ask,
// 2 for bad usage (--offline, which skips the very test the request is made from, is refused by name).

import { Option } from 'commander';
import type { MachineProfile } from '../../shared/profile/types.js';
import { buildNetworkRequest } from '../../shared/report/network-request/build.js';
import { nothingToAsk, renderRequestCsv, renderRequestMarkdown } from '../../shared/report/network-request/render.js';
import type { Report } from '../../shared/report/types.js';
import { wrapBlock } from '../../shared/report/wrap.js';
import { ExplainedError, writeProblem } from '../explained-error.js';
import { t } from '../../shared/i18n/translate.js';
import { forOutput, tellRedaction, type Note } from './redact-output.js';

export const REQUEST_FORMATS = ['markdown', 'csv'] as const;
export type RequestFormat = (typeof REQUEST_FORMATS)[number];

export const requestFormatOption = () => new Option('--format <format>', t('cli.networkRequest.option.format')).choices(REQUEST_FORMATS);

export interface RequestFlags {
  profile?: string;
  offline?: boolean;
  format?: RequestFormat;
  out?: string;
  redact?: boolean;
}

interface RequestIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  columns: number;
}

/** Refused before anything is probed: --offline would leave nothing to ask for. */
export function refuseOffline(flags: RequestFlags): void {
  if (flags.offline) throw new ExplainedError(t('cli.networkRequest.offline'));
}

/** Writes the request; `built` is the machine's profile and report (probed or loaded, as check has them). */
export async function networkRequest(
  flags: RequestFlags,
  built: { profile: MachineProfile; report: Report; notes: readonly Note[] },
  io: RequestIo,
): Promise<number> {
  const { report, profile } = forOutput(built.report, built.profile, flags.redact, built.notes, io);
  const request = buildNetworkRequest(profile, report);
  const text = flags.format === 'csv' ? renderRequestCsv(request) : renderRequestMarkdown(request);
  if (!flags.out) io.stdout(text);
  else {
    const { writeFileAtomically } = await import('../util/atomic-file.js');
    const file = flags.out;
    await writeFileAtomically(file, text, { createFolder: false }).catch((error: NodeJS.ErrnoException) => {
      throw new ExplainedError(t('cli.networkRequest.writeFailed', { file, ...writeProblem(error) }));
    });
    io.stderr(wrapBlock(`${t('cli.networkRequest.written', { file })}\n`, io.columns));
  }
  const summary = flags.redact ? ((report as { redactions?: Parameters<typeof tellRedaction>[1] }).redactions ?? null) : null;
  tellRedaction('request', summary, io, false);
  if (request.rows.length === 0) {
    if (flags.format === 'csv' || flags.out) io.stderr(wrapBlock(`${nothingToAsk(request)}\n`, io.columns));
    return 0;
  }
  return 1;
}
