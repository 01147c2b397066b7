// A status as a word and a symbol, coloured as well: colour is never the only signal.
import { Chip } from '@mui/material';
import { STATUS_WORDS } from '../../../shared/report/grouping';
import type { Status } from '../../../shared/report/types';

const LOOK: Record<Status, { color: 'error' | 'warning' | 'info' | 'default' | 'success'; symbol: string }> = {
  fail: { color: 'error', symbol: '✕' },
  warn: { color: 'warning', symbol: '!' },
  unknown: { color: 'info', symbol: '?' },
  info: { color: 'default', symbol: 'i' },
  pass: { color: 'success', symbol: '✓' },
};

export function StatusChip({ status }: { status: Status }) {
  const look = LOOK[status];
  return <Chip size="small" color={look.color} label={`${look.symbol} ${STATUS_WORDS[status]}`} sx={{ fontWeight: 600, flexShrink: 0 }} />;
}
