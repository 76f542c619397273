// pip's writability test on Windows (pip._internal.utils.filesystem._test_writable_dir_win):
// create a uniquely named file in the folder and delete it again, because access() there sees
// only the read-only flag, not the folder's permissions. A name that exists already is retried.
export const WRITE_TEST_ATTEMPTS = 10;

/** A fresh name for the test file, as pip spells it (pip adds six random characters). */
export function writeTestFileName(): string {
  return `accesstest_deleteme_fishfingers_custard_${Math.random().toString(36).slice(2, 8)}`;
}
