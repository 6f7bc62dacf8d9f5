import {
  classifyPage,
  parseContentModel,
  parsePageExtract,
  scenarioCategory,
  type ContentModel,
} from '../../shared/content';
import type { ContentProtocol } from '../../shared/content-messages';
import type { Verdict } from '../../shared/verdict';
import type { ActiveList } from './protection';
import { webHost } from './protection';
import type { TrustedSites } from './trusted-sites';

type CheckResponse = ContentProtocol['content/check']['response'];

export interface ContentCheckDeps {
  list: () => ActiveList | null;
  trusted: Pick<TrustedSites, 'covering'>;
  /** Whether the warning may offer "continue" (false in strict mode or by policy). */
  proceedAllowed: () => Promise<boolean>;
  /** "Open anyway" was chosen for this tab and site. */
  proceedGranted: (tabId: number, url: string) => Promise<boolean>;
  /** Records the verdict for the tab and sends it to the warning page, as the guard does. */
  warn: (tabId: number, verdict: Verdict) => Promise<void>;
  /** Takes a scareware page out of full screen and mutes it before the warning loads. */
  calmScareware: (tabId: number) => Promise<void>;
}

export interface ContentCheck {
  check(tabId: number, url: string, extract: unknown): Promise<CheckResponse>;
}

const QUIET: CheckResponse = { suspicious: false, scenario: null, guard: null };

/**
 * Judges what a content script read from its page. The page is the sender's tab and URL,
 * never what the extract says about itself. Sites the list allows (banks, government,
 * popular sites) and sites the user marked as fine are never judged by content, and a page
 * the list blocks was already sent to the warning by the navigation guard. The model comes
 * from the active list's metadata, rebuilt once per list version; a list without a usable
 * model leaves the strong rules on their own.
 */
export function createContentCheck(deps: ContentCheckDeps): ContentCheck {
  let cached: { version: number; model: ContentModel | null } | null = null;
  const modelOf = (list: ActiveList): ContentModel | null => {
    if (cached?.version !== list.version) {
      let model: ContentModel | null = null;
      try {
        model = parseContentModel(list.metadata.contentModel);
      } catch (error) {
        console.warn('the list carries no usable content model; rules only', error);
      }
      cached = { version: list.version, model };
    }
    return cached.model;
  };

  return {
    async check(tabId, url, raw) {
      const host = webHost(url);
      if (!host) return QUIET;
      const extract = { ...parsePageExtract(raw), host };
      const list = deps.list();
      const match = list ? await list.match(url) : null;
      if (match || deps.trusted.covering(host)) return QUIET;
      const verdict = classifyPage(extract, { model: list ? modelOf(list) : null });
      if (!verdict.suspicious || !verdict.scenario) return QUIET;
      const strict = !(await deps.proceedAllowed());
      const response = { suspicious: true, scenario: verdict.scenario, guard: { strict } };
      if (verdict.scenario === 'tech-support')
        await deps.calmScareware(tabId).catch((error: unknown) => console.warn(error));
      if (await deps.proceedGranted(tabId, url)) return response;
      await deps.warn(tabId, {
        level: 'suspicious',
        reason: 'content',
        url,
        host,
        category: scenarioCategory(verdict.scenario),
        content: { scenario: verdict.scenario },
      });
      return response;
    },
  };
}
