// Saving a file: the desktop app's save dialog, or in the browser a download of the same content.
import type { SaveRequest, WizardApi } from '../../shared/api/wizard-api';

export async function saveText(api: WizardApi, request: SaveRequest): Promise<string | null> {
  const result = await api.saveFile(request);
  if (result.ok) return result.value;
  if (result.error.code !== 'unsupported') throw new Error(result.error.message);
  const type = { html: 'text/html', json: 'application/json', md: 'text/markdown', csv: 'text/csv' }[request.kind];
  const url = URL.createObjectURL(new Blob([request.content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = request.suggestedName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return request.suggestedName;
}

/** A file name from the machine's name and the date: "FS01-mars-readiness-2026-11-25.html". */
export function fileNameFor(host: string | null, what: string, extension: string, date = new Date()): string {
  const safe = (host ?? 'machine').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 60) || 'machine';
  return `${safe}-${what}-${date.toISOString().slice(0, 10)}.${extension}`;
}
