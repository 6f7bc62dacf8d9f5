import namesJson from '../../data/protected-names.json';
import { readContentCorpus, type CorpusSample } from '../../scripts/lib/content-corpus';
import { createLookalikeDetector, parseProtectedNames } from '../../shared/lookalike';

// Fixture pages for the content check are made from the corpus's held-out pages (the model
// never trained on them), so the real content script has to read them off the DOM.
export { fixtureHtml } from '../../scripts/lib/content-fixture';
/**
 * A scareware page as they come: an innocent lure, then on the first click full screen, a
 * looping alarm and "your computer is infected, call support".
 */
export function scarewareHtml(lang: 'zh' | 'en'): string {
  const text =
    lang === 'zh'
      ? '警告！您的电脑已感染木马病毒并被锁定。请勿关闭或重启电脑，立即拨打微软技术支持热线 400-000-0000。'
      : 'Warning! Your computer is infected with a trojan and has been locked. Do not restart your computer. Call Microsoft support now at 1-800-000-0000.';
  // A second of a 440 Hz tone as a WAV data URL: real audio for the loop, nothing fetched.
  const rate = 8000;
  const samples = new Uint8Array(rate);
  for (let i = 0; i < rate; i++)
    samples[i] = 128 + Math.round(60 * Math.sin((2 * Math.PI * 440 * i) / rate));
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + rate, 4);
  header.write('WAVEfmt ', 8);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(rate, 40);
  const wav = Buffer.concat([header, Buffer.from(samples)]).toString('base64');
  return `<!doctype html><html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head><meta charset="utf-8"><title>Video player</title></head>
<body><h1>Video player</h1><p id="lure">Click OK to watch the video.</p><button id="go" type="button">OK</button>
<audio id="alarm" loop src="data:audio/wav;base64,${wav}"></audio>
<script>
  const log = (m) => console.log('scareware:' + m);
  document.addEventListener('fullscreenchange', () => log(document.fullscreenElement ? 'fullscreen' : 'left-fullscreen'));
  const alarm = document.getElementById('alarm');
  alarm.addEventListener('volumechange', () => { if (alarm.muted) log('muted'); });
  alarm.addEventListener('pause', () => log('paused'));
  document.getElementById('go').addEventListener('click', async () => {
    document.getElementById('lure').textContent = ${JSON.stringify(text)};
    document.querySelector('h1').textContent = 'Windows Security Alert';
    document.title = 'Windows Security Alert';
    await document.documentElement.requestFullscreen();
    await alarm.play();
  });
</script></body></html>`;
}

const lookalikes = createLookalikeDetector({ protectedNames: parseProtectedNames(namesJson) });

/**
 * The held-out pages, less those whose host the look-alike detector already flags (say a
 * fake tax office's `hmrc-…` host once HMRC is protected): such a page gets the look-alike
 * warning before its content is read, so it tests the detector, not the content check.
 */
export async function heldOutSamples(): Promise<CorpusSample[]> {
  return (await readContentCorpus()).filter(
    (s) => s.split === 'held-out' && lookalikes.check(`https://${s.page.host}/`) === null,
  );
}
