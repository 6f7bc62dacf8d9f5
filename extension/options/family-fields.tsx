import type { LanguageSetting, SettingKey, Settings, UserSettings } from '../../shared/settings';
import { t } from '../ui/i18n';

/** The family-mode form fields, shared by the guided setup and the plain settings view. */
export interface FieldsProps {
  draft: Settings;
  forced: SettingKey[];
  onChange: (changes: Partial<UserSettings>) => void;
}

function ForcedNote({ id }: { id: string }) {
  return (
    <p class="forced" id={id}>
      {t('familyForced')}
    </p>
  );
}

/** The ids of a field's help text and "set by your administrator" note, for aria-describedby. */
function describedBy(props: { id: string; help?: string; forced: boolean }): string {
  return [props.help && `${props.id}-help`, props.forced && `${props.id}-forced`]
    .filter(Boolean)
    .join(' ');
}

function TextField(props: {
  id: string;
  label: string;
  value: string;
  forced: boolean;
  type?: 'text' | 'tel';
  help?: string;
  onInput: (value: string) => void;
}) {
  const described = describedBy(props);
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        // One literal type keeps Preact's input typings from asking for a datalist.
        type={(props.type ?? 'text') as 'text'}
        value={props.value}
        readOnly={props.forced}
        aria-describedby={described || undefined}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
      {props.forced && <ForcedNote id={`${props.id}-forced`} />}
    </div>
  );
}

function CheckField(props: {
  id: string;
  label: string;
  checked: boolean;
  forced: boolean;
  help?: string;
  onChange: (checked: boolean) => void;
}) {
  const described = describedBy(props);
  return (
    <div class="field field--check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        disabled={props.forced}
        aria-describedby={described || undefined}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      <label for={props.id}>{props.label}</label>
      {props.help && (
        <p class="help" id={`${props.id}-help`}>
          {props.help}
        </p>
      )}
      {props.forced && <ForcedNote id={`${props.id}-forced`} />}
    </div>
  );
}

export function ContactFields({ draft, forced, onChange }: FieldsProps) {
  return (
    <>
      <TextField
        id="contact-name"
        label={t('familyContactName')}
        value={draft.familyContactName}
        forced={forced.includes('familyContactName')}
        onInput={(familyContactName) => onChange({ familyContactName })}
      />
      <TextField
        id="contact-phone"
        type="tel"
        label={t('familyContactPhone')}
        value={draft.familyContactPhone}
        forced={forced.includes('familyContactPhone')}
        onInput={(familyContactPhone) => onChange({ familyContactPhone })}
      />
    </>
  );
}

export function StrictField({ draft, forced, onChange }: FieldsProps) {
  // An administrator's "disableProceed" has the same effect as strict mode, so show it here.
  const byPolicy =
    forced.includes('strictMode') || (forced.includes('disableProceed') && draft.disableProceed);
  return (
    <CheckField
      id="strict-mode"
      label={t('familyStrictLabel')}
      help={t('familyStrictHelp')}
      checked={draft.strictMode || draft.disableProceed}
      forced={byPolicy}
      onChange={(strictMode) => onChange({ strictMode })}
    />
  );
}

const LANGUAGES: { value: LanguageSetting; label: () => string }[] = [
  { value: 'auto', label: () => t('familyLanguageAuto') },
  { value: 'en', label: () => t('familyLanguageEn') },
  { value: 'zh_CN', label: () => t('familyLanguageZh') },
];

export function DisplayFields({ draft, forced, onChange }: FieldsProps) {
  const languageForced = forced.includes('language');
  return (
    <>
      <CheckField
        id="large-text"
        label={t('familyLargeText')}
        checked={draft.largeText}
        forced={forced.includes('largeText')}
        onChange={(largeText) => onChange({ largeText })}
      />
      <div class="field">
        <label for="language">{t('familyLanguage')}</label>
        <select
          id="language"
          value={draft.language}
          disabled={languageForced}
          aria-describedby={languageForced ? 'language-forced' : undefined}
          onChange={(e) => onChange({ language: e.currentTarget.value as LanguageSetting })}
        >
          {LANGUAGES.map(({ value, label }) => (
            <option key={value} value={value} lang={value === 'zh_CN' ? 'zh-CN' : undefined}>
              {label()}
            </option>
          ))}
        </select>
        {languageForced && <ForcedNote id="language-forced" />}
      </div>
      <TextField
        id="hotline"
        type="tel"
        label={t('familyHotline')}
        help={t('familyHotlineHelp')}
        value={draft.hotline}
        forced={forced.includes('hotline')}
        onInput={(hotline) => onChange({ hotline })}
      />
    </>
  );
}

/** Only the keys a page may save: the user keys, minus what policy forces. */
export function savableChanges(
  draft: Settings,
  keys: readonly (keyof UserSettings)[],
  forced: SettingKey[],
): Partial<UserSettings> {
  const out: Partial<Record<keyof UserSettings, unknown>> = {};
  for (const key of keys) if (!forced.includes(key)) out[key] = draft[key];
  return out as Partial<UserSettings>;
}
