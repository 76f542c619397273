// Reads the pip configuration files pip would consider (their locations come from the pure pip model).
import { readFileSync, statSync } from 'node:fs';
import type { ConfigFileFacts } from './facts.js';

const MAX_CONFIG_BYTES = 1024 * 1024;

export function readConfigFiles(
  locations: Array<Pick<ConfigFileFacts, 'level' | 'path'>>,
): ConfigFileFacts[] {
  return locations.map(({ level, path }) => {
    const facts: ConfigFileFacts = { level, path, exists: false, text: null, error: null };
    try {
      const stat = statSync(path);
      facts.exists = stat.isFile();
      if (!facts.exists) return facts;
      if (stat.size > MAX_CONFIG_BYTES) {
        facts.error = `larger than ${MAX_CONFIG_BYTES} bytes; not read`;
        return facts;
      }
      const bytes = readFileSync(path);
      const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      facts.text = text;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') return facts;
      facts.error =
        code === 'EACCES'
          ? 'permission denied'
          : error instanceof TypeError
            ? 'not valid UTF-8'
            : String(error);
    }
    return facts;
  });
}
