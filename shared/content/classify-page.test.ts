import { describe, expect, it } from 'vitest';
import shipped from '../../data/content-model.json';
import { classifyPage } from './classify-page';
import { parseContentModel, type ContentModel } from './content-model';
import { evaluateRules } from './content-rules';
import { CONTENT_CLASSES, type ContentScenario } from './content-scenarios';
import type { FieldKind, PageExtract, PageSignal } from './page-extract';

// Pages written for these tests, none of them in the training corpus: each is a short
// page of its kind, so a model or rule change that loses a scenario or starts warning on a
// kind of honest page fails here by name.
const model = parseContentModel(shipped);

function page(
  host: string,
  title: string,
  text: string,
  fields: FieldKind[] = [],
  signals: PageSignal[] = [],
  buttons: string[] = [],
): PageExtract {
  return {
    host,
    title,
    text,
    fields: fields.map((kind) => ({ kind, label: kind })),
    buttons,
    signals,
  };
}

const scams: [ContentScenario, string, PageExtract][] = [
  [
    'police-impersonation',
    'zh',
    page(
      'anquan-qingcha.top',
      '公安局资金清查',
      '你涉嫌洗钱案件，须将资金转入安全账户配合核查，逾期冻结。',
      ['id-number', 'card', 'sms-code'],
      ['countdown'],
    ),
  ],
  [
    'police-impersonation',
    'en',
    page(
      'case-desk.top',
      'Police case desk',
      'You are a suspect in a money laundering investigation. Move your funds to the safe account now or face arrest.',
      ['bank-account', 'amount'],
      ['payment'],
    ),
  ],
  [
    'fake-refund',
    'zh',
    page(
      'lipei-kf.top',
      '商品理赔退款',
      '您购买的商品存在质量问题，客服为您办理双倍赔付退款，请填写银行卡和验证码。',
      ['card', 'sms-code'],
      ['chat-widget'],
    ),
  ],
  [
    'fake-refund',
    'en',
    page(
      'refund-agent.xyz',
      'Refund desk',
      'You were overcharged for a subscription. Enter your card and the code we text you to get your refund.',
      ['card', 'sms-code'],
      ['chat-widget'],
    ),
  ],
  [
    'credit-loan',
    'zh',
    page(
      'daikuan-fast.top',
      '秒批贷款',
      '无需征信，放款快，额度最高二十万，先交解冻金再下款。',
      ['id-number', 'amount'],
      ['payment'],
      ['马上借款'],
    ),
  ],
  [
    'credit-loan',
    'en',
    page(
      'cash-loan-now.xyz',
      'Fast loan',
      'Loan approved, no credit check. Pay the processing fee to release your loan today.',
      ['amount', 'card'],
      ['payment'],
    ),
  ],
  [
    'investment-romance',
    'zh',
    page(
      'licai-daoshi.top',
      '导师带单平台',
      '网恋认识的他推荐的投资平台，导师带单，收益稳赚，充值越多收益越高，提现需缴保证金。',
      ['amount'],
      ['payment', 'chat-widget'],
    ),
  ],
  [
    'investment-romance',
    'en',
    page(
      'crypto-mentor.xyz',
      'Mentor trading',
      'My dear, deposit USDT on this crypto trading platform, the mentor guarantees profit and returns.',
      ['amount'],
      ['payment', 'chat-widget'],
    ),
  ],
  [
    'gambling',
    'zh',
    page(
      'yule-bet.top',
      '线上娱乐城',
      '百家乐、老虎机、体育投注，首存送彩金，每日返水。',
      ['password'],
      ['payment', 'chat-widget'],
      ['立即下注'],
    ),
  ],
  [
    'gambling',
    'en',
    page(
      'bet-royal.xyz',
      'Casino',
      'Live baccarat, roulette and slots. Bonus on first deposit, best odds, jackpot every day.',
      ['password'],
      ['payment'],
      ['Bet now'],
    ),
  ],
  [
    'paid-tasks',
    'zh',
    page(
      'shuadan-job.top',
      '刷单兼职',
      '点赞做任务赚佣金，后面的任务需要先垫付，完成后返还本金。',
      ['amount'],
      ['payment', 'countdown'],
    ),
  ],
  [
    'paid-tasks',
    'en',
    page(
      'task-earn.xyz',
      'Earn from home',
      'Complete tasks for commission. Advanced tasks require you to prepay; top-up to unlock your earnings.',
      ['amount'],
      ['payment'],
    ),
  ],
  [
    'phishing',
    'zh',
    page(
      'wangyin-gengxin.top',
      '网上银行证书更新',
      '您的证书已过期，请登录并输入卡号、密码和手机验证码完成更新。',
      ['card', 'password', 'sms-code'],
    ),
  ],
  [
    'phishing',
    'en',
    page(
      'bank-verify-now.xyz',
      'Verify your account',
      'Unusual activity: your account is limited. Sign in and confirm your card and code.',
      ['card', 'password', 'sms-code'],
    ),
  ],
  [
    'tech-support',
    'zh',
    page(
      'xitong-jinggao.top',
      '安全警告',
      '您的电脑已感染病毒并被锁定，请立即拨打技术支持热线。',
      [],
      ['fullscreen', 'audio-loop'],
    ),
  ],
  [
    'tech-support',
    'en',
    page(
      'pc-alert.xyz',
      'Security alert',
      'Your computer is infected with a trojan and locked. Call support now. Do not restart.',
      [],
      ['fullscreen', 'keyboard-lock'],
    ),
  ],
];

