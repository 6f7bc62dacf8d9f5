import { describe, expect, it } from 'vitest';
import { listUrlProblem } from './list-url';

describe('listUrlProblem', () => {
  it.each([
    ['https://lists.example/manifest.json', null],
    ['http://127.0.0.1:8787/list/manifest.json', null],
    ['http://localhost:8787/list/manifest.json', null],
    ['http://[::1]:8787/list/manifest.json', null],
    ['http://lists.example/manifest.json', /use https/],
    ['http://127.0.0.1.evil.example/manifest.json', /use https/],
    ['http://localhost.evil.example/manifest.json', /use https/],
    ['http://10.0.0.1/manifest.json', /use https/],
    ['ftp://lists.example/manifest.json', /not a web address/],
    ['javascript:alert(1)', /not a web address/],
    ['not a url', /not a URL/],
  ])('%s → %s', (url, problem) => {
    const found = listUrlProblem(url);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toMatch(problem);
  });
});
