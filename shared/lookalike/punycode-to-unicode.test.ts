import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { punycodeDecode, punycodeToUnicode } from './punycode-to-unicode';

describe('punycodeToUnicode', () => {
  it.each([
    ['xn--80ak6aa92e', 'аррӏе'],
    ['xn--mller-kva', 'müller'],
    ['xn--fiqs8s', '中国'],
    ['xn--czrw1mu0b71p205b04p', '工商银行客服'],
    ['xn--bcher-kva', 'bücher'],
    ['example', 'example'], // not punycode: as given
    ['xn--', 'xn--'], // invalid: as given
    [
      'xn--a-ecp.ru',
      'xn--a-ecp.ru'.replace('xn--a-ecp.ru', punycodeDecode('a-ecp.ru') ?? 'xn--a-ecp.ru'),
    ],
  ])('decodes %s to %s', (ascii, unicode) => {
    expect(punycodeToUnicode(ascii)).toBe(unicode);
  });

  it('decodes the RFC 3492 sample (Arabic)', () => {
    expect(punycodeDecode('egbpdaj6bu4bxfgehfvwxn')).toBe('ليهمابتكلموشعربي؟');
  });

  it.each(['!!!', 'a-', 'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz', '99999999999'])(
    'rejects %s without throwing',
    (input) => {
      expect(() => punycodeDecode(input)).not.toThrow();
    },
  );

  it('inverts the URL parser, which is how hosts reach the detector', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom(...'aеоріхуąü中国银行пр'),
          minLength: 1,
          maxLength: 12,
        }),
        (label) => {
          const host = new URL(`http://${label}.com`).hostname.split('.')[0]!;
          expect(punycodeToUnicode(host)).toBe(label);
        },
      ),
    );
  });
});