const honest: [string, PageExtract][] = [
  [
    'fraud news (zh)',
    page(
      'news.example.cn',
      '老人被骗 警方追回',
      '一名老人被冒充民警的骗子要求把钱转到安全账户，警方提醒：不存在安全账户。',
    ),
  ],
  [
    'fraud news (en)',
    page(
      'news.example.com',
      'Woman loses savings',
      'Scammers posing as police told her to move money to a safe account; police say no officer will ever ask that.',
    ),
  ],
  [
    'bank anti-fraud notice (zh)',
    page(
      'bank.example.cn',
      '防诈骗提醒',
      '本行不会索要短信验证码和密码，不会要求转账到安全账户，请拨打官方客服核实。',
    ),
  ],
  [
    'police anti-fraud notice (en)',
    page(
      'police.example.gov',
      'Fraud advice',
      'Police will never ask for your PIN or ask you to transfer money. Hang up and call us.',
    ),
  ],
  [
    'government anti-fraud page (zh)',
    page(
      'fanzha.example.gov.cn',
      '反诈指南',
      '常见诈骗：刷单返利、虚假贷款、冒充客服退款、网络赌博。下载反诈APP。',
      [],
      ['download'],
    ),
  ],
  [
    'shop refund policy (zh)',
    page(
      'help.example-shop.cn',
      '退款规则',
      '商家同意退款后，款项原路退回。客服不会索要验证码。',
      ['other'],
      ['chat-widget'],
    ),
  ],
  [
    'shop help centre (en)',
    page(
      'help.example-store.com',
      'Returns',
      'Start a return within 30 days; refunds go to your original payment method.',
      ['other'],
    ),
  ],
  [
    'loan comparison (en)',
    page(
      'compare.example.com',
      'Compare loans',
      'Compare APRs from lenders. Legitimate lenders never charge a fee upfront.',
      ['amount'],
    ),
  ],
  [
    'lottery results (zh)',
    page(
      'lottery.example.cn',
      '开奖公告',
      '本期开奖号码 05 09 14 21 30 32，蓝球 07，一等奖 3 注。',
    ),
  ],
  [
    'investment news (en)',
    page(
      'markets.example.com',
      'Stocks close higher',
      'Shares rose as tech rallied; analysts warn returns are never guaranteed.',
    ),
  ],
  [
    'shop product page (en)',
    page(
      'shop.example.com',
      'Kettle',
      'Electric kettle, 1.7 litres, $29.',
      ['other'],
      ['payment'],
      ['Add to cart'],
    ),
  ],
  [
    'mail login (zh)',
    page('mail.example.cn', '邮箱登录', '请输入账号和密码。', ['other', 'password']),
  ],
  [
    // Library manuals use "verify", "expired", "claims" and "returns" as plain words and in
    // identifiers; inside "TokenExpiredError" or "delimited" they are no scam's script.
    'software library manual (en)',
    page(
      'docs.example.dev',
      'token-kit',
      'token-kit signs and verifies web tokens. sign(payload, secret) returns the token as a string; ' +
        'the three parts are delimited by dots. verifyToken(token, secret) checks the signature and ' +
        'returns the decoded claims. TokenExpiredError: thrown when the expiry claim has passed; ' +
        'InvalidSignatureError: thrown when verifyAsync cannot confirm the secret. ' +
        'Deprecations: the unverified decode() is limited to debugging. See the repository for ' +
        'the changelog and a list of unlimited-expiry pitfalls. Tokens issued before 2.0 stay valid.',
    ),
  ],
  [
    // A program's help text is full of phishing's words but asks for nothing and does nothing.
    'software help text (zh)',
    page(
      'help.example.cn',
      '帐户与密码',
      '登录失败时请检查用户名。密码已过期：系统要求您更新密码，新密码须与旧密码不同。' +
        '证书验证失败：请确认系统时间正确，证书可能已失效或尚未生效。账户被锁定后，' +
        '管理员可以解除锁定。升级后请重新认证。出现异常时，日志中会记录错误代码。',
    ),
  ],
  [
    // The model is unsure here; a card field once halved its bar, and this page then warned.
    'a shop checkout asking for a card',
    page(
      'shop.example.com',
      'Checkout',
      'Order total £42.10. Delivery on Thursday.',
      ['name', 'card', 'other'],
      ['payment'],
      ['Pay now'],
    ),
  ],
  [
    'clinic booking asking for an ID number (zh)',
    page('hospital.example.cn', '预约挂号', '请选择科室并填写就诊人身份证号。', [
      'name',
      'id-number',
      'phone',
    ]),
  ],
];

