// Replaced at bundle time by scripts/build.mjs; the fallback serves tests run from build/.
declare const __PIP_DOCTOR_VERSION__: string | undefined;
export const VERSION: string =
  typeof __PIP_DOCTOR_VERSION__ === 'string' ? __PIP_DOCTOR_VERSION__ : '0.0.0-dev';
