import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { lockedMessage, pinMessage } from '../ui/pin-message';
import type { FamilyActions } from './family-actions';
import { PinField } from '../ui/pin-field';

/** Asks for the PIN before any family setting is shown; the background counts the attempts. */
export function PinGate(props: { lockedUntil: number | null; actions: FamilyActions }) {
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
        <PinField
          id="pin-unlock"
          label={t('familyPinEnter')}
          value={pin}
          onInput={setPin}
          autocomplete="off"
        />
        <p class="problem" role="status" aria-live="polite" data-testid="pin-message">
          {message}
        </p>
        <button type="submit" class="primary">
          {t('familyUnlock')}
        </button>
      </form>
      <details class="reset">
        <summary>{t('familyForgot')}</summary>
        <p>{t('familyResetExplain')}</p>
        <button
          type="button"
          class="danger"
          onClick={() => void props.actions.reset().catch(() => undefined)}
        >
          {t('familyReset')}
        </button>
      </details>
    </section>
  );
}
