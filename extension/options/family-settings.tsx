import { useEffect, useState } from 'preact/hooks';
import type { SettingsView } from '../../shared/family-messages';
import { USER_KEYS, type Settings, type UserSettings } from '../../shared/settings';
import { t } from '../ui/i18n';
import type { FamilyActions } from './family-actions';
import { MakeItStick } from './make-it-stick';
import { ContactFields, DisplayFields, savableChanges, StrictField } from './family-fields';
import { PinFields } from './pin-fields';

/** The plain settings view: every family setting on one form, plus the PIN. */
export function FamilySettings(props: {
  view: SettingsView;
  actions: FamilyActions;
  onStartSetup: () => void;
}) {
  const { view, actions } = props;
  const [draft, setDraft] = useState<Settings>(view.settings);
  const [changingPin, setChangingPin] = useState(false);
  // A save, a reset or a policy change gives a new view: start again from it.
  useEffect(() => setDraft(view.settings), [view]);
  const fields = {
    draft,
    forced: view.forced,
    onChange: (changes: Partial<UserSettings>) => setDraft({ ...draft, ...changes }),
  };

  return (
    <section class="family" aria-labelledby="family-heading">
      <h2 id="family-heading">{t('familyHeading')}</h2>
      {!view.familyConfigured && <p>{t('familyIntro')}</p>}
      <button type="button" onClick={props.onStartSetup}>
        {t(view.familyConfigured ? 'familyRestart' : 'familyStart')}
      </button>

      <form
        class="family-form"
        onSubmit={(e) => {
          e.preventDefault();
          void actions.save(savableChanges(draft, USER_KEYS, view.forced)).catch(() => undefined);
        }}
      >
        <ContactFields {...fields} />
        <StrictField {...fields} />
        <DisplayFields {...fields} />
        <div class="buttons">
          <button type="submit" class="primary">
            {t('familySave')}
          </button>
        </div>
      </form>

      <section class="pin" aria-labelledby="pin-heading">
        <h3 id="pin-heading">{t('familyPinSetHeading')}</h3>
        <p data-testid="pin-state">{t(view.pinSet ? 'familyPinIsSet' : 'familyPinNotSet')}</p>
        {changingPin ? (
          <PinFields
            submitLabel={t('familySave')}
            onPin={(pin) =>
              void actions.setPin(pin).then(
                () => setChangingPin(false),
                () => undefined,
              )
            }
          />
        ) : (
          <div class="buttons">
            <button type="button" onClick={() => setChangingPin(true)}>
              {t('familyPinChange')}
            </button>
            {view.pinSet && (
              <button
                type="button"
                onClick={() => void actions.setPin(null).catch(() => undefined)}
              >
                {t('familyPinRemove')}
              </button>
            )}
          </div>
        )}
      </section>
      {view.familyConfigured && <MakeItStick settings={view.settings} />}
    </section>
  );
}
