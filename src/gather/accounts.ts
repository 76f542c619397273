// User and group names for numeric ids, from /etc/passwd and /etc/group (POSIX only).
import { readFileSync } from 'node:fs';

interface Account {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

let passwd: Account[] | undefined;
let groups: Map<number, string> | undefined;

function readLines(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n');
  } catch {
    return [];
  }
}

function accounts(): Account[] {
  passwd ??= readLines('/etc/passwd').flatMap((line) => {
    const [name, , uid, gid, , home] = line.split(':');
    if (!name || uid === undefined || gid === undefined) return [];
    return [{ name, uid: Number(uid), gid: Number(gid), home: home ?? '' }];
  });
  return passwd;
}

export function userName(uid: number | null): string | null {
  if (uid === null) return null;
  return accounts().find((a) => a.uid === uid)?.name ?? null;
}

export function accountHome(uid: number | null): string | null {
  if (uid === null) return null;
  return accounts().find((a) => a.uid === uid)?.home ?? null;
}

export function groupName(gid: number | null): string | null {
  if (gid === null) return null;
  groups ??= new Map(
    readLines('/etc/group').flatMap((line) => {
      const [name, , gidText] = line.split(':');
      return name && gidText ? [[Number(gidText), name] as [number, string]] : [];
    }),
  );
  return groups.get(gid) ?? null;
}
