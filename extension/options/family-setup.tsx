import { useEffect, useRef, useState } from 'preact/hooks';
import type { SettingsView } from '../../shared/family-messages';
import { USER_KEYS, type Settings, type UserSettings } from '../../shared/settings';
import { t } from '../ui/i18n';
import type { FamilyActions } from './family-actions';
import { ContactFields, DisplayFields, savableChanges, StrictField } from './family-fields';
import { AlertsLink } from './alerts-link';
import { PageAccessOffer } from './page-access-offer';
import { PinFields } from './pin-fields';

const STEPS = [
  'familyStepContact',
  'familyStepStrict',
  'familyStepPin',
  'alertsStepHeading',
  'familyStepDisplay',
  'familyStepPageAccess',
] as const;

/**
 * The guided setup a son or daughter goes through once: contact, strict mode, PIN, alerts
 * to the family, text size, language and hotline, then page checking. Each step is saved when the user moves on, so stopping
 * half-way keeps what was done.
 */
export function FamilySetup(props: {
  view: SettingsView;
  actions: FamilyActions;
  /** The PIN session, once the PIN step set one: pairing needs it. */
  token?: string | undefined;
  onClose: () => void;
}) {
  const [step, setStep] = useState(0);
  const [draft, setDraft] = useState<Settings>(props.view.settings);
  const heading = useRef<HTMLHeadingElement>(null);
  const { forced } = props.view;

  // Move focus to each new step's heading, so a screen reader announces where the user is.
  useEffect(() => heading.current?.focus(), [step]);

  const change = (changes: Partial<UserSettings>) => setDraft({ ...draft, ...changes });
  const saveAndNext = async (keys: readonly (keyof UserSettings)[]) => {
    await props.actions.save(savableChanges(draft, keys, forced));
    setStep(step + 1);
  };
  const fields = { draft, forced, onChange: change };

  if (step === STEPS.length) {
    return (
      <section class="family-setup" aria-labelledby="setup-heading">
        <h2 id="setup-heading" tabIndex={-1} ref={heading}>
          {t('familyHeading')}
        </h2>
        <p role="status">{t('familyDone')}</p>
        <button type="button" class="primary" onClick={props.onClose}>
          {t('familyFinish')}
        </button>
      </section>
    );
  }

  const back = step > 0 && (
    <button type="button" onClick={() => setStep(step - 1)}>
      {t('familyBack')}
    </button>
  );
  const next = (keys: readonly (keyof UserSettings)[]) => (
    <button
      type="button"
      class="primary"
      onClick={() => void saveAndNext(keys).catch(() => undefined)}
    >
      {t('familyNext')}
    </button>
  );

  return (
    <section class="family-setup" aria-labelledby="setup-heading">
      <p class="step-of">{t('familyStepOf', step + 1, STEPS.length)}</p>
      <h2 id="setup-heading" tabIndex={-1} ref={heading}>
        {t(STEPS[step]!)}
      </h2>
      {step === 0 && (
        <>
          <p class="help">{t('familyStepContactHelp')}</p>
          <ContactFields {...fields} />
          <div class="buttons">{next(['familyContactName', 'familyContactPhone'])}</div>
        </>
      )}
      {step === 1 && (
        <>
          <StrictField {...fields} />
          <div class="buttons">
            {back}
            {next(['strictMode'])}
          </div>
        </>
      )}
      {step === 2 &&
        (props.view.pinSet ? (
          <>
            <p>{t('familyPinIsSet')}</p>
            <div class="buttons">
              {back}
              {next([])}
            </div>
          </>
        ) : (
          <PinFields
            submitLabel={t('familyNext')}
            onPin={(pin) =>
              void props.actions.setPin(pin).then(
                () => setStep(step + 1),
                () => undefined,
              )
            }
          >
            {back}
            <button type="button" onClick={() => setStep(step + 1)}>
              {t('familyPinSkip')}
            </button>
          </PinFields>
        ))}
      {step === 3 && (
        <>
          <AlertsLink token={props.token} locked={false} embedded />
          <div class="buttons">
            {back}
            <button type="button" class="primary" onClick={() => setStep(step + 1)}>
              {t('familyNext')}
            </button>
          </div>
        </>
      )}
      {step === 4 && (
        <>
          <DisplayFields {...fields} />
          <div class="buttons">
            {back}
            {next(USER_KEYS.filter((k) => ['largeText', 'language', 'hotline'].includes(k)))}
          </div>
        </>
      )}
      {step === 5 && (
        <>
          <PageAccessOffer />
          <div class="buttons">
            {back}
            {next([])}
          </div>
        </>
      )}
    </section>
  );
}
