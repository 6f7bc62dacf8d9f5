import type { PageSignal } from '../../shared/content';
import { send } from '../ui/messaging';
import { extractPage } from './extract-page';
import { guardInputs } from './input-guard';
import { watchScareware } from './scareware-watch';

/**
 * The content script, registered only while the user granted page access (see
 * background/page-access.ts). It reads the page once the browser is idle after load, and
 * again when a single-page app replaces much of it; the background judges. Everything runs
 * inside try/catch: whatever the page does, the script never throws into it.
 */
// "Changed a lot": this much new text, or a third of what the page had at the last check
// (a short Chinese view swapped into a short page is a big change in few characters).
const RECHECK_AFTER_CHARS = 600;
const RECHECK_AFTER_SHARE = 1 / 3;
const RECHECK_MIN_MS = 3000;
const MAX_CHECKS = 8;

let checks = 0;
let lastCheck = 0;
let pending = false;
let guarded = false;
let lastLength = 0;
const seen = new Set<PageSignal>();

const idle = (fn: () => void): void => {
  if ('requestIdleCallback' in globalThis) requestIdleCallback(fn, { timeout: 2000 });
  else setTimeout(fn, 200);
};

async function check(): Promise<void> {
  pending = false;
  if (checks >= MAX_CHECKS) return;
  checks++;
  lastCheck = Date.now();
  const extract = extractPage(document, [...seen]);
  lastLength = extract.text.length;
  const reply = await send('content/check', { extract });
  if (reply.guard && !guarded) {
    guarded = true;
    guardInputs(document, reply.guard);
  }
}

function schedule(): void {
  if (pending || checks >= MAX_CHECKS) return;
  pending = true;
  const wait = Math.max(0, lastCheck + RECHECK_MIN_MS - Date.now());
  setTimeout(
    () =>
      idle(
        () =>
          void check().catch(() => {
            // The worker may be restarting or the extension updating: the next change retries.
          }),
      ),
    wait,
  );
}

function start(): void {
  let changed = 0;
  const observer = new MutationObserver((records) => {
    for (const r of records)
      for (const node of r.addedNodes) changed += (node.textContent ?? '').length;
    if (changed >= Math.min(RECHECK_AFTER_CHARS, Math.max(50, lastLength * RECHECK_AFTER_SHARE))) {
      changed = 0;
      schedule();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  watchScareware(document, (signal) => {
    if (seen.has(signal)) return;
    seen.add(signal);
    schedule();
  });
  schedule();
}

try {
  if (window.top === window) start();
} catch {
  // Never into the page.
}
