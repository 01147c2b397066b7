// An error whose message is already a sentence for the person at the keyboard (a bad sandbox folder, a
// fix that cannot run): the CLI prints it as it is and exits 2, with no stack trace.
export class ExplainedError extends Error {}
