import { openDatabase } from './db';
import { registerMessageHandlers, type Services } from './message-handlers';
import { registerNavigationGuard } from './navigation-guard';
import { createPersonalBlocklist } from './personal-blocklist';
import { createProtection } from './protection';

/**
 * Wiring only. Every listener is registered here, synchronously, in the worker's first
 * turn; each waits on `ready`, which resolves once the stored data is loaded.
 */
async function start(): Promise<Services> {
  const db = await openDatabase();
  const personal = await createPersonalBlocklist(db);
  const protection = createProtection({ personal, list: () => null });
  return { protection, personal };
}

const ready = start();
ready.catch((error: unknown) => console.error('Scam Guard failed to start', error));

registerNavigationGuard(ready.then((s) => s.protection));
registerMessageHandlers(ready);
