// A status as a word and a symbol, coloured as well: colour is never the only signal. With the check, the
// word is the check's own (a restore check's fail "Blocks restore", not "Blocks backup").
import { Chip } from '@mui/material';
import { statusLabel } from '../../../shared/report/grouping';
import type { CheckId, Status } from '../../../shared/report/types';

const LOOK: Record<Status, { color: 'error' | 'warning' | 'info' | 'default' | 'success'; symbol: string }> = {
  fail: { color: 'error', symbol: '✕' },
  warn: { color: 'warning', symbol: '!' },
  unknown: { color: 'info', symbol: '?' },
  info: { color: 'default', symbol: 'i' },
  pass: { color: 'success', symbol: '✓' },
};

export function StatusChip({ status, check }: { status: Status; check?: CheckId }) {
  const look = LOOK[status];
  return (
    <Chip size="small" color={look.color} label={`${look.symbol} ${statusLabel(status, check)}`} sx={{ fontWeight: 600, flexShrink: 0 }} />
  );
}
