import type { Category } from '../../shared/categories';
import type { Verdict } from '../../shared/verdict';
import type { MessageKey } from '../ui/i18n';

/** Why a page is dangerous, and the one thing to remember, in the reader's plain words. */
export interface Advice {
  why: MessageKey | null;
  remember: MessageKey;
}

const BY_CATEGORY: Record<Category, Advice> = {
  'police-impersonation': {
    why: 'warningWhyPoliceImpersonation',
    remember: 'warningRememberPoliceImpersonation',
  },
  'fake-refund': { why: 'warningWhyFakeRefund', remember: 'warningRememberFakeRefund' },
  'credit-loan': { why: 'warningWhyCreditLoan', remember: 'warningRememberCreditLoan' },
  'investment-romance': {
    why: 'warningWhyInvestmentRomance',
    remember: 'warningRememberInvestmentRomance',
  },
  gambling: { why: 'warningWhyGambling', remember: 'warningRememberGambling' },
  'paid-tasks': { why: 'warningWhyPaidTasks', remember: 'warningRememberPaidTasks' },
  phishing: { why: 'warningWhyPhishing', remember: 'warningRememberPhishing' },
  malware: { why: 'warningWhyMalware', remember: 'warningRememberMalware' },
  scam: { why: 'warningWhyScam', remember: 'warningRememberScam' },
};

export function categoryAdvice(verdict: Verdict): Advice {
  if (verdict.category) return BY_CATEGORY[verdict.category];
  if (verdict.lookalike)
    return { why: 'warningWhyLookalike', remember: 'warningRememberLookalike' };
  // A site the user blocked themselves: they know why; remind them what not to do.
  return { why: null, remember: 'warningRememberGeneral' };
}
