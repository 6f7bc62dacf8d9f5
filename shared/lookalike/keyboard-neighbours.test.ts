import { describe, expect, it } from 'vitest';
import { keyboardNeighbours } from './keyboard-neighbours';

describe('keyboardNeighbours', () => {
  it.each([
    ['a', 's', true],
    ['s', 'a', true],
    ['k', 'l', true],
    ['k', 'i', true],
    ['k', 'm', true],
    ['g', 't', true],
    ['n', 'm', true],
    ['o', '0', true],
    ['k', 't', false], // metamast is not MetaMask
    ['a', 'e', false], // opensee is not OpenSea
    ['m', 'c', false],
    ['q', 'p', false],
    ['l', '', false], // past the end of the word: no key, so "openseal" is no slip
  ])('%s beside %s: %s', (a, b, expected) => {
    expect(keyboardNeighbours(a, b)).toBe(expected);
  });
});
