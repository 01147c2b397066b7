// A waiver file that cannot be used (shared/report/waivers.ts): each problem names its field (a JSON
// pointer) and what is wrong. Apart from waivers.ts so that the CLI can tell it without loading the
// waiver file's schema at every start.
export class WaiverFileError extends Error {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`${file}: ${problems.join('; ')}`);
    this.name = 'WaiverFileError';
  }
}
