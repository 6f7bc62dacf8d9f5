import type { ContentScenario } from '../../shared/content';
import type { MessageKey } from '../ui/i18n';

/** The plain sentence that names the scam a page's content looks like. */
const REASONS: Record<ContentScenario, MessageKey> = {
  'police-impersonation': 'contentReasonPoliceImpersonation',
  'fake-refund': 'contentReasonFakeRefund',
  'credit-loan': 'contentReasonCreditLoan',
  'investment-romance': 'contentReasonInvestmentRomance',
  gambling: 'contentReasonGambling',
  'paid-tasks': 'contentReasonPaidTasks',
  phishing: 'contentReasonPhishing',
  'tech-support': 'contentReasonTechSupport',
};

export const contentReason = (scenario: ContentScenario): MessageKey => REASONS[scenario];
