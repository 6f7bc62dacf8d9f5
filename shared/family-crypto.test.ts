import { describe, expect, it } from 'vitest';
import { agreeKeys, newKeyPair, open, seal } from './family-crypto';

function pairUp() {
  const watcher = newKeyPair();
  const watched = newKeyPair();
  const order = { watcher: watcher.publicKey, watched: watched.publicKey };
  return {
    watcher: agreeKeys(watcher.secretKey, watched.publicKey, order),
    watched: agreeKeys(watched.secretKey, watcher.publicKey, order),
  };
}

const CHANNEL = 'AAAAAAAAAAAAAAAAAAAAAA';
const ALERT = { kind: 'warning', host: 'fake-bank.top', category: 'phishing', at: 1 };

describe('family alert encryption', () => {
  it('gives both browsers the same key and the same six-digit check code', () => {
    const { watcher, watched } = pairUp();
    expect(watcher.key).toEqual(watched.key);
    expect(watcher.checkCode).toBe(watched.checkCode);
    expect(watcher.checkCode).toMatch(/^[0-9]{3} [0-9]{3}$/);
  });

  it('shows a different check code when someone in the middle swapped a key', () => {
    const watcher = newKeyPair();
    const watched = newKeyPair();
    const intruder = newKeyPair();
    // The relay handed each side the intruder's key instead of the other's.
    const seenByWatcher = agreeKeys(watcher.secretKey, intruder.publicKey, {
      watcher: watcher.publicKey,
      watched: intruder.publicKey,
    });
    const seenByWatched = agreeKeys(watched.secretKey, intruder.publicKey, {
      watcher: intruder.publicKey,
      watched: watched.publicKey,
    });
    expect(seenByWatcher.checkCode).not.toBe(seenByWatched.checkCode);
  });

  it('opens what was sealed, and nothing of the alert shows in the box', async () => {
    const { watcher, watched } = pairUp();
    const box = await seal(watched.key, CHANNEL, ALERT);
    expect(box).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(box).not.toContain('fake');
    await expect(open(watcher.key, CHANNEL, box)).resolves.toEqual(ALERT);
  });

  it('seals every alert to the same size, whatever the host', async () => {
    const { watched } = pairUp();
    const short = await seal(watched.key, CHANNEL, { ...ALERT, host: 'a.cn' });
    const long = await seal(watched.key, CHANNEL, { ...ALERT, host: 'x'.repeat(150) + '.top' });
    expect(short.length).toBe(long.length);
  });

  it.each([
    // The first character changed to another, whatever it was: the nonce no longer matches.
    ['an altered box', (box: string) => (box[0] === 'A' ? 'B' : 'A') + box.slice(1), CHANNEL],
    ['a box for another channel', (box: string) => box, 'BBBBBBBBBBBBBBBBBBBBBB'],
  ])('refuses %s', async (_name, change, channel) => {
    const { watcher, watched } = pairUp();
    const box = change(await seal(watched.key, CHANNEL, ALERT));
    await expect(open(watcher.key, channel, box)).rejects.toThrow();
  });

  it('refuses a box sealed with another key', async () => {
    const box = await seal(pairUp().watched.key, CHANNEL, ALERT);
    await expect(open(pairUp().watcher.key, CHANNEL, box)).rejects.toThrow();
  });
});
