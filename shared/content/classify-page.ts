import { classProbabilities, scamProbability, type ContentModel } from './content-model';
import { isContentScenario, type ContentScenario } from './content-scenarios';
import { evaluateRules, type ContentRuleId, type RuleContext } from './content-rules';
import { isGovernmentHost } from './government-host';
import type { PageExtract } from './page-extract';
import { pageFeatures } from './page-features';

export type ContentReason = ContentRuleId | 'model';

export interface ContentVerdict {
  readonly suspicious: boolean;
  /** The scenario to name on the warning; null when the page looks ordinary. */
  readonly scenario: ContentScenario | null;
  /** The model's probability for that scenario (0 without a model). */
  readonly score: number;
  readonly reasons: readonly ContentReason[];
}

export interface ClassifyOptions extends Partial<RuleContext> {
  /** The model from the active list; null or absent means rules only. */
  readonly model?: ContentModel | null;
}

/**
 * A checked rule decides when the model, short of agreeing, does not see an ordinary page
 * either: the gate gives the page at least half its bar. In five-fold cross-validation on the
 * training split (878 pages, before batch 5), half (against a third) took false alarms from 37
 * to 34 of 570 honest pages for 2 of 308 scam pages; the whole bar, which leaves the rule
 * nothing to add, from 34 to 31 for 6 more (measured before GATE_MIN_TEXT).
 */
const GATE_CHECKED_SHARE = 2;
/** The same for a model from before the gate: a third of the likeliest scenario's bar. */
const CHECKED_SHARE = 3;
/**
 * Below this many characters of title and text the gate does not decide; the scenario model
 * does, as it would without a gate, once the gate gives the page half its bar. With little
 * text to read, the gate goes by the form and the payment prompt alone, and called a one-line
 * shop checkout asking for a card a scam. In five-fold cross-validation on the training split
 * (878 pages, before batch 5), 100 characters kept false alarms at 34 of 570 honest pages and
 * raised scam pages warned about from 251 to 260 of 308 (50: 34, 251; 150: 37, 260; 200: 42,
 * 260).
 */
const GATE_MIN_TEXT = 100;

/** The share of the scenario model's bar it must reach for the gate to decide (see below). */
const GATE_NAMED_SHARE = 2;

/**
 * Judges one page. A strong rule decides alone, and a checked rule with the model's assent;
 * otherwise the model's gate (scam or honest, every scenario pooled) must be sure enough, and
 * the scenario model names the scam. A model from before the gate decides by the scenario
 * model's own `threshold`, which a supporting rule (a countdown beside a payment, a task that
 * wants money first…) halves; the gate needs no such help, and measured with it, the halved
 * bar only added false alarms. Without a model only the strong and checked rules speak, so a
 * list that lost its model can miss pages but never warns on more of them.
 *
 * Form fields alone lower no bar: the model weighs each field kind itself, and a halved bar
 * for any card, ID or account field was the way most false alarms on checkouts, sign-ups and
 * bank pages went through. In five-fold cross-validation on the training split, dropping it
 * took false alarms from 20 to 12 of 178 ordinary pages and from 38 to 34 of 392 hard
 * negatives, for 7 of 308 scam pages.
 *
 * The model speaks only on a page that asks for something (a field beyond a search box) or
 * does something (a payment prompt, download, chat, countdown, lock). Words alone are what
 * manuals, release notes and program messages share with phishing ("验证", "过期", "登录",
 * "verify", "expired"); measured on such text, word-only verdicts were nearly all false.
 */
export function classifyPage(page: PageExtract, options: ClassifyOptions = {}): ContentVerdict {
  // A host under gov.cn or .gov is a government body's own: its sign-up and report forms ask
  // what the two form rules look for. In five-fold cross-validation on the training split
  // (1,262 pages) this took false alarms from 50 to 49 of 866 honest pages, at the same 329 of
  // 396 scam pages warned about.
  const institutionHost = options.institutionHost ?? isGovernmentHost(page.host);
  const hits = evaluateRules(page, { institutionHost });
  const ruleReasons = hits.map((h) => h.rule);

  let best: { scenario: ContentScenario; p: number } | null = null;
  const model = options.model;
  const features = model ? pageFeatures(page, model.dim) : null;
  if (model) {
    const probabilities = classProbabilities(model, features!);
    model.classes.forEach((c, i) => {
      const p = probabilities[i]!;
      if (isContentScenario(c) && (!best || p > best.p)) best = { scenario: c, p };
    });
  }
  const top = best as { scenario: ContentScenario; p: number } | null;
  const gate = model?.gate ?? null;
  const scam = gate ? scamProbability(gate, features!) : 0;
  const assents = (share: number) =>
    gate ? scam >= gate.threshold / share : (top?.p ?? 0) >= model!.threshold / share;
  const strong = hits.find(
    (h) =>
      h.strength === 'strong' ||
      // With a gate, a checked rule also needs the scenario model to name some scam at its own
      // bar: the gate's half bar alone let through bank and shop pages that the scenario model
      // read as no scam in particular. In five-fold cross-validation on the training split
      // (1,262 pages), false alarms fell from 45 to 42 of 866 honest pages for 1 of the 332 of
      // 396 scam pages warned about; a bar of 0.2 cut one false alarm fewer.
      (h.strength === 'checked' &&
        (!model ||
          (gate
            ? assents(GATE_CHECKED_SHARE) && (top?.p ?? 0) >= model.threshold
            : assents(CHECKED_SHARE)))),
  );

  if (strong) {
    return {
      suspicious: true,
      // A form that asks for card and code is phishing unless the words say which scam it is.
      scenario:
        strong.scenario ??
        (top && model && top.p >= model.threshold / 2 ? top.scenario : 'phishing'),
      score: top?.p ?? 0,
      reasons: model && assents(1) ? [...ruleReasons, 'model'] : ruleReasons,
    };
  }
  const acts = page.signals.length > 0 || page.fields.some((f) => f.kind !== 'other');
  if (model && top && acts) {
    const supported = hits.some((h) => h.strength === 'support');
    const bar = supported ? model.threshold / 2 : model.threshold;
    const gated = gate && page.title.length + page.text.length >= GATE_MIN_TEXT;
    // On a short page the scenario model decides, with the gate's half assent as for a checked
    // rule. In five-fold cross-validation on the training split (1,262 pages), that took false
    // alarms from 42 to 40 of 866 honest pages, at the same 331 of 396 scam pages warned about.
    const shortAssent = !gate || scam >= gate.threshold / GATE_CHECKED_SHARE;
    // On a long page the gate decides, once the scenario model reads some scam in particular at
    // half its bar: the gate alone, which pools every scenario, flagged checkouts, bill payments
    // and anti-fraud notices that no scenario model took for any one scam. In five-fold
    // cross-validation on the training split (1,262 pages), false alarms fell from 40 to 31 of
    // 866 honest pages for 9 of the 331 of 396 scam pages warned about (a quarter of the bar:
    // 37 and 328; the whole bar: 26 and 303).
    const named = top.p >= model.threshold / GATE_NAMED_SHARE;
    if (gated ? scam >= gate.threshold && named : top.p >= bar && shortAssent) {
      // The model's own scenario when it is sure; a rule's when the rule lifted it over the bar.
      const ruled = hits.find((h) => h.scenario)?.scenario;
      const scenario = top.p >= model.threshold || !ruled ? top.scenario : ruled;
      return { suspicious: true, scenario, score: top.p, reasons: [...ruleReasons, 'model'] };
    }
  }
  return { suspicious: false, scenario: null, score: top?.p ?? 0, reasons: ruleReasons };
}
