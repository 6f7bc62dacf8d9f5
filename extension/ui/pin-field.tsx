import { t } from './i18n';

/** A labelled, masked, digits-only PIN input: the same control wherever a PIN is typed. */
export function PinField(props: {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** 'new-password' when setting a PIN, so password managers do not fill an old one. */
  autocomplete: 'new-password' | 'off';
  describedBy?: string;
}) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        inputMode="numeric"
        autocomplete={props.autocomplete}
        aria-describedby={props.describedBy}
        value={props.value}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </div>
  );
}

/**
 * Entering the family PIN to unlock: the field and the answer to the last attempt (tries
 * left, or how long the lock lasts), read out as it changes.
 */
export function PinEntry(props: {
  id: string;
  value: string;
  onInput: (value: string) => void;
  message: string | null;
}) {
  return (
    <>
      <PinField
        id={props.id}
        label={t('familyPinEnter')}
        value={props.value}
        onInput={props.onInput}
        autocomplete="off"
      />
      <p class="problem" role="status" aria-live="polite" data-testid="pin-message">
        {props.message}
      </p>
    </>
  );
}
