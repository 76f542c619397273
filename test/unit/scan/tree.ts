// Builds a fixture file tree (test/fixtures/trees/*.tree) in a temp folder. One entry a line:
//   dir/                      a folder
//   path/python3              a stand-in binary (not a #! script)
//   path = text               a file with that text (\n for new lines)
//   path @0                   an empty file (a Windows app execution alias)
//   path -> target            a symlink ({root} is the tree's root)
// `# comments`, blank lines, and `[section]` lines are ignored; {root} in texts is the tree's root.
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { tempDir } from '../../fixtures/temp.js';

export const TREES = resolve('test/fixtures/trees');

export function buildTree(name: string): string {
  const root = tempDir(`pd-tree-${name}-`);
  const text = readFileSync(join(TREES, `${name}.tree`), 'utf8');
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith('[')) continue;
    const fill = (s: string) => s.replaceAll('{root}', root);
    const link = /^(.+?)\s+->\s+(.+)$/.exec(line);
    const content = /^(.+?)\s+=\s?(.*)$/.exec(line);
    const empty = /^(.+?)\s+@0$/.exec(line);
    if (link) {
      const path = join(root, link[1] as string);
      mkdirSync(dirname(path), { recursive: true });
      symlinkSync(fill(link[2] as string), path);
    } else if (content) {
      const path = join(root, content[1] as string);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, fill((content[2] as string).replaceAll('\\n', '\n')));
    } else if (empty) {
      const path = join(root, empty[1] as string);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '');
    } else if (line.endsWith('/')) {
      mkdirSync(join(root, line), { recursive: true });
    } else {
      const path = join(root, line);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, '\x7fELF stand-in interpreter\n', { mode: 0o755 });
    }
  }
  return root;
}
