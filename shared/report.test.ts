import { describe, expect, it } from 'vitest';
import { REPORT_LIMITS, reportSchema, validateReportUrl, type Report } from './report';

describe('validateReportUrl', () => {
  it.each([
    'https://icbc-kefu.top/login',
    'http://example.test/',
    'https://xn--fiqs8s.example/path?q=1#frag',
    'https://127.0.0.1:8443/a',
    `https://example.test/${'a'.repeat(REPORT_LIMITS.urlLength - 'https://example.test/'.length)}`,
  ])('accepts %s', (url) => {
    expect(validateReportUrl(url)).toBeNull();
  });

  it.each([
    ['javascript:alert(1)', /only http and https/],
    ['JavaScript:alert(1)', /only http and https/],
    ['data:text/html,<h1>hi</h1>', /only http and https/],
    ['file:///etc/passwd', /only http and https/],
    ['chrome-extension://abc/popup.html', /only http and https/],
    ['ftp://example.test/', /only http and https/],
    ['https://user:secret@example.test/', /user name or password/],
    ['https://user@example.test/', /user name or password/],
    ['/relative/path', /not a valid absolute URL/],
    ['', /not a valid absolute URL/],
    [' https://example.test/', /spaces or control characters/],
    ['https://example.test/\nx', /spaces or control characters/],
    [`https://example.test/${'a'.repeat(10_000)}`, /the limit is 2048/],
  ])('refuses %s', (url, reason) => {
    expect(validateReportUrl(url)).toMatch(reason);
  });
});

describe('reportSchema', () => {
  it('requires every field the Report type does not mark optional', () => {
    const report: Required<Report> = {
      id: '',
      kind: 'scam',
      url: '',
      category: 'phishing',
      note: '',
      extensionVersion: '',
      listVersion: 0,
      installId: '',
      createdAt: '',
    };
    const optional = ['category', 'note'];
    expect(Object.keys(reportSchema.properties).sort()).toEqual(Object.keys(report).sort());
    expect([...reportSchema.required].sort()).toEqual(
      Object.keys(report)
        .filter((k) => !optional.includes(k))
        .sort(),
    );
  });

  it('refuses fields it does not name, so nothing else can be sent', () => {
    expect(reportSchema.additionalProperties).toBe(false);
  });
});
