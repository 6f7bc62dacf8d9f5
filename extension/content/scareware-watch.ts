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

/** Takes the page out of full screen and silences it; run before the warning replaces it. */
export function defendAgainstScareware(): void {
  try {
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    for (const media of document.querySelectorAll('audio, video')) {
      const m = media as HTMLMediaElement;
      m.muted = true;
      m.pause();
    }
  } catch {
    // Never into the page.
  }
}
