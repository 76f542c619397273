// pip install's command line, parsed with optparse's rules: long options may be abbreviated to
// any unique prefix, `--opt=value` and `--opt value`, short clusters (`-Uq`, `-tDIR`), options
// and package names interleaved, `--` ends the options. Only the destinations that decide where
// a package lands are kept; every other option is parsed so its value is not mistaken for a package.
import { DoctorError } from '../core/errors.js';
import type { PipVersion } from './version.js';
import { atLeast } from './version.js';

type Action = 'store' | 'store_true' | 'store_false' | 'append' | 'count' | 'callback' | 'callback_value';

interface OptionSpec {
  long: string[];
  short?: string;
  dest: string;
  action: Action;
  /** First pip release that has the option (older pips reject it). */
  since?: [number, number, number?];
}

/** `pip install`'s options (install + general), from pip 24.2's parser, plus later additions. */
const OPTIONS: OptionSpec[] = [
  { long: ['--requirement'], short: '-r', dest: 'requirements', action: 'append' },
  { long: ['--constraint'], short: '-c', dest: 'constraints', action: 'append' },
  { long: ['--no-deps', '--no-dependencies'], dest: 'ignore_dependencies', action: 'store_true' },
  { long: ['--pre'], dest: 'pre', action: 'store_true' },
  { long: ['--editable'], short: '-e', dest: 'editables', action: 'append' },
  { long: ['--dry-run'], dest: 'dry_run', action: 'store_true', since: [22, 2] },
  { long: ['--target'], short: '-t', dest: 'target_dir', action: 'store' },
  { long: ['--platform'], dest: 'platforms', action: 'append' },
  { long: ['--python-version'], dest: 'python_version', action: 'callback_value' },
  { long: ['--implementation'], dest: 'implementation', action: 'store' },
  { long: ['--abi'], dest: 'abis', action: 'append' },
  { long: ['--user'], dest: 'use_user_site', action: 'store_true' },
  { long: ['--no-user'], dest: 'use_user_site', action: 'store_false' },
  { long: ['--root'], dest: 'root_path', action: 'store' },
  { long: ['--prefix'], dest: 'prefix_path', action: 'store' },
  {
    long: ['--src', '--source', '--source-dir', '--source-directory'],
    dest: 'src_dir',
    action: 'callback_value',
  },
  { long: ['--upgrade'], short: '-U', dest: 'upgrade', action: 'store_true' },
  { long: ['--upgrade-strategy'], dest: 'upgrade_strategy', action: 'store' },
  { long: ['--force-reinstall'], dest: 'force_reinstall', action: 'store_true' },
  { long: ['--ignore-installed'], short: '-I', dest: 'ignore_installed', action: 'store_true' },
  { long: ['--ignore-requires-python'], dest: 'ignore_requires_python', action: 'store_true' },
  { long: ['--no-build-isolation'], dest: 'build_isolation', action: 'store_false' },
  { long: ['--use-pep517'], dest: 'use_pep517', action: 'store_true' },
  { long: ['--no-use-pep517'], dest: 'use_pep517', action: 'callback' },
  { long: ['--check-build-dependencies'], dest: 'check_build_deps', action: 'store_true' },
  {
    long: ['--break-system-packages'],
    dest: 'override_externally_managed',
    action: 'store_true',
    since: [23, 0, 1],
  },
  { long: ['--config-settings'], short: '-C', dest: 'config_settings', action: 'callback_value' },
  { long: ['--global-option'], dest: 'global_options', action: 'append' },
  { long: ['--install-option'], dest: 'install_options', action: 'append' },
  { long: ['--compile'], dest: 'compile', action: 'store_true' },
  { long: ['--no-compile'], dest: 'compile', action: 'store_false' },
  {
    long: ['--no-warn-script-location'],
    dest: 'warn_script_location',
    action: 'store_false',
    since: [10, 0],
  },
  { long: ['--no-warn-conflicts'], dest: 'warn_about_conflicts', action: 'store_false' },
  { long: ['--no-binary'], dest: 'format_control', action: 'callback_value' },
  { long: ['--only-binary'], dest: 'format_control', action: 'callback_value' },
  { long: ['--prefer-binary'], dest: 'prefer_binary', action: 'store_true' },
  { long: ['--require-hashes'], dest: 'require_hashes', action: 'store_true' },
  { long: ['--progress-bar'], dest: 'progress_bar', action: 'store' },
  { long: ['--root-user-action'], dest: 'root_user_action', action: 'store', since: [22, 1] },
  { long: ['--report'], dest: 'json_report_file', action: 'store', since: [22, 2] },
  { long: ['--no-clean'], dest: 'no_clean', action: 'store_true' },
  { long: ['--group'], dest: 'dependency_groups', action: 'append', since: [25, 1] },
  { long: ['--resume-retries'], dest: 'resume_retries', action: 'store', since: [25, 1] },
  { long: ['--index-url', '--pypi-url'], short: '-i', dest: 'index_url', action: 'store' },
  { long: ['--extra-index-url'], dest: 'extra_index_urls', action: 'append' },
  { long: ['--no-index'], dest: 'no_index', action: 'store_true' },
  { long: ['--find-links'], short: '-f', dest: 'find_links', action: 'append' },
  { long: ['--help'], short: '-h', dest: 'help', action: 'callback' },
  { long: ['--debug'], dest: 'debug_mode', action: 'store_true' },
  { long: ['--isolated'], dest: 'isolated_mode', action: 'store_true' },
  { long: ['--require-virtualenv', '--require-venv'], dest: 'require_venv', action: 'store_true' },
  { long: ['--python'], dest: 'python', action: 'store' },
  { long: ['--verbose'], short: '-v', dest: 'verbose', action: 'count' },
  { long: ['--version'], short: '-V', dest: 'version', action: 'store_true' },
  { long: ['--quiet'], short: '-q', dest: 'quiet', action: 'count' },
  { long: ['--log', '--log-file', '--local-log'], dest: 'log', action: 'store' },
  { long: ['--no-input'], dest: 'no_input', action: 'store_true' },
  { long: ['--keyring-provider'], dest: 'keyring_provider', action: 'store' },
  { long: ['--proxy'], dest: 'proxy', action: 'store' },
  { long: ['--retries'], dest: 'retries', action: 'store' },
  { long: ['--timeout', '--default-timeout'], dest: 'timeout', action: 'store' },
  { long: ['--exists-action'], dest: 'exists_action', action: 'append' },
  { long: ['--trusted-host'], dest: 'trusted_hosts', action: 'append' },
  { long: ['--cert'], dest: 'cert', action: 'store' },
  { long: ['--client-cert'], dest: 'client_cert', action: 'store' },
  { long: ['--cache-dir'], dest: 'cache_dir', action: 'store' },
  { long: ['--no-cache-dir'], dest: 'cache_dir', action: 'callback' },
  { long: ['--disable-pip-version-check'], dest: 'disable_pip_version_check', action: 'store_true' },
  { long: ['--no-color'], dest: 'no_color', action: 'store_true' },
  { long: ['--no-python-version-warning'], dest: 'no_python_version_warning', action: 'store_true' },
  { long: ['--use-feature'], dest: 'features_enabled', action: 'append' },
  { long: ['--use-deprecated'], dest: 'deprecated_features_enabled', action: 'append' },
];

