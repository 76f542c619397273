// The one place a Fix is made, so the safety rules hold for every builder.
import type { Fix, FixKind } from '../core/types.js';

/** A Fix as the builders make it (kept as a name of its own for the builders' signatures). */
export type DoctorFix = Fix;

const DANGEROUS: Array<[RegExp, string]> = [
  [/(^|[\s;&|(])sudo\s/, 'sudo'],
  [/--break-system-packages\b/, '--break-system-packages'],
  [/(^|[\s;&|(])(rm|rmdir|del|rd|Remove-Item)\s/i, 'deleting files'],
  [/\s-m venv\s.*--clear\b/, 'deleting a virtual environment'],
];

const SUDO_PIP = /\bsudo\b.*(\bpip[0-9.]*\s+install\b|-m\s+pip\b)/;

/** Why a command may never run unattended, or null. */
export function dangerIn(command: string): string | null {
  for (const [pattern, what] of DANGEROUS) if (pattern.test(command)) return what;
  return null;
}

/**
 * Builds a fix and enforces the classification: a command with sudo, --break-system-packages or
 * a deletion is always manual and must say what it risks.
 */
export function makeFix(fix: Omit<DoctorFix, 'kind'> & { kind: FixKind }): DoctorFix {
  // pip-doctor never tells anyone to run pip as root.
  if (fix.commands.some((c) => SUDO_PIP.test(c))) throw new Error(`fix ${fix.id} runs pip with sudo`);
  const danger = fix.commands.map(dangerIn).find((d) => d !== null) ?? null;
  if (danger === null) return fix;
  if (!fix.risk) throw new Error(`fix ${fix.id} uses ${danger} but does not say what it risks`);
  return { ...fix, kind: 'manual' };
}
