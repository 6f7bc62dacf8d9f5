import { describe, expect, it } from 'vitest';
import { inertText, readableUrl } from './inert-text';

describe('inertText', () => {
  it.each([
    ['https://bank.example/', 'https://bank.example/'],
    ['https://evil.top/\u202Emoc.knab', 'https://evil.top/⟨U+202E⟩moc.knab'],
    ['https://a\u200Bb.top/', 'https://a⟨U+200B⟩b.top/'],
    ['line\nbreak\u0000nul', 'line⟨U+000A⟩break⟨U+0000⟩nul'],
    ['https://xn--80ak6aa92e.com/<script>', 'https://xn--80ak6aa92e.com/<script>'],
    ['https://例子.中国/', 'https://例子.中国/'],
  ])('shows %j as %j', (input, shown) => {
    expect(inertText(input)).toBe(shown);
  });

  it('cuts very long text and says so', () => {
    const shown = inertText('x'.repeat(100_000), 100);
    expect(shown).toHaveLength(101);
    expect(shown.endsWith('…')).toBe(true);
  });
});

describe('readableUrl', () => {
  it.each([
    ['https://a.top/%E6%94%AF%E4%BB%98', 'https://a.top/支付'],
    ['https://a.top/%E2%80%AEgpj.exe', 'https://a.top/⟨U+202E⟩gpj.exe'],
    ['https://a.top/%3Cscript%3E', 'https://a.top/<script>'],
    ['https://a.top/%E0%A4%A', 'https://a.top/%E0%A4%A'],
  ])('shows %j as %j', (input, shown) => {
    expect(readableUrl(input)).toBe(shown);
  });
});
