import type pg from 'pg';
import type { PairingSlot, RelayStore } from './relay-store';

interface SlotRow {
  id: string;
  code: string;
  watcher_key: string;
  watched_key: string | null;
  channel_id: string;
  // BIGINT arrives as a string from pg.
  expires_at: string;
}

const toSlot = (row: SlotRow): PairingSlot => ({
  id: row.id,
  code: row.code,
  watcherKey: row.watcher_key,
  watchedKey: row.watched_key,
  channelId: row.channel_id,
  expiresAt: Number(row.expires_at),
});

/**
 * The relay in PostgreSQL, for many instances behind one proxy. As with reports, every write
 * is one statement, so instances need no lock between them; where order or single use
 * matters, the row lock that statement takes decides. The pool belongs to backend.ts.
 */
export function createPostgresRelayStore(pool: pg.Pool): RelayStore {
  return {
    async createPairing(slot) {
      const result = await pool.query(
        `INSERT INTO relay_pairings (id, code, watcher_key, channel_id, expires_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT (code) DO NOTHING`,
        [slot.id, slot.code, slot.watcherKey, slot.channelId, slot.expiresAt],
      );
      return result.rowCount === 1 ? 'created' : 'code-taken';
    },
    async claimPairing(code, watchedKey, now) {
      // One statement: a second claim of the same code waits for the first one's row lock,
      // then re-checks the row, finds the code spent (replaced by the slot's id, which no
      // one types) and updates nothing. The channel opens in the same statement.
      const { rows } = await pool.query<SlotRow>(
        `WITH claimed AS (
           UPDATE relay_pairings SET watched_key = $2, code = 'used:' || id
           WHERE code = $1 AND expires_at > $3 AND watched_key IS NULL
           RETURNING *
         ), opened AS (
           INSERT INTO relay_channels (id, created_at) SELECT channel_id, $3 FROM claimed
         )
         SELECT * FROM claimed`,
        [code, watchedKey, now],
      );
      return rows[0] ? toSlot(rows[0]) : null;
    },
    async getPairing(id, now) {
      const { rows } = await pool.query<SlotRow>(
        'SELECT * FROM relay_pairings WHERE id = $1 AND expires_at > $2',
        [id, now],
      );
      return rows[0] ? toSlot(rows[0]) : null;
    },
    async channelExists(channelId) {
      const result = await pool.query('SELECT 1 FROM relay_channels WHERE id = $1', [channelId]);
      return result.rowCount === 1;
    },
    async postMessage(channelId, box, expiresAt) {
      // The channel's row lock is taken before the id is drawn and held until commit, so on
      // one channel ids commit in order: a reader paging with `after` cannot pass an id
      // that another instance has drawn but not yet committed, and lose that message.
      const { rows } = await pool.query<{ id: string }>(
        `WITH channel AS (SELECT id FROM relay_channels WHERE id = $1 FOR UPDATE)
         INSERT INTO relay_messages (channel_id, box, expires_at)
         SELECT id, $2, $3 FROM channel
         RETURNING id`,
        [channelId, box, expiresAt],
      );
      return rows[0] ? Number(rows[0].id) : null;
    },
    async messages(channelId, after, now, limit) {
      const { rows } = await pool.query<{ id: string; box: string }>(
        `SELECT id, box FROM relay_messages
         WHERE channel_id = $1 AND id > $2 AND expires_at > $3 ORDER BY id LIMIT $4`,
        [channelId, after, now, limit],
      );
      return rows.map((row) => ({ id: Number(row.id), box: row.box }));
    },
    async deleteChannel(channelId) {
      // ON DELETE CASCADE takes the channel's messages with it.
      const result = await pool.query('DELETE FROM relay_channels WHERE id = $1', [channelId]);
      return result.rowCount === 1;
    },
    async purgeExpired(now) {
      // Every instance purges on every request: SKIP LOCKED leaves rows another purge (or a
      // claim, or an unpairing) holds to it, so purges never wait on each other or deadlock.
      // Readers filter on expires_at themselves; a row left for the next purge is invisible.
      const { rows } = await pool.query<{ n: string }>(
        `WITH messages AS (
           DELETE FROM relay_messages WHERE id IN (
             SELECT id FROM relay_messages WHERE expires_at <= $1 FOR UPDATE SKIP LOCKED)
           RETURNING 1
         ), slots AS (
           DELETE FROM relay_pairings WHERE id IN (
             SELECT id FROM relay_pairings WHERE expires_at <= $1 FOR UPDATE SKIP LOCKED)
           RETURNING 1
         )
         SELECT (SELECT COUNT(*) FROM messages) + (SELECT COUNT(*) FROM slots) AS n`,
        [now],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      // The pool is closed by its owner (backend.ts).
    },
  };
}
