// Builds the tiny wheel every differential scenario installs (PyPI is unreachable here).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export const PACKAGE = 'tinypkg';
export const VERSION = '0.1';
/** The console_scripts entry point, so scripts land somewhere we can find. */
export const SCRIPT = 'tinypkg-hello';
export const WHEEL_FILE = `${PACKAGE}-${VERSION}-py2.py3-none-any.whl`;
export const DIST_INFO = `${PACKAGE}-${VERSION}.dist-info`;

// Runs on Python 2.7 and 3.x; py2.py3-none-any so pip 18.1 on 2.7 takes it.
const BUILDER = `
import base64, hashlib, sys, zipfile
name, version, script, out = sys.argv[1:5]
di = '%s-%s.dist-info' % (name, version)
files = [
    ('%s/__init__.py' % name, 'def main():\\n    print("hello from %s")\\n' % name),
    (di + '/METADATA', 'Metadata-Version: 2.1\\nName: %s\\nVersion: %s\\n' % (name, version)),
    (di + '/WHEEL', 'Wheel-Version: 1.0\\nGenerator: pip-doctor-tests\\nRoot-Is-Purelib: true\\nTag: py2-none-any\\nTag: py3-none-any\\n'),
    (di + '/entry_points.txt', '[console_scripts]\\n%s = %s:main\\n' % (script, name)),
    (di + '/top_level.txt', name + '\\n'),
]
record = []
z = zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED)
for path, text in files:
    data = text.encode('utf-8')
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b'=').decode('ascii')
    record.append('%s,sha256=%s,%d' % (path, digest, len(data)))
    z.writestr(path, data)
record.append(di + '/RECORD,,')
z.writestr(di + '/RECORD', ('\\n'.join(record) + '\\n').encode('utf-8'))
z.close()
`;

/** Writes the wheel into `dir` with `python` and returns the wheel's path. */
export function buildTinyWheel(python: string, dir: string): string {
  const out = join(dir, WHEEL_FILE);
  execFileSync(python, ['-c', BUILDER, PACKAGE, VERSION, SCRIPT, out], { stdio: 'pipe', timeout: 30_000 });
  return out;
}
