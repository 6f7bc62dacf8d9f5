import { describe, expect, it } from 'vitest';
import { warnsAgainstScams } from './warns-against';

describe('warnsAgainstScams', () => {
  it.each([
    '如果有人要求您把钱转入“安全账户”，请立即停止操作并拨打 110。',
    '公检法机关不存在所谓的“安全账户”。',
    'We will never ask you to move your money to keep it safe.',
    'Scammers may pretend to be from our fraud team.',
  ])('hears the warning in %s', (text) => {
    expect(warnsAgainstScams(text)).toBe(true);
  });

  it.each([
    '你涉嫌洗钱案件，须将资金转入安全账户配合核查，逾期冻结。',
    'Move your funds to the safe account now or face arrest.',
    'Enter the code we sent to your phone.',
  ])('hears none in %s', (text) => {
    expect(warnsAgainstScams(text)).toBe(false);
  });
});
