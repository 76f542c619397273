// pip meeting packages another installer owns: distutils installs, distro packages without RECORD.
import { cleanPath, pathFacts } from '../facts.js';
import { compact, type Recogniser } from '../recogniser.js';

export const distutilsUninstall: Recogniser = {
  kind: 'cannot-uninstall-distutils',
  keys: ['distutils installed project', 'uninstall-distutils-installed-package'],
  match(text) {
    const m = /Cannot uninstall ['"]?([\w.-]+)['"]?/i.exec(text);
    if (/distutils installed project|uninstall-distutils-installed-package/i.test(text)) {
      return compact({ package: m?.[1] ?? null });
    }
    return null;
  },
};

export const noRecordUninstall: Recogniser = {
  kind: 'cannot-uninstall-no-record',
  keys: ['record file', 'uninstall-no-record-file'],
  match(text) {
    if (!/RECORD file (?:not found|was found)|uninstall-no-record-file/i.test(text)) return null;
    const m = /(?:Cannot uninstall|no RECORD file was found for) ['"]?([\w.-]+)/i.exec(text);
    const by = /installed by ([\w-]+)/i.exec(text);
    return compact({ package: m?.[1] ?? null, installer: by?.[1] ?? null });
  },
  maxFollow: 8,
  follow(line, facts) {
    const trimmed = line.trim();
    if (
      /^(?:[×╰│]|hint:|note:|$)/.test(trimmed) ||
      /RECORD file|installed by|contents are unknown/i.test(trimmed)
    ) {
      const by = /installed by ([\w-]+)/i.exec(trimmed);
      if (by?.[1]) facts.installer = by[1].replace(/\.$/, '');
      const pkg = /no RECORD file was found for ([\w.-]+)/i.exec(trimmed);
      if (pkg?.[1] && facts.package === undefined) facts.package = pkg[1].replace(/\.$/, '');
      return 'take';
    }
    return 'end';
  },
};

export const outsideEnvironment: Recogniser = {
  kind: 'not-uninstalling-outside-environment',
  keys: ['outside environment'],
  match(text) {
    const m = /Not uninstalling ([\w.-]+) at (.+?), outside environment (.+)$/i.exec(text);
    return m
      ? { package: m[1] ?? null, ...pathFacts(cleanPath(m[2] ?? '')), environment: cleanPath(m[3] ?? '') }
      : null;
  },
};

export const schemeMismatch: Recogniser = {
  kind: 'scheme-mismatch',
  keys: ['does not match'],
  match(text) {
    const m = /Value for (?:scheme\.)?(\w+) does not match/i.exec(text);
    return m ? { key: m[1] ?? null, pipRange: '21.1-22.x' } : null;
  },
};

export const invalidDistribution: Recogniser = {
  kind: 'invalid-distribution',
  keys: ['ignoring invalid distribution'],
  match(text) {
    const m = /Ignoring invalid distribution (\S+) \((.+)\)/i.exec(text);
    return m ? { name: m[1] ?? null, ...pathFacts(cleanPath(m[2] ?? ''), 'directory') } : null;
  },
};

export const pipVersionLine: Recogniser = {
  kind: 'pip-version',
  keys: ['pip '],
  match(text) {
    const m =
      /(?:^|\s)pip (\d+(?:\.\d+){0,3}(?:\.?(?:dev|a|b|rc)\d*)?) from (.+?) \(python (\d+\.\d+)\)/.exec(text);
    if (!m) return null;
    return {
      pipVersion: m[1] ?? null,
      ...pathFacts(cleanPath(m[2] ?? ''), 'location'),
      pythonVersion: m[3] ?? null,
    };
  },
};
