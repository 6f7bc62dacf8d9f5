import { hostname } from 'node:os';
import { open, readFile, unlink } from 'node:fs/promises';

export interface PublishLock {
  release(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the publish lock at `path` (a file created with O_EXCL holding pid and host), or
 * returns null when a live process holds it, so a cron run that overlaps a slow one simply
 * does nothing. A lock left by a process that died on this host is taken over. One host
 * publishes a given folder; the lock does not reach across machines.
 */
export async function takePublishLock(path: string): Promise<PublishLock | null> {
  const owner = `${process.pid} ${hostname()}\n`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(owner);
      await handle.close();
      return { release: () => unlink(path).catch(() => undefined) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pid, host] = (await readFile(path, 'utf8').catch(() => '')).trim().split(' ');
    const stale = host === hostname() && pid !== undefined && !alive(Number(pid));
    if (!stale) return null;
    await unlink(path).catch(() => undefined);
  }
  return null;
}
