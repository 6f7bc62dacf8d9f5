import type { PageSignal } from '../../shared/content';

/**
 * Watches for what scareware does to hold the user: full screen, looping audio, a Back
 * button that keeps returning to the page. Only events the isolated world can see (no
 * patching of the page's functions); each is reported once.
 */
export function watchScareware(doc: Document, report: (signal: PageSignal) => void): void {
  doc.addEventListener('fullscreenchange', () => {
    if (doc.fullscreenElement) report('fullscreen');
  });
  // Media events do not bubble; a capturing listener on the document still sees them.
  doc.addEventListener(
    'play',
    (event) => {
      const media = event.target;
      if (media instanceof HTMLMediaElement && media.loop) report('audio-loop');
    },
    true,
  );
  let pops: number[] = [];
  window.addEventListener('popstate', () => {
    const now = Date.now();
    pops = [...pops.filter((t) => now - t < 10_000), now];
    if (pops.length >= 2) report('history-trap');
  });
}

/**
 * Silences the page and takes it out of full screen; run before the warning replaces it, and
 * waited for (half a second at most), so that the warning loads over a page that has left full
 * screen and whose sound has stopped, rather than racing them. Self-contained: it is run in
 * the page by `scripting.executeScript`, which sends only the function's source.
 */
export async function defendAgainstScareware(): Promise<void> {
  try {
    for (const media of document.querySelectorAll('audio, video')) {
      const m = media as HTMLMediaElement;
      m.muted = true;
      m.pause();
    }
    if (document.fullscreenElement) {
      await Promise.race([
        document.exitFullscreen().catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, 500)),
      ]);
    }
  } catch {
    // Never into the page.
  }
}
