/** One problem in a profile: where, what, and how to fix it. */
export interface ProfileIssue {
  /** Field path, e.g. "noise.read.ep" or "channels.gain[3]". */
  path: string;
  message: string;
  /** What the field expects (from the schema's description). */
  fix: string;
}

/** A profile that failed validation; the message lists every issue, one per line. */
export class ProfileError extends Error {
  override readonly name = 'ProfileError';
  constructor(
    readonly source: string,
    readonly issues: ProfileIssue[],
  ) {
    super(
      `invalid profile ${source}:\n` +
        issues.map((i) => `  ${i.path}: ${i.message}${i.fix ? `; fix: ${i.fix}` : ''}`).join('\n'),
    );
  }
}
