import { Window } from 'happy-dom';
import { extractPage } from '../../extension/content/extract-page';
import type { PageExtract } from '../../shared/content';
import type { CorpusSample } from './content-corpus';
import { fixtureHtml } from './content-fixture';

/**
 * The DOM the content script's extraction runs on, from happy-dom: what it reads as globals
 * in the page (`Node`, `NodeFilter`, `HTMLInputElement`, `CSS`) is set from the same window.
 */
const window = new Window();
Object.assign(globalThis, {
  Node: window.Node,
  NodeFilter: window.NodeFilter,
  HTMLInputElement: window.HTMLInputElement,
  CSS: window.CSS,
});

/**
 * A corpus page as the content script reads it off its fixture page (`fixtureHtml`, which
 * the browser tests serve): the same extraction code on the same HTML, so field kinds come
 * from their labels ("Library card number" is a card there, whatever the sample says) and
 * the text includes the labels, buttons and widgets the fixture shows. The figures that count
 * are the ones on this view, and the model learns from it: it is what ships. The browser
 * tests check that real Chromium reaches the same verdicts.
 */
export function browserView(sample: CorpusSample): PageExtract {
  const doc = new window.DOMParser().parseFromString(fixtureHtml(sample), 'text/html');
  return { ...extractPage(doc as unknown as Document), host: sample.page.host };
}
