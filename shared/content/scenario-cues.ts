import type { ContentScenario } from './content-scenarios';

/**
 * Words that belong to each scam's script, in Chinese and English. They are features for the
 * model, not verdicts: news and anti-fraud notices use the same words, and the model learns
 * from the hard negatives that words without a form, a payment or a lock mean little.
 * Matching is on lower-cased text; counting distinct cues keeps repetition from adding up.
 */
const CUES: Record<ContentScenario, readonly string[]> = {
  'police-impersonation': [
    '公安',
    '警官',
    '民警',
    '检察',
    '法院',
    '传票',
    '通缉',
    '逮捕',
    '洗钱',
    '涉嫌',
    '涉案',
    '安全账户',
    '资金清查',
    '资金核查',
    '办案',
    '保密',
    'police',
    'officer',
    'warrant',
    'arrest',
    'prosecutor',
    'court',
    'money laundering',
    'investigation',
    'safe account',
    'holding account',
    'fund inspection',
    'customs',
    'interpol',
  ],
  'fake-refund': [
    '退款',
    '理赔',
    '赔付',
    '赔偿',
    '客服',
    '扣费',
    '会员',
    '快递',
    '丢失',
    '质量问题',
    '订单异常',
    '原路退回',
    'refund',
    'compensation',
    'reimburse',
    'overcharged',
    'subscription',
    'claim',
    'parcel',
    'cancelled',
    'agent',
  ],
  'credit-loan': [
    '贷款',
    '借款',
    '下款',
    '放款',
    '额度',
    '提额',
    '征信',
    '解冻',
    '花呗',
    '网贷',
    '无抵押',
    'loan',
    'credit limit',
    'credit check',
    'approved',
    'approval',
    'debt',
    'unfreez',
    'processing fee',
    'cash in',
  ],
  'investment-romance': [
    '投资',
    '理财',
    '收益',
    '导师',
    '带单',
    '稳赚',
    '内部',
    '交友',
    '网恋',
    '期货',
    '外汇',
    '数字货币',
    '量化',
    '保证金',
    '提现',
    'invest',
    'returns',
    'profit',
    'mentor',
    'trading',
    'crypto',
    'usdt',
    'forex',
    'guaranteed',
    'dear',
    'withdraw',
    'deposit',
    'insider',
  ],
  gambling: [
    '娱乐城',
    '百家乐',
    '投注',
    '下注',
    '博彩',
    '彩金',
    '返水',
    '棋牌',
    '时时彩',
    '倍投',
    '赔率',
    '跑分',
    '老虎机',
    'casino',
    'baccarat',
    'roulette',
    'slots',
    'bet',
    'betting',
    'odds',
    'jackpot',
    'spin',
    'tipster',
    'fixed match',
    'cashback',
  ],
  'paid-tasks': [
    '刷单',
    '垫付',
    '佣金',
    '返利',
    '任务',
    '抢单',
    '点赞',
    '兼职',
    '卡单',
    '补单',
    '日赚',
    'task',
    'commission',
    'prepay',
    'grab order',
    'like',
    'work from home',
    'gig',
    'top-up',
    'recharge',
    'earn',
  ],
  phishing: [
    '登录',
    '验证',
    '过期',
    '失效',
    '更新',
    '认证',
    '升级',
    '补贴',
    '退税',
    '已满',
    '异常',
    'sign in',
    'verify',
    'expired',
    'limited',
    'unusual activity',
    'confirm',
    'mailbox',
    'unpaid',
    'toll',
    'redelivery',
    'eligible',
  ],
  'tech-support': [
    '病毒',
    '木马',
    '感染',
    '中毒',
    '锁定',
    '黑客',
    '技术支持',
    '间谍软件',
    '远程',
    'virus',
    'trojan',
    'infected',
    'malware',
    'spyware',
    'locked',
    'hackers',
    'technician',
    'support line',
    'helpline',
    'do not restart',
    'do not close',
  ],
};

// Chinese has no spaces, so a Chinese cue counts wherever it stands. A Latin cue counts only
// as a word of its own, with a few English endings ("invest" in "investors", "unfreez" in
// "unfreezing"): inside another word it means nothing, and substrings are what made software
// documentation look like a scam ("delimited" is not "limited", "repository" not "deposit",
// "TokenExpiredError" not "expired", "learn" not "earn").
const LATIN_CUE = /^[\x20-\x7e]+$/;
const ENDINGS = '(?:e|s|es|d|ed|ing|ment|ments|or|ors|er|ers)?';

function cueMatcher(cues: readonly string[]): (lowerText: string) => number {
  const han = cues.filter((c) => !LATIN_CUE.test(c));
  const latin = cues.filter((c) => LATIN_CUE.test(c)).sort((a, b) => b.length - a.length);
  const escaped = latin.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const words = new RegExp(
    `(?<![\\p{L}\\p{N}])(${escaped.join('|')})${ENDINGS}(?![\\p{L}\\p{N}])`,
    'gu',
  );
  return (lowerText) => {
    const seen = new Set<string>();
    for (const [, cue] of lowerText.matchAll(words)) seen.add(cue!);
    return han.filter((c) => lowerText.includes(c)).length + seen.size;
  };
}

const MATCHERS = (Object.entries(CUES) as [ContentScenario, readonly string[]][]).map(
  ([scenario, cues]) => [scenario, cueMatcher(cues)] as const,
);

export function scenarioCueCounts(lowerText: string): Map<ContentScenario, number> {
  const counts = new Map<ContentScenario, number>();
  for (const [scenario, count] of MATCHERS) {
    const n = count(lowerText);
    if (n > 0) counts.set(scenario, n);
  }
  return counts;
}
