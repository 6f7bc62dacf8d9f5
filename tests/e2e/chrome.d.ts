/**
 * The few extension APIs the browser tests call inside the service worker (through
 * `worker.evaluate`), typed here so the tests need no global `chrome` typings that the
 * extension's own code could then use by mistake instead of the polyfill.
 */
declare namespace chrome {
  namespace tabs {
    function query(q: {
      active?: boolean;
      lastFocusedWindow?: boolean;
    }): Promise<{ id?: number }[]>;
  }
  namespace runtime {
    function sendMessage(message: unknown): Promise<unknown>;
  }
  namespace scripting {
    function getRegisteredContentScripts(): Promise<{ id: string }[]>;
  }
  namespace permissions {
    interface Permissions {
      origins?: string[];
    }
    function contains(permissions: Permissions): Promise<boolean>;
    function request(permissions: Permissions, callback?: (granted: boolean) => void): unknown;
  }
  namespace action {
    function getBadgeText(details: { tabId?: number }): Promise<string>;
  }
  namespace declarativeNetRequest {
    function updateDynamicRules(options: {
      removeRuleIds?: number[];
      addRules?: {
        id: number;
        priority: number;
        action: { type: 'block' | 'allow' };
        condition: { requestDomains?: string[]; resourceTypes?: string[] };
      }[];
    }): Promise<void>;
  }
  namespace storage {
    const local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
    const session: { get(keys?: string | string[] | null): Promise<Record<string, unknown>> };
  }
  namespace notifications {
    function getAll(): Promise<Record<string, boolean>>;
  }
  namespace management {
    function uninstallSelf(options?: { showConfirmDialog?: boolean }): Promise<void>;
  }
}
