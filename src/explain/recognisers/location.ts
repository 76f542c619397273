// pip's decision about where to install: the user-site fallback and the refusals around --user.

import { cleanPath, pathFacts } from '../facts.js';
import { compact, type Recogniser } from '../recogniser.js';

// "Can not" (pip) and "Cannot" (pastes, retyped messages); quotes may be straight or curly, or lost.
const USER_FLAG = `['‘’"]?--user['‘’"]?`;

export const userInstallFallback: Recogniser = {
  kind: 'user-install-fallback',
  keys: ['defaulting to user'],
  match(text) {
    return /Defaulting to user installation because normal site-packages is not\s?writ\s?e?able/i.test(text)
      ? { pipAtLeast: '20.0' }
      : null;
  },
};

export const userInVirtualenv: Recogniser = {
  kind: 'user-in-virtualenv',
  keys: ['not visible in this virtualenv', 'user site-packages are not visible'],
  match(text) {
    if (/User site-packages are not visible in this virtualenv/i.test(text)) return {};
    return null;
  },
};

export const userSiteDisabled: Recogniser = {
  kind: 'user-site-disabled',
  keys: ['user site-packages are disabled'],
  match(text) {
    return /User site-packages are disabled for this Python/i.test(text) ? { pipAtLeast: '25.3' } : null;
  },
};

/** "Can not perform a '--user' install." alone: the reason was on a line we lost. */
export const userInstallRefused: Recogniser = {
  kind: 'user-in-virtualenv',
  keys: ['perform a'],
  match(text) {
    return new RegExp(`Can ?not perform a ${USER_FLAG} install`, 'i').test(text)
      ? { reason: 'unknown (the rest of the message is missing)' }
      : null;
  },
};

export const requireVirtualenv: Recogniser = {
  kind: 'require-virtualenv',
  keys: ['activated virtualenv'],
  match(text) {
    return /Could not find an activated virtualenv/i.test(text) ? {} : null;
  },
};

const combine = (other: 'prefix' | 'target'): RegExp =>
  new RegExp(`Can ?not combine ${USER_FLAG} and ['‘’"]?--${other}`, 'i');

export const userPrefixConflict: Recogniser = {
  kind: 'user-prefix-conflict',
  keys: ['combine'],
  match(text) {
    return combine('prefix').test(text) ? {} : null;
  },
};

export const userTargetConflict: Recogniser = {
  kind: 'user-target-conflict',
  keys: ['combine'],
  match(text) {
    return combine('target').test(text) ? { pipAtLeast: '20.1' } : null;
  },
};

// pip < 20.1 let distutils refuse --user with --target (pip's --target is distutils' home).
export const distutilsUserHome: Recogniser = {
  kind: 'user-target-conflict',
  keys: ["can't combine user with"],
  match(text) {
    return /can't combine user with prefix, exec_prefix\/home/i.test(text)
      ? { pipBefore: '20.1', source: 'distutils' }
      : null;
  },
};

export const targetNotDirectory: Recogniser = {
  kind: 'target-not-directory',
  keys: ['target path exists'],
  match(text) {
    return /Target path exists but is not a directory/i.test(text) ? {} : null;
  },
};

export const userSitePrecedence: Recogniser = {
  kind: 'user-site-precedence',
  keys: ['lack sys.path precedence'],
  match(text) {
    const m =
      /Will not install to the user site because it will lack sys\.path precedence to (\S+) in (.+)$/i.exec(
        text,
      );
    if (!m) return null;
    return compact({ package: m[1] ?? null, ...pathFacts(cleanPath(m[2] ?? '')) });
  },
};

export const pyvenvCfgUnreadable: Recogniser = {
  kind: 'pyvenv-cfg-unreadable',
  keys: ["access 'pyvenv.cfg'", 'access pyvenv.cfg'],
  match(text) {
    return /Could not access '?pyvenv\.cfg'? despite a virtual environment being active/i.test(text)
      ? {}
      : null;
  },
};
