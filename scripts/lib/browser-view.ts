import { fieldKind, textSignals, type PageExtract } from '../../shared/content';
import type { CorpusSample } from './content-corpus';

/** How the browser-test fixtures mark up a field of each kind (tests/e2e/content-fixtures.ts). */
export const FIXTURE_INPUT_TYPE: Readonly<Record<string, string>> = {
  password: 'password',
  phone: 'tel',
};

/**
 * A corpus page as the content script reads it off its fixture page: each field's kind from
 * its label and input type, as `fieldKind` judges it in the browser ("Library card number" is
 * a card there, whatever the sample says), and the signals the sample states (the fixture
 * shows each as a widget, link or timer) together with those its words show. The figures
 * that count are the ones on this view: it is what ships.
 */
export function browserView(sample: CorpusSample): PageExtract {
  const p = sample.page;
  const fields = p.fields.map((f) => ({
    ...f,
    kind: fieldKind({
      type: FIXTURE_INPUT_TYPE[f.kind] ?? 'text',
      autocomplete: '',
      label: f.label,
    }),
  }));
  const words = textSignals(`${p.title} ${p.text}`, p.buttons);
  return { ...p, fields, signals: [...new Set([...p.signals, ...words])] };
}
