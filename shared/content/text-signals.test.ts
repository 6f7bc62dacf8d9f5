import { describe, expect, it } from 'vitest';
import type { PageSignal } from './page-extract';
import { offersAppDownload, textSignals, type PageLink } from './text-signals';

// Each table: phrasings scam pages use, which must give the signal, and ordinary text from
// manuals, changelogs and program messages that shares their words, which must not.
const has = (signal: PageSignal, text: string, buttons: readonly string[] = []): boolean =>
  textSignals(text, buttons).includes(signal);

describe('countdown', () => {
  it.each([
    '剩余 02:59:30',
    '剩余支付时间 14:59',
    '支付倒计时：00:14:59',
    '倒计时 00 : 14 : 59',
    '订单倒计时 14分59秒',
    '仅剩 10 分钟',
    '还剩 3 小时，逾期账户将被冻结',
    '限时 24 小时',
    '请在 30 分钟内完成支付，否则订单自动取消',
    '请于24小时内缴纳保证金',
    '退款通道将在15分钟后关闭',
    '本链接 2 小时后失效',
    'Offer ends in 02:14:59',
    'This offer expires in 10 minutes',
    'Your account will be suspended in 24 hours',
    'Your account will be locked within 48 hours',
    'Time left: 00:14:59',
    'Countdown 14:59',
    'Only 5 minutes left to claim your refund',
    'Verify within 24 hours or your account will be closed',
  ])('finds one in %j', (text) => {
    expect(has('countdown', text)).toBe(true);
  });

  it.each([
    '2023-05-04 12:30:45 发布新版本',
    '系统将于 03:00:00 进行例行维护',
    '剩余 3 个文件未处理',
    '如果 5 分钟内没有响应，连接将重试',
    '限时模式下不保存历史记录',
    '倒计时功能已移除',
    'Released on 2019-11-20 23:59:59 GMT',
    "valid_to: 'Nov 20 23:59:59 2019 GMT'",
    "fingerprint: '01:02:59:D9:C3:D2:0D:08'",
    'test: use mustCall in place of countdown in timers test',
    'want their signature to expire at the same time',
    'The certificate expires in 2025',
    'Builds usually finish within 10 minutes.',
    'Security reports are answered within 48 hours.',
    'The cache entry expires at midnight UTC by default',
  ])('finds none in %j', (text) => {
    expect(has('countdown', text)).toBe(false);
  });
});

describe('app download', () => {
  it.each([
    ['下载APP领取额度', []],
    ['安装客户端即可提现', []],
    ['扫码下载 APP，借款秒到账', []],
    ['', ['立即下载']],
    ['', ['APP下载']],
    ['Download our app to get your loan today', []],
    ['Download the app to get your loan', []],
    ['Install the app now and claim your bonus', []],
    ['', ['Download the app']],
    ['', ['Install now']],
  ] as const)('finds one in %j %j', (text, buttons) => {
    expect(has('download', text, buttons)).toBe(true);
  });

  it.each([
    ['构建完成后，生成的 app-release.apk 位于 build/outputs 目录', []],
    ['请安装 libssl-dev 后重新编译', []],
    ['The signed app-release.apk is written to android/app/build/outputs/apk/release.', []],
    ['Install the app on a connected device with npm run android.', []],
    ['This component can be installed via the Visual Studio Installer Application', []],
    ['Download the source tarball and run ./configure', []],
    ['', ['Download', 'Installation', 'Downloads page']],
    ['', ['下载源码', '安装说明']],
  ] as const)('finds none in %j %j', (text, buttons) => {
    expect(has('download', text, buttons)).toBe(false);
  });
});

describe('chat', () => {
  it.each([
    ['', ['在线客服']],
    ['提现失败请联系客服处理', []],
    ['Chat with an agent to release your funds', []],
    ['Contact customer support to unlock your account', []],
  ] as const)('finds one in %j %j', (text, buttons) => {
    expect(has('chat-widget', text, buttons)).toBe(true);
  });

  it.each([
    'Bugs? Please contact support@example.com.',
    'For licensing, contact support@digitalbazaar.com or open an issue.',
  ])('finds none in %j', (text) => {
    expect(has('chat-widget', text)).toBe(false);
  });
});

describe('payment', () => {
  it.each([
    ['立即支付 199 元', []],
    ['', ['充值']],
    ['请尽快转账至监管账户', []],
    ['Scan to pay the release fee', []],
  ] as const)('finds one in %j %j', (text, buttons) => {
    expect(has('payment', text, buttons)).toBe(true);
  });

  it('finds none in a news story about a transfer', () => {
    expect(
      has('payment', '王先生先后转账 80 万元后发现被骗。He transferred $80,000.', ['分享']),
    ).toBe(false);
  });
});

it('finds nothing in an ordinary recipe', () => {
  expect(textSignals('Mash three bananas and bake for an hour.', ['Save recipe'])).toEqual([]);
});

describe('offersAppDownload', () => {
  it.each<[PageLink, boolean]>([
    [{ href: '/app/latest.apk', text: '⬇ app' }, true],
    [{ href: 'https://cdn.example/loan-v2.APK?ch=77', text: '' }, true],
    [{ href: '/d?id=1', text: '下载', download: 'loan.apk' }, true],
    [{ href: '/setup.exe', text: '立即下载' }, true],
    [{ href: '/fix/SecurityFix.msi', text: 'Download the fix' }, true],
    [{ href: 'https://aka.ms/vs/17/release/vs_buildtools.exe', text: 'Build Tools' }, false],
    [{ href: '/report.pdf', text: 'Download', download: '' }, false],
    [{ href: '/files/manual.pdf', text: '下载手册', download: 'manual.pdf' }, false],
    [{ href: '/releases/node-v20.tar.gz', text: 'Download' }, false],
  ])('reads %o as %s', (link, offers) => {
    expect(offersAppDownload(link)).toBe(offers);
  });
});

describe('call prompt', () => {
  it.each([
    ['立即拨打微软技术支持热线 400-XXX-XXXX 解除锁定', []],
    ['请马上打电话 400 3XX XXXX 联系微软工程师', []],
    ['Call Apple Support now: 0800 000 0751', []],
    ['Please call toll free +1 (800) 000-5520 immediately', []],
    ['', ['拨打技术支持']],
    ['', ['Call now']],
  ] as const)('finds one in %j %j', (text, buttons) => {
    expect(has('call-prompt', text, buttons)).toBe(true);
  });

  it.each([
    // The short public lines anti-fraud pages send people to.
    ['接到可疑电话请拨打 96110 或 110 报警', []],
    ['Hang up and call 101 from a different phone.', []],
    ['Forward the text to 7726, or call 159 to reach your bank.', []],
    // Numbers with no prompt to phone them, and a prompt with no number.
    ['Order 10023456 shipped on 2026-11-30.', []],
    ['The 2019 call had 3 parts and 1200000 listeners.', []],
    ['', ['Call us', '联系我们']],
  ] as const)('finds none in %j %j', (text, buttons) => {
    expect(has('call-prompt', text, buttons)).toBe(false);
  });
});
