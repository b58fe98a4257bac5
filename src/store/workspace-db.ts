/**
 * The IndexedDB database the page keeps its work in (through `idb`): workspaces by id, the page's own
 * record (language, lessons) and which workspace is open, and records kept aside (a save from a newer
 * svclab, a damaged one, the localStorage save it was migrated from) so that none is ever dropped.
 *
 * @example
 * const db = await openWorkDb();
 * await db.put('workspaces', { v: 1, id: 'w-1', … });
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';

export const DB_NAME = 'svclab';
const DB_VERSION = 1;

export interface AsideRecord {
  /** Why it was kept: 'newer' (a later svclab wrote it), 'damaged', 'migrated' (the old localStorage save). */
  reason: 'newer' | 'damaged' | 'migrated';
  /** Where it was: "workspaces/w-1", "app", "localStorage/svclab:v1". */
  from: string;
  at: number;
  value: unknown;
}

interface WorkDb extends DBSchema {
  workspaces: { key: string; value: Record<string, unknown> & { id: string } };
  /** "app": the page's record; "current": the id of the workspace open. */
  app: { key: string; value: unknown };
  aside: { key: number; value: AsideRecord };
}

export type Db = IDBPDatabase<WorkDb>;

export function openWorkDb(): Promise<Db> {
  return openDB<WorkDb>(DB_NAME, DB_VERSION, {
    upgrade(db) {
      db.createObjectStore('workspaces', { keyPath: 'id' });
      db.createObjectStore('app');
      db.createObjectStore('aside', { autoIncrement: true });
    },
    // A newer svclab in another tab wants to change the database: let it (this tab reloads when told).
    blocking() {
      db?.close();
    },
  });
}

let db: Db | undefined;

/** The database this page opened (one connection per page). */
export async function workDb(): Promise<Db> {
  db ??= await openWorkDb();
  return db;
}

/** Forgets the connection (tests open the database again as a reload would). */
export function closeWorkDb(): void {
  db?.close();
  db = undefined;
}

/** The storage is full: the browser refused to write (QuotaExceededError, directly or as a transaction's). */
export function isQuotaError(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  const inner = (e as { error?: { name?: unknown } } | null)?.error?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
