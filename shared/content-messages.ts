import type { ContentScenario, PageExtract } from './content';
import type { SenderTable } from './message-senders';

/**
 * The content check's part of the message protocol (merged into `Protocol` in messages.ts).
 * Only our own content script, in a top-level web page, sends it; the background classifies
 * (the model stays in the worker) and, for a suspicious page, opens the warning itself.
 */
export interface ContentProtocol {
  /**
   * What the content script read from its page. The page it describes is the sender's own
   * tab and URL, never anything the extract claims.
   */
  'content/check': {
    request: { extract: PageExtract };
    response: {
      suspicious: boolean;
      scenario: ContentScenario | null;
      /** The page's fields are guarded (see input-guard.ts), and whether "continue" is offered. */
      guard: { strict: boolean } | null;
    };
  };
}

export const CONTENT_MESSAGE_SENDERS: SenderTable<keyof ContentProtocol> = {
  'content/check': ['content'],
};
