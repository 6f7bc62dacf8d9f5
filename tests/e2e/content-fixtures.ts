import namesJson from '../../data/protected-names.json';
import { FIXTURE_INPUT_TYPE } from '../../scripts/lib/browser-view';
import { readContentCorpus, type CorpusSample } from '../../scripts/lib/content-corpus';
import { createLookalikeDetector, parseProtectedNames } from '../../shared/lookalike';

/**
 * Fixture pages for the content check, made from the corpus's held-out pages (the model never
 * trained on them): each becomes an ordinary HTML page with its text, a form with its fields'
 * labels and its buttons, so the real content script has to read them off the DOM.
 */
const escape = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function fixtureHtml(sample: CorpusSample): string {
  const p = sample.page;
  const fields = p.fields
    .map(
      (f, i) =>
        `<p><label for="f${i}">${escape(f.label)}</label> <input id="f${i}" type="${FIXTURE_INPUT_TYPE[f.kind] ?? 'text'}"></p>`,
    )
    .join('');
  const buttons = p.buttons.map((b) => `<button type="button">${escape(b)}</button>`).join(' ');
  const lang = sample.lang === 'zh' ? 'zh-CN' : 'en';
  // What the sample says the page has, as such pages show it: a widget, a link, a labelled
  // timer.
  const has = (signal: string) => p.signals.includes(signal as (typeof p.signals)[number]);
  const extras = [
    has('chat-widget') ? '<div id="kefu-chat-widget" class="livechat"><p>💬</p></div>' : '',
    has('download') ? '<p><a href="/app/latest.apk">⬇ app</a></p>' : '',
    has('countdown')
      ? `<p class="timer">${sample.lang === 'zh' ? '剩余支付时间' : 'Time left'} <span>00:14:59</span></p>`
      : '',
    has('payment')
      ? `<p><button type="button">${sample.lang === 'zh' ? '立即支付' : 'Pay now'}</button></p>`
      : '',
  ].join('');
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escape(p.title)}</title></head>
<body><h1>${escape(p.title)}</h1><p>${escape(p.text)}</p><form>${fields}${buttons}</form>${extras}</body></html>`;
}

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
