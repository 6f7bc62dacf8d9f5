import { describe, expect, it } from 'vitest';
import {
  classProbabilities,
  encodeContentModel,
  parseContentModel,
  type ContentModel,
} from './content-model';
import { CONTENT_CLASSES } from './content-scenarios';

const dim = 8;
const n = CONTENT_CLASSES.length;
const model: ContentModel = {
  version: 3,
  dim,
  classes: [...CONTENT_CLASSES],
  threshold: 0.5,
  bias: Float32Array.from({ length: n }, (_, c) => c / 10),
  weights: Float32Array.from({ length: n * dim }, (_, i) => ((i % 7) - 3) / 2),
};

describe('content model file', () => {
  it('round-trips through int8 quantisation within half a step', () => {
    const back = parseContentModel(JSON.parse(JSON.stringify(encodeContentModel(model))));
    expect(back.classes).toEqual(model.classes);
    const step = 1.5 / 127;
    model.weights.forEach((w, i) =>
      expect(Math.abs(back.weights[i]! - w)).toBeLessThanOrEqual(step / 2 + 1e-6),
    );
  });

  const good = encodeContentModel(model);
  it.each([
    ['not an object', null],
    [
      'a missing benign class',
      {
        ...good,
        classes: good.classes.filter((c) => c !== 'benign'),
        bias: good.bias.slice(1),
        scales: good.scales.slice(1),
      },
    ],
    ['an unknown class', { ...good, classes: [...good.classes.slice(1), 'lottery'] }],
    ['a threshold of 1', { ...good, threshold: 1 }],
    ['weights of the wrong size', { ...good, weights: good.weights.slice(4) }],
    ['weights that are not base64', { ...good, weights: '%%%' }],
    ['a huge dimension', { ...good, dim: 1 << 20 }],
    ['a NaN bias', { ...good, bias: good.bias.map(() => Number.NaN) }],
  ])('refuses %s', (_what, raw) => {
    expect(() => parseContentModel(raw)).toThrow(TypeError);
  });

  it('gives probabilities that sum to one', () => {
    const p = classProbabilities(model, {
      indices: Uint32Array.of(1, 5),
      values: Float32Array.of(0.5, 2),
    });
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
  });
});
