// Reports get pasted into bug trackers: keep secrets in the environment out of them.
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|PASS$|API_?KEY|AUTH|CREDENTIAL|PRIVATE/i;

/** Hides values of secret-looking variables, and passwords inside URLs (https://user:pass@host). */
export function redactEnv(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).map(([name, value]) => [
      name,
      SECRET_NAME.test(name) ? '<redacted>' : redactUrl(value),
    ]),
  );
}

export function redactUrl(value: string): string {
  return value.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^@\s/]*@/gi, '$1<redacted>@');
}

/** Every leaf of a value as `a.b[0].c: value` lines (for --verbose). */
export function flatten(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object') return [`${prefix}: ${JSON.stringify(value)}`];
  const entries = Array.isArray(value)
    ? value.map((v, i) => [`${prefix}[${i}]`, v] as const)
    : Object.entries(value).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v] as const);
  if (entries.length === 0) return [`${prefix}: ${Array.isArray(value) ? '[]' : '{}'}`];
  return entries.flatMap(([key, v]) => flatten(v, key));
}
