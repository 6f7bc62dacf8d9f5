import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRelease } from '../../scripts/lib/build-release';
import { signingKeys } from '../../scripts/lib/signing-keys';
import type { ListManifest } from '../../scripts/lib/write-release';
import type { Category } from '../../shared/categories';

/**
 * Publishes list releases the way a maintainer does (scripts/build-list's code path), into
 * a folder the real list server hosts, signed with the key the extension was built with.
 */
export class ListPublisher {
  readonly dir = mkdtempSync(join(tmpdir(), 'scam-guard-list-'));
  private readonly feeds = mkdtempSync(join(tmpdir(), 'scam-guard-feeds-'));
  private last: string | undefined;

  /** `minimumWaitSeconds` is what the manifest asks clients to wait between checks. */
  constructor(private readonly minimumWaitSeconds = 900) {}
  /** Files damaged by `tamper`, with their good bytes; the next publish repairs them. */
  private readonly originals = new Map<string, Buffer>();

  /** Publishes `domains` (as fake-refund sites), or one feed per category. */
  async publish(
    version: number,
    domains: readonly string[] | Partial<Record<Category, readonly string[]>>,
  ): Promise<ListManifest> {
    for (const [file, bytes] of this.originals) this.replace(file, bytes);
    this.originals.clear();
    const feeds = Array.isArray(domains) ? { 'fake-refund': domains } : domains;
    const sources = Object.entries(feeds).map(([category, hosts]) => {
      const path = join(this.feeds, `v${version}-${category}.txt`);
      writeFileSync(path, (hosts as readonly string[]).join('\n') + '\n');
      return { path, category: category as Category };
    });
    const { privateKey } = await signingKeys(() => {});
    const report = await buildRelease({
      sources,
      allowlistPath: 'data/allowlist.txt',
      version,
      privateKey,
      outDir: this.dir,
      minimumWaitSeconds: this.minimumWaitSeconds,
      ...(this.last ? { previousPath: this.last } : {}),
    });
    this.last = join(this.dir, `snapshot-${version}.sgl`);
    return report.manifest;
  }

  manifest(): ListManifest {
    return JSON.parse(readFileSync(join(this.dir, 'manifest.json'), 'utf8')) as ListManifest;
  }

  writeManifest(manifest: ListManifest): void {
    writeFileSync(join(this.dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  }

  /** Rewrites a published file and, unless `keepManifest`, the size and hash the manifest gives. */
  tamper(file: string, change: (bytes: Buffer) => Buffer, keepManifest = false): void {
    const original = readFileSync(join(this.dir, file));
    if (!this.originals.has(file)) this.originals.set(file, original);
    if (keepManifest) writeFileSync(join(this.dir, file), change(original));
    else this.replace(file, change(original));
  }

  private replace(file: string, bytes: Buffer): void {
    writeFileSync(join(this.dir, file), bytes);
    const manifest = this.manifest();
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    for (const ref of [manifest.snapshot, ...manifest.deltas]) {
      if (ref.url.endsWith(file)) Object.assign(ref, { bytes: bytes.length, sha256 });
    }
    this.writeManifest(manifest);
  }
}
