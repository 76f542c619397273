// The JSON document printed by probe.py (probeVersion 1). Plain data, no behaviour.

export type SchemeKey = 'purelib' | 'platlib' | 'scripts' | 'data' | 'include';
export type SchemePaths = Record<SchemeKey, string | null>;

/** sysconfig.get_paths() for one scheme: with default variables, and with every base set to PLACEHOLDER. */
export interface SysconfigScheme {
  plain: SchemePaths | null;
  custom: SchemePaths | null;
  error: string | null;
}

export interface DistutilsScheme {
  purelib: string | null;
  platlib: string | null;
  scripts: string | null;
  data: string | null;
  headers: string | null;
  /** setup.cfg/distutils.cfg set install_lib: pip then uses it for purelib and platlib. */
  installLibFromConfig: boolean;
  installLib: string | null;
  configFiles: string[];
  configError: string | null;
}

export type DistutilsCase =
  | 'default'
  | 'defaultIsolated'
  | 'user'
  | 'userIsolated'
  | 'home'
  | 'homeIsolated'
  | 'prefix'
  | 'prefixIsolated';

export interface ProbeFacts {
  probeVersion: number;
  /** Sections of the probe that raised, with the reason. */
  errors: Record<string, string>;
  python: {
    version: string;
    versionInfo: [number, number, number, string, number];
    implementation: string;
    executable: string;
    osName: 'posix' | 'nt' | string;
    sysPlatform: string;
    machine: string;
    framework: string | null;
    freeThreaded: boolean;
    winver: string | null;
    platlibdir: string;
    flags: { noUserSite: boolean; ignoreEnvironment: boolean; isolated: boolean };
    stdoutEncoding: string | null;
    filesystemEncoding: string | null;
  };
  prefixes: {
    prefix: string;
    execPrefix: string;
    basePrefix: string | null;
    baseExecPrefix: string | null;
    realPrefix: string | null;
  };
  site: {
    /** site.ENABLE_USER_SITE: null when uid != euid (Python treats that as disabled). */
    enableUserSite: boolean | null;
    userBase: string | null;
    userSite: string | null;
    siteModuleDir: string | null;
    legacyNoGlobalMarker: string | null;
    legacyNoGlobalMarkerExists: boolean;
    sysPath: string[];
  };
  pyvenvCfg: { path: string; lines: string[] | null; error: string | null };
  locale: { messagesLanguage: string | null; hasLcMessages: boolean; error: string | null };
  sysconfig: {
    schemeNames: string[];
    preferred: { prefix: string | null; home: string | null; user: string | null } | null;
    defaultScheme: string | null;
    pipUseSysconfig: boolean | null;
    homeKeysIncludeUserbase: boolean;
    defaultPaths: SchemePaths;
    stdlib: string | null;
    paths: Record<string, SysconfigScheme>;
  };
  distutils: {
    error: string | null;
    cases: Record<DistutilsCase, DistutilsScheme | { error: string }> | null;
  } | null;
  pip: { version: string | null; location: string | null; module: string | null };
  externallyManaged: { path: string | null; isFile: boolean; content: string | null; error: string | null };
}

/** The probe writes this in place of a --prefix/--target value; see probe.py. */
export const PLACEHOLDER = '/@PIPDOCTOR_BASE@';
