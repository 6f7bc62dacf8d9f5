/**
 * `npm run train-content`: trains the page model on the training split of
 * data/content-corpus/ and writes data/content-model.json, which every list build ships as
 * metadata (`contentModel`). Prints the held-out figures so a retrain that got worse shows.
 */
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { encodeContentModel, parseContentModel } from '../shared/content';
import { browserView } from './lib/browser-view';
import { readContentCorpus } from './lib/content-corpus';
import { evaluateContent } from './lib/evaluate-content';
import { trainContentModel } from './lib/train-content-model';

export const CONTENT_MODEL_PATH = fileURLToPath(
  new URL('../data/content-model.json', import.meta.url),
);

async function main(): Promise<void> {
  const corpus = await readContentCorpus();
  // Trained on the pages as the content script reads them, the view the model will judge.
  const train = corpus
    .filter((s) => s.split === 'train')
    .map((s) => ({ ...s, page: browserView(s) }));
  const model = trainContentModel(train, { version: 1 });
  const file = encodeContentModel(model);
  // Written as Prettier would, so a retrain leaves `npm run format:check` green.
  const json = await format(JSON.stringify(file), {
    ...(await resolveConfig(CONTENT_MODEL_PATH)),
    parser: 'json',
  });
  await writeFile(CONTENT_MODEL_PATH, json);
  const shipped = parseContentModel(file);
  const figures = evaluateContent(
    corpus.filter((s) => s.split === 'held-out').map((s) => ({ ...s, page: browserView(s) })),
    shipped,
  );
  console.error(`trained on ${train.length} pages; model ${json.length} bytes`);
  console.log(JSON.stringify(figures));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
