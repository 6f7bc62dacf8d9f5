import { describe, expect, it } from 'vitest';
import type { SenderKind } from './message-senders';
import { isMessage, maySend } from './messages';

describe('maySend', () => {
  it.each<[string, SenderKind, boolean]>([
    ['settings/get', 'warning', true],
    ['settings/get', 'welcome', true],
    ['settings/save', 'welcome', false],
    ['settings/save', 'options', true],
    ['settings/save', 'popup', false],
    ['settings/reset', 'warning', false],
    ['warning/get', 'warning', true],
    ['warning/get', 'options', false],
    ['proceed/allow', 'popup', false],
    ['personal/block', 'popup', true],
    ['personal/block', 'content', false],
    ['tab/status', 'content', false],
    ['no/such-message', 'options', false],
    ['toString', 'options', false],
  ])('%s from the %s sender: %s', (type, sender, allowed) => {
    expect(maySend(type, sender)).toBe(allowed);
  });
});

describe('isMessage', () => {
  it('refuses unknown names, inherited names and missing payloads', () => {
    expect(isMessage({ type: 'tab/status', payload: { tabId: 1 } })).toBe(true);
    expect(isMessage({ type: 'constructor', payload: {} })).toBe(false);
    expect(isMessage({ type: 'tab/status' })).toBe(false);
    expect(isMessage('tab/status')).toBe(false);
  });
});
