export {
  classifyPage,
  type ContentVerdict,
  type ContentReason,
  type ClassifyOptions,
} from './classify-page';
export {
  parseContentModel,
  encodeContentModel,
  type ContentModel,
  type ContentModelFile,
} from './content-model';
export {
  CONTENT_SCENARIOS,
  CONTENT_CLASSES,
  isContentScenario,
  scenarioCategory,
  type ContentScenario,
  type ContentClass,
} from './content-scenarios';
export {
  parsePageExtract,
  EXTRACT_LIMITS,
  FIELD_KINDS,
  PAGE_SIGNALS,
  LOCK_SIGNALS,
  type PageExtract,
  type ExtractField,
  type FieldKind,
  type PageSignal,
} from './page-extract';
export { fieldKind } from './field-kind';
export { textSignals, offersAppDownload, type PageLink } from './text-signals';
