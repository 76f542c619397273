// Running pip as root (pip >= 21.1) and the cache folder a `sudo pip` leaves behind.
import { cleanPath, pathFacts } from '../facts.js';
import type { Recogniser } from '../recogniser.js';
import type { MessageFacts } from '../types.js';

export const runningAsRoot: Recogniser = {
  kind: 'running-as-root',
  keys: ['running pip as'],
  match(text): MessageFacts | null {
    if (!/Running pip as (?:the ['‘’"]?root['‘’"]? user|root)/i.test(text)) return null;
    if (/will break packages and permissions/i.test(text)) return { pipRange: '21.1' };
    if (/rendering your system unusable|--root-user-action/i.test(text)) return { pipAtLeast: '24.1' };
    return { pipRange: '21.2-24.0' };
  },
};

export const cacheNotOwned: Recogniser = {
  kind: 'cache-not-owned',
  keys: ['parent directory is not owned'],
  match(text): MessageFacts | null {
    const m = /The directory ['"](.+?)['"] or its parent directory is not owned/i.exec(text);
    if (!m) return null;
    return { ...pathFacts(cleanPath(m[1] ?? '')), sudoHint: /sudo/i.test(text) };
  },
};
