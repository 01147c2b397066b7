// An error whose message is already a sentence for the person at the keyboard (a bad sandbox folder, a
// fix that cannot run): the CLI prints it as it is and exits 2, with no stack trace.
export class ExplainedError extends Error {}

/**
 * Why a file could not be written, as the catalogue's "could not be written" messages take it: its folder
 * does not exist (said in the reader's language), or the system's own reason.
 */
export function writeProblem(error: NodeJS.ErrnoException): { noFolder: 'yes' | 'no'; reason: string } {
  return error.code === 'ENOENT' ? { noFolder: 'yes', reason: '' } : { noFolder: 'no', reason: error.message };
}
