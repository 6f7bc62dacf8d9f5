import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { isValidPin } from '../../shared/settings-pin';
import { t } from '../ui/i18n';
import { PinField } from '../ui/pin-field';

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
      <PinField
        id="pin-new"
        label={t('familyPinNew')}
        value={pin}
        onInput={setPin}
        autocomplete="new-password"
        describedBy="pin-help"
      />
      <PinField
        id="pin-repeat"
        label={t('familyPinRepeat')}
        value={repeat}
        onInput={setRepeat}
        autocomplete="new-password"
      />
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