export type OptionValue = string | boolean | number;

/** One option as it appeared on the command line, in order. */
export interface CommandLineOption {
  /** The option as pip knows it, e.g. "--target" (abbreviations expanded). */
  option: string;
  /** As the user typed it, e.g. "--tar=vendor" or "-t". */
  typed: string;
  dest: string;
  value: OptionValue;
}

export interface InstallCommandLine {
  options: CommandLineOption[];
  /** Requirements, paths and URLs: everything that is not an option. */
  packages: string[];
}

/** pip would stop with a usage or configuration error before doing anything: pip-doctor says so and exits 2. */
export class PipUsageError extends DoctorError {
  constructor(readonly pipMessage: string) {
    super(`pip would stop before installing anything: ${pipMessage}`);
  }
}

/** The options a pip version has, indexed by name; built once for all versions that have the same ones. */
interface OptionTable {
  /** Which of all known options this version has, e.g. "1101..." (versions alike share it). */
  key: string;
  options: readonly OptionSpec[];
  longs: ReadonlyMap<string, OptionSpec>;
  shorts: ReadonlyMap<string, OptionSpec>;
}

const TABLES = new Map<string, OptionTable>();
const TABLES_BY_VERSION = new Map<string, OptionTable>();

/** The table for one pip version; versions with the same options share one (a scan meets many versions). */
function tableFor(version: PipVersion): OptionTable {
  const asText = version.join('.');
  let table = TABLES_BY_VERSION.get(asText);
  if (!table) {
    const has = OPTIONS.map((o) => !o.since || atLeast(version, o.since[0], o.since[1], o.since[2] ?? 0));
    const key = has.map((yes) => (yes ? '1' : '0')).join('');
    table = TABLES.get(key) ?? indexed(key, has);
    TABLES.set(key, table);
    TABLES_BY_VERSION.set(asText, table);
  }
  return table;
}

