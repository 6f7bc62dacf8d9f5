import { describe, expect, it } from 'vitest';
import { compileList, type SourceInput } from './compile';
import { parseSource, toExpression } from './parse-source';

const source = (text: string, overrides: Partial<SourceInput> = {}): SourceInput => ({
  name: 'feed',
  category: 'phishing',
  text,
  ...overrides,
});

describe('toExpression', () => {
  it.each([
    ['evil.com', 'evil.com/'],
    ['EVIL.com.', 'evil.com/'],
    ['  sub.evil.com  ', 'sub.evil.com/'],
    ['http://evil.com/login.php?x=1', 'evil.com/login.php?x=1'],
    ['https://Evil.com', 'evil.com/'],
    ['evil.com/path/', 'evil.com/path/'],
    ['1.2.3.4', '1.2.3.4/'],
    ['bücher.example', 'xn--bcher-kva.example/'],
  ])('%s → %s', (input, expected) => {
    expect(toExpression(input)).toBe(expected);
  });

  it.each(['', 'com', 'not a domain', 'ftp://evil.com/', 'evil', 'javascript:alert(1)'])(
    'rejects %j',
    (input) => {
      expect(toExpression(input)).toBeNull();
    },
  );
});

describe('parseSource', () => {
  it('reads a plain domain list with # headers', () => {
    const parsed = parseSource('# Title: x\n#\nevil.com\nbad line here\n\nscam.net\n', 'scam');
    expect(parsed.format).toBe('lines');
    expect(parsed.entries).toEqual([
      { expression: 'evil.com/', category: 'scam' },
      { expression: 'scam.net/', category: 'scam' },
    ]);
    expect(parsed).toMatchObject({ skipped: 1, examples: ['line 4: bad line here'] });
  });

  it('reads a hosts file, ignoring its localhost boilerplate', () => {
    const parsed = parseSource(
      '127.0.0.1 localhost\n::1 localhost\n0.0.0.0 evil.com # note\n0.0.0.0 a.evil.org b.evil.org\n0.0.0.0 ???\n',
      'phishing',
    );
    expect(parsed.entries.map((e) => e.expression)).toEqual([
      'evil.com/',
      'a.evil.org/',
      'b.evil.org/',
    ]);
    expect(parsed.skipped).toBe(1);
  });

  it('reads Adblock ||domain^ rules and counts unsupported rules', () => {
    const parsed = parseSource(
      '[Adblock Plus 2.0]\n! comment\n||evil.com^\n||tracker.net^$third-party\n@@||good.com^\n',
      'phishing',
    );
    expect(parsed.entries.map((e) => e.expression)).toEqual(['evil.com/', 'tracker.net/']);
    expect(parsed.skipped).toBe(1);
  });

  it('reads URL lists', () => {
    const parsed = parseSource(
      'http://evil.com/login\nhttps://x.evil.org/a/b.html?q=1\nhttp://\n',
      'phishing',
    );
    expect(parsed.entries.map((e) => e.expression)).toEqual([
      'evil.com/login',
      'x.evil.org/a/b.html?q=1',
    ]);
    expect(parsed.skipped).toBe(1);
  });

  it('reads CSV with a url column and a per-row category override', () => {
    const csv =
      'id,url,category\n1,http://evil.com/,\n2,"https://loan.example/apply?a=1,2",credit-loan\n3,http://x.example/,no-such\n4,,\n';
    const parsed = parseSource(csv, 'scam');
    expect(parsed.format).toBe('csv');
    expect(parsed.entries).toEqual([
      { expression: 'evil.com/', category: 'scam' },
      { expression: 'loan.example/apply?a=1,2', category: 'credit-loan' },
    ]);
    expect(parsed.skipped).toBe(2);
    expect(parsed.examples[0]).toMatch(/unknown category "no-such"/);
  });

  it('reads JSON arrays of strings or of {url, category} objects', () => {
    const parsed = parseSource(
      '[ "evil.com", {"url": "http://bet.example/", "category": "gambling"}, 42, {"link": "x"} ]',
      'phishing',
    );
    expect(parsed.format).toBe('json');
    expect(parsed.entries).toEqual([
      { expression: 'evil.com/', category: 'phishing' },
      { expression: 'bet.example/', category: 'gambling' },
    ]);
    expect(parsed.skipped).toBe(2);
  });

  it('counts a broken JSON file as skipped instead of failing', () => {
    expect(parseSource('[ "evil.com", ', 'phishing')).toMatchObject({ entries: [], skipped: 1 });
  });

  it('keeps at most five examples per source', () => {
    expect(parseSource('x y\n'.repeat(9), 'scam')).toMatchObject({
      skipped: 9,
      examples: expect.any(Array),
    });
    expect(parseSource('x y\n'.repeat(9), 'scam').examples).toHaveLength(5);
  });
});

describe('compileList', () => {
  const result = compileList({
    sources: [
      source(
        'evil.com\nlogin.evil.com\na.b.c.d.e.deep.example\nx.a.b.c.d.e.deep.example\nevil.com/phish/\nscam.net\nfake.icbc.com.cn\n',
      ),
      source('scam.net\nother.org\n', { name: 'second', category: 'scam' }),
    ],
    allowlist: ['icbc.com.cn', 'www.icbc.com.cn', 'gov.cn'],
  });
  const expressions = result.entries.map((e) => e.expression).sort();

  it('drops duplicates, keeping the first source', () => {
    expect(result.entries.find((e) => e.expression === 'scam.net/')).toMatchObject({
      source: 'feed',
      category: 'phishing',
    });
    expect(result.sources[1]).toMatchObject({ duplicates: 1, entries: 1 });
  });

  it('drops subdomains and paths a listed parent already covers', () => {
    expect(expressions).not.toContain('login.evil.com/');
    expect(expressions).not.toContain('evil.com/phish/');
    expect(result.sources[0]!.covered).toBe(2);
  });

  it('keeps a subdomain whose parent has more labels than a lookup checks', () => {
    expect(expressions).toContain('x.a.b.c.d.e.deep.example/');
  });

  it('drops blocks the allowlist covers and adds allow entries', () => {
    expect(expressions).not.toContain('fake.icbc.com.cn/');
    expect(result.sources[0]!.allowlisted).toBe(1);
    expect(
      result.entries
        .filter((e) => e.action === 'allow')
        .map((e) => e.expression)
        .sort(),
    ).toEqual(['gov.cn/', 'icbc.com.cn/']);
    expect(result.allowEntries).toBe(2);
  });
});
