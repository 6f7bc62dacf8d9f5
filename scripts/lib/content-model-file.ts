import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parseContentModel, type ContentModelFile } from '../../shared/content';

/** The trained page model `npm run train-content` writes; every list ships it as `contentModel`. */
export const DEFAULT_CONTENT_MODEL = fileURLToPath(
  new URL('../../data/content-model.json', import.meta.url),
);

/** Read and validated here, so a damaged model fails the build, not the check in browsers. */
export async function readContentModelFile(
  path = DEFAULT_CONTENT_MODEL,
): Promise<ContentModelFile> {
  const file = JSON.parse(await readFile(path, 'utf8')) as ContentModelFile;
  parseContentModel(file);
  return file;
}
