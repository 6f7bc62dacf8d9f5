import { isCategory } from '../../shared/categories';
import { REPORT_LIMITS, validateReportUrl } from '../../shared/report';
import type { ReportProtocol } from '../../shared/report-messages';
import { buildConfig } from '../build-config';
import type { HandlerMap } from './message-handlers';
import { mayBlock } from './personal-blocklist';
import { blockableDomain } from './protection';
import { requireTabId, warningTab } from './sender-checks';
import { requireUnlocked } from './settings-lock';
import { tabState } from './tab-state';

type ReportName = keyof ReportProtocol;
type ReportHandlers = HandlerMap<ReportName>;

/** The URL the background recorded for the tab, never one the page names: it must be reportable. */
async function reportableUrl(tabId: unknown): Promise<string> {
  const url = (await tabState.get(requireTabId(tabId)))?.url;
  if (!url) throw new Error('this page has not been checked yet; reload it and try again');
  const problem = validateReportUrl(url);
  if (problem) throw new Error(`this page cannot be reported: ${problem}`);
  return url;
}

function optionalNote(note: unknown): string | undefined {
  if (note === undefined) return undefined;
  if (typeof note !== 'string') throw new Error('note must be text');
  const trimmed = note.trim();
  if (trimmed.length > REPORT_LIMITS.noteLength) {
    throw new Error(`the note is longer than ${REPORT_LIMITS.noteLength} characters`);
  }
  return trimmed || undefined;
}

export const reportHandlers: ReportHandlers = {
  async 'report/preview'({ tabId }, _sender, { reports }) {
    const url = await reportableUrl(tabId);
    return {
      url,
      extensionVersion: buildConfig.version,
      listVersion: reports.listVersion(),
      installId: await reports.queue.installId(),
      previewSeen: await reports.queue.previewSeen(),
    };
  },

  async 'report/submit'({ tabId, category, note }, _sender, { reports, personal, alerts }) {
    const url = await reportableUrl(tabId);
    if (category !== undefined && !isCategory(category)) throw new Error('unknown category');
    const trimmedNote = optionalNote(note);
    const site = blockableDomain(url);
    if (!site) throw new Error('this page cannot be blocked');
    // Protect the user first: the block must not wait for the report to be sent. A site
    // the allowlist vouches for is reported for review but never blocked whole.
    const verdict = (await tabState.get(requireTabId(tabId)))?.verdict;
    const domain = mayBlock(site, verdict) ? site : null;
    const newlyBlocked = domain !== null && personal.covering(domain) === null;
    if (newlyBlocked) await personal.add(domain);
    const { report, duplicate } = await reports.queue.enqueue({
      kind: 'scam',
      url,
      ...(category && { category }),
      ...(trimmedNote && { note: trimmedNote }),
      extensionVersion: buildConfig.version,
      listVersion: reports.listVersion(),
    });
    await reports.queue.markPreviewSeen();
    void reports.queue.flush();
    void alerts.link.notify('report', { url, ...(category && { category }) });
    return { reportId: report.id, blockedDomain: newlyBlocked ? domain : null, duplicate };
  },

  async 'report/undo'({ reportId, blockedDomain, token }, _sender, { reports, personal }) {
    if (typeof reportId !== 'string') throw new Error('reportId must be a string');
    if (typeof blockedDomain === 'string') await requireUnlocked(token);
    const unblocked = typeof blockedDomain === 'string' && (await personal.remove(blockedDomain));
    return { unblocked, withdrawn: await reports.queue.withdraw(reportId) };
  },

  async 'report/false-positive'(_payload, sender, { reports }) {
    const page = await tabState.pendingBlock(warningTab(sender));
    if (!page) throw new Error('nothing is blocked in this tab');
    const problem = validateReportUrl(page.verdict.url);
    if (problem) throw new Error(`this page cannot be reported: ${problem}`);
    const { report } = await reports.queue.enqueue({
      kind: 'false-positive',
      url: page.verdict.url,
      extensionVersion: buildConfig.version,
      listVersion: reports.listVersion(),
    });
    void reports.queue.flush();
    return { reportId: report.id };
  },

  async 'report/flush'(_payload, _sender, { reports }) {
    return reports.queue.flush({ force: true });
  },
};
