import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { lockedMessage, pinMessage } from '../ui/pin-message';
import { durationText, ResetCountdown } from '../ui/reset-countdown';
import type { FamilyActions } from './family-actions';
import { PinEntry } from '../ui/pin-field';

/** Asks for the PIN before any family setting is shown; the background counts the attempts. */
export function PinGate(props: {
  lockedUntil: number | null;
  /** A "Forgot the PIN?" waiting period already running, or null. */
  resetEndsAt: number | null;
  resetWaitHours: number;
  actions: FamilyActions;
  /** The waiting period is over: ask the background again (it clears the settings then). */
  onResetEnded: () => void;
}) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(
    props.lockedUntil ? lockedMessage(props.lockedUntil) : null,
  );

  const unlock = async () => {
    const result = await props.actions.unlock(pin);
    setPin('');
    if (result.unlocked) return;
    setMessage(pinMessage(result));
  };

  return (
    <section class="family pin-gate" aria-labelledby="locked-heading">
      <h2 id="locked-heading">{t('familyLockedHeading')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void unlock().catch(() => undefined);
        }}
      >
        <PinEntry id="pin-unlock" value={pin} onInput={setPin} message={message} />
        <button type="submit" class="primary">
          {t('familyUnlock')}
        </button>
      </form>
      {props.resetEndsAt ? (
        <ResetCountdown endsAt={props.resetEndsAt} onEnded={props.onResetEnded} level={3} />
      ) : (
        <details class="reset">
          <summary>{t('familyForgot')}</summary>
          <p>
            <strong>{t('resetScam')}</strong>
          </p>
          <p>{t('familyResetExplain')}</p>
          <p>{t('resetWaitExplain', durationText(props.resetWaitHours * 3_600_000))}</p>
          <button
            type="button"
            class="danger"
            onClick={() => void props.actions.reset().catch(() => undefined)}
          >
            {t('resetRequest')}
          </button>
        </details>
      )}
    </section>
  );
}
