// The CLI's entry point and each command are separate bundles, each with its own copy of these
// classes, so an error is recognised by a registered symbol (isDoctorError), not by instanceof.
const DOCTOR_ERROR = Symbol.for('pip-doctor.DoctorError');

/**
 * An error the user can act on: printed as one line on stderr, exit status 2.
 * Library code throws it; only the CLI entry point turns it into an exit.
 */
export class DoctorError extends Error {
  override readonly name: string = 'DoctorError';
  readonly [DOCTOR_ERROR] = true;
  constructor(
    message: string,
    readonly exitCode: 2 = 2,
  ) {
    super(message);
  }
}

/** Bad command-line usage: exit 2 with a pointer to --help. */
export class UsageError extends DoctorError {
  override readonly name: string = 'UsageError';
}

export function isDoctorError(error: unknown): error is DoctorError {
  return typeof error === 'object' && error !== null && DOCTOR_ERROR in error;
}
