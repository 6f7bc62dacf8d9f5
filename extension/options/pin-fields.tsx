import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { isValidPin } from '../../shared/settings-pin';
import { t } from '../ui/i18n';

/** New PIN, typed twice; calls `onPin` once both agree and are 4–8 digits. */
export function PinFields(props: {
  submitLabel: string;
  onPin: (pin: string) => void;
  children?: ComponentChildren;
}) {
  const [pin, setPin] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const submit = () => {
    if (!isValidPin(pin)) return setProblem(t('familyPinInvalid'));
    if (pin !== repeat) return setProblem(t('familyPinMismatch'));
    setProblem(null);
    props.onPin(pin);
  };
  return (
    <div class="pin-fields">
      <p class="help" id="pin-help">
        {t('familyPinHelp')}
      </p>
      <div class="field">
        <label for="pin-new">{t('familyPinNew')}</label>
        <input
          id="pin-new"
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          aria-describedby="pin-help"
          value={pin}
          onInput={(e) => setPin(e.currentTarget.value)}
        />
      </div>
      <div class="field">
        <label for="pin-repeat">{t('familyPinRepeat')}</label>
        <input
          id="pin-repeat"
          type="password"
          inputMode="numeric"
          autocomplete="new-password"
          value={repeat}
          onInput={(e) => setRepeat(e.currentTarget.value)}
        />
      </div>
      <p class="problem" role="status" aria-live="polite">
        {problem}
      </p>
      <div class="buttons">
        <button type="button" class="primary" onClick={submit}>
          {props.submitLabel}
        </button>
        {props.children}
      </div>
    </div>
  );
}
