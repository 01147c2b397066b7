// `--format configmgr`: the one value a ConfigMgr configuration item's discovery script returns, which
// its compliance rule compares: the verdict, or one check's worst status (`absent` when it gave no finding).

import type { CheckId, Report } from '../types.js';
import { worstStatusOf } from './worst.js';

/** The value, without its line end. */
export function renderConfigMgr(report: Report, check: CheckId | null = null): string {
  return check === null ? report.verdict : worstStatusOf(report, check);
}
