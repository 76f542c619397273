// The one line that says where `pip install` goes, or why it fails, and the line that says which Python.
import { defaultSiteDirs, describeSource, isVenv, pathFacts } from '../checks/derive.js';
import type { CheckReport } from '../core/report.js';
import { quote } from '../fixes/shell.js';

/** `pip install --user requests`, as the user would type it. */
export function pipCommandText(report: CheckReport): string {
  const args = report.installArgs.map((a) =>
    quote(a, report.facts.host.platform === 'win32' ? 'powershell' : 'sh'),
  );
  return ['pip install', ...args].join(' ');
}

export function verdict(report: CheckReport): string {
  const { prediction, facts } = report;
  const cmd = pipCommandText(report);
  const dir = prediction.directory ?? '(unknown)';
  const asked = (option: string) => {
    const s = prediction.settings.find((x) => x.option === option);
    return s && s.from !== 'command line' ? ` (${option} = ${s.value} from ${describeSource(s)})` : '';
  };
  switch (prediction.outcome) {
    case 'site-packages':
      return `${cmd} would install into ${dir}, ${isVenv(facts) ? "this virtual environment's" : "this Python's"} site-packages`;
    case 'user-default': {
      const blocked = defaultSiteDirs(facts).find((d) => pathFacts(facts, d)?.writable === false);
      return `${cmd} would install into your user site ${dir}, because ${blocked ?? 'normal site-packages'} is not writable for you`;
    }
    case 'user':
      return `${cmd} would install into your user site ${dir}, because a user install was asked for${asked('user') || asked('no-user')}`;
    case 'target':
      return `${cmd} would install into the --target directory ${dir}${asked('target')}`;
    case 'prefix':
      return `${cmd} would install into ${dir}, under the --prefix${asked('prefix')}`;
    case 'root':
      return `${cmd} would install into ${dir}, under the --root${asked('root')}`;
    case 'error-externally-managed':
      return `${cmd} would fail: this Python is externally managed (PEP 668)`;
    case 'error-permission':
      return `${cmd} would fail: you may not write to ${dir}`;
    case 'error-user-in-virtualenv':
      return `${cmd} would fail: a user install is not possible inside this virtual environment${asked('user')}`;
    case 'error-require-virtualenv':
      return `${cmd} would fail: pip is set to require an active virtual environment, and none is active`;
    case 'error-user-prefix-conflict':
      return `${cmd} would fail: --user and --prefix cannot be combined${asked('user')}${asked('prefix')}`;
    case 'error-user-target-conflict':
      return `${cmd} would fail: --user and --target cannot be combined${asked('user')}${asked('target')}`;
    case 'error-pip-missing':
      return `${cmd} would fail: ${facts.probe.python.executable} has no pip`;
  }
}

/** "Python 3.11.2 at /usr/bin/python3, pip 23.0.1: the interpreter `pip` on PATH runs (/usr/bin/pip)" */
export function interpreterLine(report: CheckReport): string {
  const { probe, target } = report.facts;
  const pip = probe.pip.version ? `pip ${probe.pip.version}` : 'no pip';
  const flags = target.flags?.length ? `, started with ${target.flags.join(' ')} by its shebang` : '';
  return `Python ${probe.python.version} at ${probe.python.executable} (${pip}), ${target.how}${flags}`;
}
