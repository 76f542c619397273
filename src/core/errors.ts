/**
 * An error the user can act on: printed as one line on stderr, exit status 2.
 * Library code throws it; only the CLI entry point turns it into an exit.
 */
export class DoctorError extends Error {
  override readonly name = 'DoctorError';
  constructor(
    message: string,
    readonly exitCode: 2 = 2,
  ) {
    super(message);
  }
}

/** Bad command-line usage: exit 2 with a pointer to --help. */
export class UsageError extends DoctorError {}