/** The table of the options marked in `has` (one flag per entry of OPTIONS). */
function indexed(key: string, has: readonly boolean[]): OptionTable {
  const options = OPTIONS.filter((_, i) => has[i]);
  const longs = new Map<string, OptionSpec>();
  const shorts = new Map<string, OptionSpec>();
  for (const spec of options) {
    for (const long of spec.long) longs.set(long, spec);
    if (spec.short) shorts.set(spec.short, spec);
  }
  return { key, options, longs, shorts };
}

export function optionsFor(version: PipVersion): readonly OptionSpec[] {
  return tableFor(version).options;
}

/** Equal for pip versions that have the same options. */
export function optionSetKey(version: PipVersion): string {
  return tableFor(version).key;
}

/** The option a config key or PIP_* variable names: pip looks it up as "--" + key, exactly. */
export function optionForKey(version: PipVersion, key: string): OptionSpec | undefined {
  return tableFor(version).longs.get(`--${key}`);
}

export function isBooleanAction(spec: OptionSpec): boolean {
  return spec.action === 'store_true' || spec.action === 'store_false';
}

export function takesValue(spec: OptionSpec): boolean {
  return spec.action === 'store' || spec.action === 'append' || spec.action === 'callback_value';
}

export function parseInstallCommandLine(args: readonly string[], version: PipVersion): InstallCommandLine {
  const { longs, shorts } = tableFor(version);
  const options: CommandLineOption[] = [];
  const packages: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const arg = rest.shift() as string;
    if (arg === '--') {
      packages.push(...rest);
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const typedName = eq === -1 ? arg : arg.slice(0, eq);
      const name = matchAbbreviation(typedName, longs);
      const spec = longs.get(name) as OptionSpec;
      let value: OptionValue = flagValue(spec);
      if (takesValue(spec)) {
        if (eq !== -1) value = arg.slice(eq + 1);
        else if (rest.length > 0) value = rest.shift() as string;
        else throw new PipUsageError(`${name} option requires 1 argument`);
      } else if (eq !== -1) {
        throw new PipUsageError(`${name} option does not take a value`);
      }
      options.push({ option: name, typed: arg, dest: spec.dest, value });
    } else if (arg.startsWith('-') && arg.length > 1) {
      // A cluster of short options; one that takes a value swallows the rest of the cluster.
      for (let i = 1; i < arg.length; i++) {
        const short = `-${arg[i]}`;
        const spec = shorts.get(short);
        if (!spec) throw new PipUsageError(`no such option: ${short}`);
        let value: OptionValue = flagValue(spec);
        if (takesValue(spec)) {
          if (i + 1 < arg.length) value = arg.slice(i + 1);
          else if (rest.length > 0) value = rest.shift() as string;
          else throw new PipUsageError(`${short} option requires 1 argument`);
          options.push({ option: spec.long[0] as string, typed: short, dest: spec.dest, value });
          break;
        }
        options.push({ option: spec.long[0] as string, typed: short, dest: spec.dest, value });
      }
    } else {
      packages.push(arg);
    }
  }
  return { options, packages };
}

function flagValue(spec: OptionSpec): OptionValue {
  // --no-cache-dir's callback stores False in cache_dir.
  if (spec.dest === 'cache_dir') return false;
  return spec.action === 'store_false' ? false : spec.action === 'count' ? 1 : true;
}

/** optparse's _match_abbrev: an exact name, or the only option that starts with it. */
function matchAbbreviation(typed: string, longs: ReadonlyMap<string, OptionSpec>): string {
  if (longs.has(typed)) return typed;
  const candidates = [...longs.keys()].filter((name) => name.startsWith(typed));
  if (candidates.length === 1) return candidates[0] as string;
  if (candidates.length === 0) throw new PipUsageError(`no such option: ${typed}`);
  candidates.sort();
  throw new PipUsageError(`ambiguous option: ${typed} (${candidates.join(', ')}?)`);
}
