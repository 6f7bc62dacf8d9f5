import type { BaseManifest, BuildManifest } from './platform';

/** Chrome takes manifest.json as written: its `key` fixes the extension id policies name. */
export function chromeManifest(base: BaseManifest): BuildManifest {
  return base;
}
