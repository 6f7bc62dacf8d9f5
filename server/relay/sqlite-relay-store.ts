import Database from 'better-sqlite3';
import { runMigrations } from '../store/sqlite-migrations';
import type { PairingSlot, RelayMessage, RelayStore } from './relay-store';

interface SlotRow {
  id: string;
  code: string;
  watcher_key: string;
  watched_key: string | null;
  channel_id: string;
  expires_at: number;
}

const toSlot = (row: SlotRow): PairingSlot => ({
  id: row.id,
  code: row.code,
  watcherKey: row.watcher_key,
  watchedKey: row.watched_key,
  channelId: row.channel_id,
  expiresAt: row.expires_at,
});

/** The relay on the service's own SQLite file (same database, same migrations). */
export function createSqliteRelayStore(path: string): RelayStore {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  runMigrations(db);

  const insertSlot = db.prepare(
    `INSERT INTO relay_pairings (id, code, watcher_key, channel_id, expires_at)
     VALUES (@id, @code, @watcherKey, @channelId, @expiresAt)`,
  );
  const slotByCode = db.prepare<[string, number], SlotRow>(
    'SELECT * FROM relay_pairings WHERE code = ? AND expires_at > ? AND watched_key IS NULL',
  );
  const slotById = db.prepare<[string, number], SlotRow>(
    'SELECT * FROM relay_pairings WHERE id = ? AND expires_at > ?',
  );
  const claim = db.prepare('UPDATE relay_pairings SET watched_key = ?, code = ? WHERE id = ?');
  const openChannel = db.prepare('INSERT INTO relay_channels (id, created_at) VALUES (?, ?)');
  const hasChannel = db.prepare('SELECT 1 FROM relay_channels WHERE id = ?');
  const insertMessage = db.prepare(
    'INSERT INTO relay_messages (channel_id, box, expires_at) VALUES (?, ?, ?)',
  );
  const selectMessages = db.prepare<[string, number, number, number], RelayMessage>(
    `SELECT id, box FROM relay_messages
     WHERE channel_id = ? AND id > ? AND expires_at > ? ORDER BY id LIMIT ?`,
  );
  const dropChannel = db.prepare('DELETE FROM relay_channels WHERE id = ?');
  const purgeMessages = db.prepare('DELETE FROM relay_messages WHERE expires_at <= ?');
  const purgeSlots = db.prepare('DELETE FROM relay_pairings WHERE expires_at <= ?');

  // One transaction: two browsers using the same code at once cannot both get the channel.
  const claimTx = db.transaction((code: string, watchedKey: string, now: number) => {
    const row = slotByCode.get(code, now);
    if (!row) return null;
    // The code is spent: it is replaced by the slot's id, which no one types.
    claim.run(watchedKey, `used:${row.id}`, row.id);
    openChannel.run(row.channel_id, now);
    return toSlot({ ...row, watched_key: watchedKey });
  });

  return {
    async createPairing(slot) {
      try {
        insertSlot.run(slot);
        return 'created';
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') return 'code-taken';
        throw error;
      }
    },
    async claimPairing(code, watchedKey, now) {
      return claimTx.immediate(code, watchedKey, now);
    },
    async getPairing(id, now) {
      const row = slotById.get(id, now);
      return row ? toSlot(row) : null;
    },
    async channelExists(channelId) {
      return hasChannel.get(channelId) !== undefined;
    },
    async postMessage(channelId, box, expiresAt) {
      try {
        return Number(insertMessage.run(channelId, box, expiresAt).lastInsertRowid);
      } catch (error) {
        // Unpaired between the route's check and this insert.
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return null;
        throw error;
      }
    },
    async messages(channelId, after, now, limit) {
      return selectMessages.all(channelId, after, now, limit);
    },
    async deleteChannel(channelId) {
      return dropChannel.run(channelId).changes > 0;
    },
    async purgeExpired(now) {
      return purgeMessages.run(now).changes + purgeSlots.run(now).changes;
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