describe('classifyPage with the shipped model', () => {
  it.each(scams)('names %s on a %s scam page', (scenario, _lang, p) => {
    const verdict = classifyPage(p, { model });
    expect(verdict).toMatchObject({ suspicious: true, scenario });
  });

  it.each(honest)('stays quiet on %s', (_kind, p) => {
    expect(classifyPage(p, { model }).suspicious).toBe(false);
  });

  it('never asks the model to outvote a bank on its own domain: the card-and-code rule is off there', () => {
    const login = page('www.example-bank.com', 'Sign in', 'Sign in to online banking.', [
      'card',
      'sms-code',
      'password',
    ]);
    expect(classifyPage(login, { institutionHost: true }).reasons).not.toContain(
      'asks-sms-and-card',
    );
    expect(classifyPage(login, { institutionHost: false }).reasons).toContain('asks-sms-and-card');
  });
});

describe('pages from a government host', () => {
  // A tax office's refund form asks for the card the refund goes to and an SMS code, and a
  // police report form for the account the money went to: only a government body can have a
  // host under gov.cn.
  const signUp = (host: string) =>
    page(host, '个人所得税 退税', '请填写退税到账的本人银行卡号，并输入短信验证码确认。', [
      'name',
      'id-number',
      'card',
      'sms-code',
    ]);

  it('mutes the rules that read a government’s own forms as a scam’s', () => {
    expect(classifyPage(signUp('etax.example-city.gov.cn')).reasons).toEqual([]);
    expect(classifyPage(signUp('etax-example-city.top')).reasons).toContain('asks-sms-and-card');
  });

  it('leaves the same host spelt in front of another site to the rules', () => {
    expect(classifyPage(signUp('etax.gov.cn.example-city.top')).reasons).toContain(
      'asks-sms-and-card',
    );
  });
});

describe('a page that warns against a "safe account"', () => {
  const words = (text: string) =>
    page('pay.example-bank.com.au', 'Pay a new payee', text, ['bank-account', 'amount']);
  const warning = words(
    'Scammers may pretend to be the police and tell you to move your money to a safe account. We will never ask you to.',
  );
  const scam = words(
    'Move your funds to the safe account now to keep them from the investigation.',
  );

  it('needs the model’s assent, where a page that asks for the transfer does not', () => {
    const strength = (p: PageExtract) =>
      evaluateRules(p, { institutionHost: false }).find((h) => h.rule === 'safe-account-transfer')
        ?.strength;
    expect(strength(warning)).toBe('checked');
    expect(strength(scam)).toBe('strong');
  });
});

describe('the card-and-code rule, checked by the model', () => {
  // Honest pages that ask for a card or ID number and an SMS code, as card activation and
  // account opening do; a phishing page asks the same in a scam's words.
  const activation = page(
    'cards.example-bank.co.uk',
    'Activate your card',
    'Activate your new debit card. Enter the card number and the code we sent to your phone.',
    ['card', 'sms-code'],
    [],
    ['Activate'],
  );
  const opening = page(
    'kaihu.example-futures.cn',
    '期货开户',
    '请上传本人身份证并绑定本人银行卡，开户申请将在一个交易日内审核。',
    ['name', 'id-number', 'card', 'sms-code'],
    [],
    ['下一步'],
  );
  const unfreeze = page(
    'verify.example-x.top',
    '账户异常',
    '您的银行卡已被冻结，请输入卡号、密码和短信验证码解冻。',
    ['card', 'password', 'sms-code'],
    [],
    ['立即解冻'],
  );

  it.each([
    ['card activation', activation],
    ['account opening', opening],
  ] as const)('stays quiet on %s, which the model reads as ordinary', (_what, p) => {
    const verdict = classifyPage(p, { model });
    expect(verdict.reasons).toContain('asks-sms-and-card');
    expect(verdict.suspicious).toBe(false);
  });

  it('leaves an ID number beside an SMS code alone: that is real-name registration', () => {
    const booking = page(
      'yuyue.example-hospital.cn',
      '预约挂号',
      '请填写就诊人身份证号并输入短信验证码。',
      ['name', 'id-number', 'sms-code'],
    );
    expect(classifyPage(booking, { model: null }).reasons).not.toContain('asks-sms-and-card');
  });

  it('warns when the words are a scam’s', () => {
    expect(classifyPage(unfreeze, { model })).toMatchObject({ suspicious: true });
  });

  it('decides alone when the list carries no model', () => {
    for (const p of [activation, opening, unfreeze])
      expect(classifyPage(p, { model: null })).toMatchObject({
        suspicious: true,
        scenario: 'phishing',
      });
  });
});

