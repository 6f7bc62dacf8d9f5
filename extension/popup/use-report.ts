import { useState } from 'preact/hooks';
import type { Category } from '../../shared/categories';
import type { ReportPreview } from '../../shared/report-messages';
import { send } from '../ui/messaging';
import type { PinAction } from './pin-prompt';
import type { ReportPanelProps, ReportStage } from './report-panel';

type Submitted = { reportId: string; blockedDomain: string | null };

/**
 * The popup's reporting state and its messages to the background, for `ReportPanel`.
 * `guarded` shows errors; `refresh` reloads the tab status after the block changed;
 * `withPin` asks for the family's PIN before an undo lifts the block in family mode.
 */
export default function useReport(
  tabId: number | null,
  guarded: (action: () => Promise<void>) => () => void,
  refresh: () => Promise<void>,
  withPin: (action: PinAction) => () => void,
): Omit<ReportPanelProps, 'domain'> {
  const [stage, setStage] = useState<ReportStage>('idle');
  const [preview, setPreview] = useState<ReportPreview | null>(null);
  const [category, setCategory] = useState<Category | ''>('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [submitted, setSubmitted] = useState<Submitted | null>(null);

  const busyWhile = (action: () => Promise<void>) =>
    guarded(async () => {
      setBusy(true);
      try {
        await action();
      } finally {
        setBusy(false);
      }
    });

  const submit = async () => {
    if (tabId === null) return;
    const sent = await send('report/submit', {
      tabId,
      ...(category && { category }),
      ...(note.trim() && { note }),
    });
    setSubmitted(sent);
    setStage('done');
    await refresh();
  };

  return {
    stage,
    preview,
    category,
    note,
    busy,
    onCategory: setCategory,
    onNote: setNote,
    onReport: busyWhile(async () => {
      if (tabId === null) return;
      const shown = await send('report/preview', { tabId });
      if (shown.previewSeen) return submit();
      setPreview(shown);
      setStage('preview');
    }),
    onConfirm: busyWhile(submit),
    onCancel: () => setStage('idle'),
    onUndo: withPin(async (token) => {
      if (!submitted) return;
      const { withdrawn } = await send('report/undo', { ...submitted, token });
      setStage(withdrawn ? 'undone' : 'undone-already-sent');
      await refresh();
    }),
  };
}
