// A status as a word and a symbol, coloured as well: colour is never the only signal. With the check, the
// word is the check's own (a restore check's fail "Blocks restore", not "Blocks backup").
import { Chip } from '@mui/material';
import { statusLabel } from '../../../shared/report/grouping';
import type { CheckId, FindingStatus } from '../../../shared/report/types';

// A waived finding (a waiver file accepted it) has a look of its own: never a pass's.
const LOOK: Record<FindingStatus, { color: 'error' | 'warning' | 'info' | 'default' | 'success' | 'secondary'; symbol: string }> = {
  fail: { color: 'error', symbol: '✕' },
  warn: { color: 'warning', symbol: '!' },
  unknown: { color: 'info', symbol: '?' },
  waived: { color: 'secondary', symbol: '⊘' },
  info: { color: 'default', symbol: 'i' },
  pass: { color: 'success', symbol: '✓' },
};

export function StatusChip({ status, check }: { status: FindingStatus; check?: CheckId }) {
  const look = LOOK[status];
  return (
    <Chip size="small" color={look.color} label={`${look.symbol} ${statusLabel(status, check)}`} sx={{ fontWeight: 600, flexShrink: 0 }} />
  );
}
