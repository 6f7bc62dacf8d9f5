import { CATEGORIES, type Category } from '../../shared/categories';
import { inertText, readableUrl } from '../../shared/inert-text';
import { REPORT_LIMITS } from '../../shared/report';
import type { ReportPreview } from '../../shared/report-messages';
import { categoryName, t, uiLanguage } from '../ui/i18n';

export type ReportStage = 'idle' | 'preview' | 'done' | 'undone' | 'undone-already-sent';

export interface ReportPanelProps {
  /** The registrable domain the report blocks. */
  domain: string;
  stage: ReportStage;
  /** What will be sent, shown before the user's first report. */
  preview: ReportPreview | null;
  category: Category | '';
  note: string;
  busy: boolean;
  onCategory: (category: Category | '') => void;
  onNote: (note: string) => void;
  /** "Report this page": sends at once, or asks for the preview the first time. */
  onReport: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onUndo: () => void;
}

function Details(props: ReportPanelProps) {
  return (
    <details class="report__details">
      <summary>{t('reportDetailsToggle')}</summary>
      <label>
        {t('reportCategoryLabel')}
        <select
          value={props.category}
          onChange={(e) => props.onCategory(e.currentTarget.value as Category | '')}
        >
          <option value="">{t('reportCategoryNone')}</option>
          {CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {categoryName(c)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('reportNoteLabel')}
        <textarea
          rows={3}
          maxLength={REPORT_LIMITS.noteLength}
          value={props.note}
          onInput={(e) => props.onNote(e.currentTarget.value)}
        />
      </label>
    </details>
  );
}

/** Exactly the fields the report will carry, as text (the address through readableUrl). */
function Preview(props: ReportPanelProps & { preview: ReportPreview }) {
  const { preview } = props;
  const none = t('reportNoneGiven');
  const rows: [string, string][] = [
    [t('reportFieldUrl'), readableUrl(preview.url)],
    [t('reportFieldCategory'), props.category ? categoryName(props.category) : none],
    [t('reportFieldNote'), props.note.trim() ? inertText(props.note.trim()) : none],
    [t('reportFieldExtensionVersion'), preview.extensionVersion],
    [t('reportFieldListVersion'), String(preview.listVersion)],
    [t('reportFieldInstallId'), preview.installId],
    [t('reportFieldTime'), new Date().toLocaleString(uiLanguage())],
  ];
  return (
    <section class="report__preview" aria-labelledby="report-preview-heading">
      <h2 id="report-preview-heading">{t('reportPreviewHeading')}</h2>
      <p class="hint">{t('reportPreviewIntro')}</p>
      <dl data-testid="report-preview">
        {rows.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd class="inert-url">{value}</dd>
          </div>
        ))}
      </dl>
      <div class="report__buttons">
        <button type="button" class="danger" onClick={props.onConfirm} disabled={props.busy}>
          {t('reportSend')}
        </button>
        <button type="button" onClick={props.onCancel}>
          {t('reportCancel')}
        </button>
      </div>
    </section>
  );
}

/** "Report this page": protects the user at once; the report goes to reviewers for everyone. */
export function ReportPanel(props: ReportPanelProps) {
  if (props.stage === 'done') {
    return (
      <div class="report report--done" role="status">
        <p data-testid="report-done">{t('reportDone')}</p>
        <button type="button" onClick={props.onUndo} disabled={props.busy}>
          {t('undo')}
        </button>
      </div>
    );
  }
  if (props.stage === 'undone' || props.stage === 'undone-already-sent') {
    return (
      <p class="report" role="status" data-testid="report-undone">
        {t(props.stage === 'undone' ? 'reportUndone' : 'reportUndoneAlreadySent')}
      </p>
    );
  }
  return (
    <div class="report">
      {props.stage === 'preview' && props.preview ? (
        <Preview {...props} preview={props.preview} />
      ) : (
        <>
          <button type="button" class="danger" onClick={props.onReport} disabled={props.busy}>
            {t('reportThisPage')}
          </button>
          <p class="hint">{t('reportHint', inertText(props.domain))}</p>
        </>
      )}
      <Details {...props} />
    </div>
  );
}
