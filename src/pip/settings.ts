// What pip's option parser ends up with: defaults, then config files ([global], then [install],
// across all files), then PIP_* variables, then the command line (pip-behavior.md §1.1, §7).
// Keeps pip's quirks: booleans from config/env are stored as 1/0 without inversion, so
// PIP_NO_USER=1 means "user install"; empty values are ignored; bad booleans stop pip (exit 2).
import type { SettingSource } from '../core/types.js';
import type { ConfigFileFacts, Facts, HostFacts } from '../gather/facts.js';
import { loadedConfigFiles } from './config-files.js';
import { pythonEnviron } from './environment.js';
import { IniError, parseIni } from './ini.js';
import {
  type InstallCommandLine,
  isBooleanAction,
  type OptionValue,
  optionForKey,
  optionSetKey,
  PipUsageError,
  parseInstallCommandLine,
} from './options.js';
import { atLeast, type PipVersion } from './version.js';

export interface Setting {
  value: OptionValue;
  source: SettingSource;
}

export interface PipSettings {
  commandLine: InstallCommandLine;
  /** The literal `--isolated` argument: skips user config files and PIP_* variables. */
  isolated: boolean;
  /** Final value per option destination (e.g. use_user_site, target_dir). */
  values: Map<string, Setting>;
}

interface RawItem {
  section: string;
  key: string;
  value: string;
  from: string;
  line?: number;
}

export function resolveSettings(
  facts: Facts,
  version: PipVersion,
  installArgs: readonly string[],
): PipSettings {
  return resolveSettingsFrom(
    {
      host: facts.host,
      python2: facts.probe.python.versionInfo[0] < 3,
      configFiles: (isolated) => loadedConfigFiles(facts, version, isolated),
    },
    version,
    installArgs,
  );
}

/** What pip's settings come from, without a probe (scan reads the files itself). */
export interface SettingsInput {
  host: Pick<HostFacts, 'env' | 'platform'>;
  python2: boolean;
  /** The config files this pip loads, in order (later wins), given whether --isolated was passed. */
  configFiles: (isolated: boolean) => ConfigFileFacts[];
}

export function resolveSettingsFrom(
  input: SettingsInput,
  version: PipVersion,
  installArgs: readonly string[],
): PipSettings {
  const commandLine = parseInstallCommandLine(installArgs, version);
  const isolated = installArgs.includes('--isolated');
  const dictionary = new Map<string, RawItem>();
  const { python2 } = input;

  for (const file of input.configFiles(isolated)) {
    if (file.error === 'not valid UTF-8') {
      throw new PipUsageError(`Configuration file contains invalid utf-8 characters: ${file.path}`);
    }
    if (file.text === null) continue; // missing or unreadable: configparser skips it silently
    let sections: ReturnType<typeof parseIni>;
    try {
      sections = parseIni(file.text, file.path, { python2 });
    } catch (error) {
      if (error instanceof IniError) {
        throw new PipUsageError(
          `Configuration file could not be loaded: ${error.message.replaceAll('\n', ' ')}`,
        );
      }
      throw error;
    }
    for (const [section, entries] of sections) {
      for (const entry of entries.values()) {
        const key = normalizeKey(entry.key);
        dictionary.set(`${section}.${key}`, {
          section,
          key,
          value: entry.value,
          from: file.path,
          line: entry.line,
        });
      }
    }
  }
  if (!isolated) {
    for (const [name, value] of pythonEnviron(input.host)) {
      const isPip = atLeast(version, 10) ? name.startsWith('PIP_') : /^PIP_/i.test(name);
      if (!isPip) continue;
      const key = normalizeKey(name.slice(4));
      if (key === 'version' || key === 'help') continue;
      dictionary.set(`:env:.${key}`, { section: ':env:', key, value, from: `environment variable ${name}` });
    }
  }

  const values = new Map<string, Setting>();
  for (const section of ['global', 'install', ':env:']) {
    for (const item of dictionary.values()) {
      if (item.section !== section || item.value === '') continue;
      const spec = optionForKey(version, item.key);
      if (!spec) continue;
      let value: OptionValue = item.value;
      if (isBooleanAction(spec)) {
        const parsed = strtobool(item.value);
        if (parsed === null) {
          throw new PipUsageError(
            `${item.value} is not a valid value for ${item.key} option, please specify a boolean value like yes/no, true/false or 1/0 instead.`,
          );
        }
        value = parsed; // stored as given: "no-user = 1" sets use_user_site to 1
      } else if (spec.dest === 'cache_dir' && spec.action === 'callback') {
        // PIP_NO_CACHE_DIR / no-cache-dir: any valid boolean (even "false") disables the cache.
        if (strtobool(item.value) === null) {
          throw new PipUsageError(`--no-cache-dir error: invalid truth value '${item.value}'`);
        }
        value = false;
      } else if (spec.action !== 'store') {
        continue; // lists, counts and callbacks never decide the location
      }
      values.set(spec.dest, { value, source: source(item.key, item.value, item.from, item.line) });
    }
  }
  for (const option of commandLine.options) {
    values.set(option.dest, {
      value: option.value,
      source: source(option.option.slice(2), option.value, 'command line'),
    });
  }
  return { commandLine, isolated, values };
}

/**
 * Equal for pip versions that turn the same config files and variables into the same settings:
 * they have the same options, and read PIP_* names alike (pip < 10 also took lower-case ones).
 */
export function settingsReadingKey(version: PipVersion): string {
  return `${optionSetKey(version)}:${atLeast(version, 10) ? 'upper' : 'any-case'}`;
}

function source(option: string, value: OptionValue, from: string, line?: number): SettingSource {
  return { option, value: String(value), from, ...(line !== undefined ? { line } : {}) };
}

function normalizeKey(name: string): string {
  const key = name.toLowerCase().replaceAll('_', '-');
  return key.startsWith('--') ? key.slice(2) : key;
}

/** pip's strtobool: 1 / 0, or null for anything else. */
export function strtobool(value: string): 0 | 1 | null {
  const lower = value.toLowerCase();
  if (['y', 'yes', 't', 'true', 'on', '1'].includes(lower)) return 1;
  if (['n', 'no', 'f', 'false', 'off', '0'].includes(lower)) return 0;
  return null;
}

/** Python truthiness of an option value (None when unset). */
export function truthy(setting: Setting | undefined): boolean {
  if (!setting) return false;
  const { value } = setting;
  return typeof value === 'string' ? value !== '' : Boolean(value);
}

export function stringSetting(settings: PipSettings, dest: string): string | null {
  const value = settings.values.get(dest)?.value;
  return typeof value === 'string' ? value : null;
}
