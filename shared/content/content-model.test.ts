import { describe, expect, it } from 'vitest';
import {
  classProbabilities,
  encodeContentModel,
  parseContentModel,
  scamProbability,
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
  gate: null,
};
const gated: ContentModel = {
  ...model,
  gate: {
    threshold: 0.3,
    bias: -1.25,
    weights: Float32Array.from({ length: dim }, (_, i) => (i - 4) / 4),
  },
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

  it('round-trips the gate, and reads a file without one as having none', () => {
    const back = parseContentModel(JSON.parse(JSON.stringify(encodeContentModel(gated))));
    expect(back.gate).toMatchObject({ threshold: 0.3, bias: -1.25 });
    gated.gate!.weights.forEach((w, i) =>
      expect(Math.abs(back.gate!.weights[i]! - w)).toBeLessThanOrEqual(1 / 127 / 2 + 1e-6),
    );
    expect(parseContentModel(encodeContentModel(model)).gate).toBeNull();
    const x = { indices: Uint32Array.of(0, 7), values: Float32Array.of(1, 2) };
    // sigmoid(-1.25 + (-1) × 1 + 0.75 × 2) = sigmoid(-0.75)
    expect(scamProbability(back.gate!, x)).toBeCloseTo(1 / (1 + Math.exp(0.75)), 2);
  });

  it.each([
    ['a gate threshold of 1', { threshold: 1 }],
    ['a gate bias that is not a number', { bias: 'x' }],
    ['gate weights of the wrong size', { weights: btoa('abc') }],
    ['gate weights that are not base64', { weights: '!!' }],
  ])('refuses %s', (_what, change) => {
    const file = encodeContentModel(gated);
    expect(() => parseContentModel({ ...file, gate: { ...file.gate, ...change } })).toThrow(
      /content model/,
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
