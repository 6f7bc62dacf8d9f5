import { useEffect, useState } from 'preact/hooks';
import type { UnlockResult } from '../../shared/family-messages';
import { t } from '../ui/i18n';
import { PinEntry } from '../ui/pin-field';
import { pinMessage } from '../ui/pin-message';

/** A change that needs the family's PIN session once a PIN is set. */
export type PinAction = (token?: string) => Promise<void>;

export interface PinPromptProps {
  /** Checks the PIN in the background (which counts the attempts) and, if right, goes on. */
  onPin: (pin: string) => Promise<UnlockResult>;
  onCancel: () => void;
}

/**
 * Asked before an unblock or an undo in family mode. It says why in the words a person
 * being talked through it on the phone needs to hear.
 */
export function PinPrompt({ onPin, onCancel }: PinPromptProps) {
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  // Straight to the field: the prompt appears in place of what the person clicked.
  useEffect(() => document.getElementById('pin-prompt')?.focus(), []);
  return (
    <form
      class="pin-prompt"
      aria-labelledby="pin-prompt-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void onPin(pin).then((result) => {
          setPin('');
          setMessage(pinMessage(result));
        });
      }}
    >
      <h2 id="pin-prompt-heading">{t('pinPromptHeading')}</h2>
      <p>{t('pinPromptHelp')}</p>
      <PinEntry id="pin-prompt" value={pin} onInput={setPin} message={message} />
      <div class="footer-actions">
        <button type="submit" class="primary">
          {t('pinPromptContinue')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('pinPromptCancel')}
        </button>
      </div>
    </form>
  );
}