describe('the gate decides whether, the scenario model which', () => {
  // Hand-made models with no weights: the biases alone say what each model thinks.
  const dim = 64;
  const scenarioModel = (phishing: number, gateBias: number | null): ContentModel => ({
    version: 1,
    dim,
    classes: CONTENT_CLASSES,
    threshold: 0.3,
    bias: Float32Array.from(CONTENT_CLASSES, (c) => (c === 'phishing' ? phishing : 0)),
    weights: new Float32Array(CONTENT_CLASSES.length * dim),
    gate:
      gateBias === null ? null : { threshold: 0.3, bias: gateBias, weights: new Float32Array(dim) },
  });
  // P(phishing) is about a quarter with a bias of 1 (under the bar), and 0.95 with a bias of 5.
  const unsure = 1;
  const sure = 5;
  const form = (text: string) => page('pay.example.top', 'Payment', text, ['card'], [], ['Pay']);
  const long = form('Enter the card you pay with. '.repeat(5));
  const short = form('Enter your card.');

  it.each([
    ['says scam while the scenario model is unsure', unsure, 2, true],
    ['says honest while the scenario model is sure', sure, -2, false],
  ] as const)('warns as the gate does when it %s', (_what, phishing, gateBias, warns) => {
    const verdict = classifyPage(long, { model: scenarioModel(phishing, gateBias) });
    expect(verdict.suspicious).toBe(warns);
    if (warns) expect(verdict.scenario).toBe('phishing');
  });

  it('wants the scenario model to read some scam at half its bar before the gate decides', () => {
    // With no bias at all each class gets the same share, about a tenth: no scam in particular.
    const none = 0;
    expect(classifyPage(long, { model: scenarioModel(none, 2) }).suspicious).toBe(false);
    expect(classifyPage(long, { model: scenarioModel(unsure, 2) }).suspicious).toBe(true);
  });

  it('leaves a page with too little text to read to the scenario model', () => {
    expect(classifyPage(short, { model: scenarioModel(unsure, 2) }).suspicious).toBe(false);
    // A gate at 0.27, under its bar of 0.3: half of it will do on a short page.
    expect(classifyPage(short, { model: scenarioModel(sure, -1) }).suspicious).toBe(true);
  });

  it('still asks the gate for half its bar on a short page', () => {
    // A gate at 0.12 reads the page as honest, whatever the scenario model says.
    expect(classifyPage(short, { model: scenarioModel(sure, -2) }).suspicious).toBe(false);
  });

  it('lets a checked rule decide only when the scenario model names a scam too', () => {
    // Card and SMS code on a page too short for the gate: only the rule can warn here.
    const codeForm = page('pay.example.top', 'Pay', 'Enter your card.', ['card', 'sms-code']);
    expect(classifyPage(codeForm, { model: scenarioModel(unsure, 2) }).suspicious).toBe(false);
    expect(classifyPage(codeForm, { model: scenarioModel(sure, 2) })).toMatchObject({
      suspicious: true,
      reasons: expect.arrayContaining(['asks-sms-and-card']),
    });
  });

  it('decides by the scenario model alone in a list from before the gate', () => {
    expect(classifyPage(long, { model: scenarioModel(sure, null) }).suspicious).toBe(true);
    expect(classifyPage(long, { model: scenarioModel(unsure, null) }).suspicious).toBe(false);
  });
});

describe('classifyPage without a model (the list carried none)', () => {
  it.each([
    ['a card-and-code form off a bank domain', scams[12]![2], 'phishing'],
    ['a safe-account transfer', scams[1]![2], 'police-impersonation'],
    ['a locked screen that says call support', scams[15]![2], 'tech-support'],
  ] as const)('still warns on %s', (_what, p, scenario) => {
    expect(classifyPage(p, { model: null })).toMatchObject({ suspicious: true, scenario });
  });

  it('warns on nothing the strong rules do not cover', () => {
    expect(classifyPage(scams[8]![2], { model: null }).suspicious).toBe(false);
    for (const [, p] of honest) expect(classifyPage(p, { model: null }).suspicious).toBe(false);
  });

  it('needs the lock and the words together for scareware', () => {
    const locked = page(
      'game.example.com',
      'Game',
      'Press F11 for full screen.',
      [],
      ['fullscreen'],
    );
    expect(classifyPage(locked).suspicious).toBe(false);
  });
});
