import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { approvedCsv } from '../../server/approved-csv';
import type { ReportStore } from '../../server/store/report-store';
import { buildReleaseIfChanged, type BuildOptions } from './build-release';
import { takePublishLock } from './publish-lock';
import type { SourceFile } from './source-files';
import { readManifest } from './write-release';

export interface PipelineOptions extends Omit<
  BuildOptions,
  'version' | 'previousPath' | 'sources'
> {
  sources: readonly SourceFile[];
  /** Approved reports join the feeds; null to publish the feeds alone. */
  reports: ReportStore | null;
}

export type PipelineResult =
  | { status: 'published'; version: number; entries: number; deltaBytes?: number }
  | { status: 'unchanged'; version: number; entries: number }
  | { status: 'locked' };

export const LOCK_NAME = '.publish.lock';

/**
 * One run of the whole pipeline: feeds and approved reports in, the next version compiled,
 * signed and published (with a delta from the current one) — or nothing at all when the
 * entries are those already published. Holds a lock for the run, and the version comes
 * from the published manifest, so cron may start it every few minutes: overlapping runs
 * skip, repeated runs publish nothing new, and no version number is used twice.
 */
export async function runPublishPipeline(options: PipelineOptions): Promise<PipelineResult> {
  const { reports, sources, ...build } = options;
  await mkdir(options.outDir, { recursive: true });
  const lock = await takePublishLock(join(options.outDir, LOCK_NAME));
  if (!lock) return { status: 'locked' };
  const work = await mkdtemp(join(tmpdir(), 'scam-guard-publish-'));
  try {
    const current = await readManifest(options.outDir).catch((error: unknown) => {
      throw new Error(`${options.outDir}/manifest.json is damaged: ${(error as Error).message}`);
    });
    const all = [...sources];
    if (reports) {
      const path = join(work, 'approved-reports.csv');
      await writeFile(path, approvedCsv(await reports.approvedEntries()));
      // A row's own category wins; 'scam' only fills in a report that named none.
      all.push({ category: 'scam', name: 'approved-reports', path });
    }
    const version = (current?.version ?? 0) + 1;
    const result = await buildReleaseIfChanged(
      {
        ...build,
        sources: all,
        version,
        ...(current ? { previousPath: join(options.outDir, current.snapshot.url) } : {}),
      },
      current?.checksum,
    );
    if (!('manifest' in result)) {
      return {
        status: 'unchanged',
        version: current?.version ?? 0,
        entries: result.compile.entries.length,
      };
    }
    return {
      status: 'published',
      version: result.manifest.version,
      entries: result.compile.entries.length,
      ...(result.delta ? { deltaBytes: result.delta.bytes } : {}),
    };
  } finally {
    await rm(work, { recursive: true, force: true });
    await lock.release();
  }
}
