import { telHref } from '../../shared/settings';
import { t } from '../ui/i18n';

export interface FamilyCallProps {
  contactName: string;
  contactPhone: string;
  /** Empty for no hotline. */
  hotline: string;
}

/** "Call NAME before you do anything" and the anti-fraud hotline, both as phone links. */
export function FamilyCall({ contactName, contactPhone, hotline }: FamilyCallProps) {
  if (!contactPhone && !hotline) return null;
  return (
    <section class="call" aria-labelledby={contactPhone ? 'call-family' : 'call-hotline'}>
      {contactPhone && (
        <p class="call__family" id="call-family">
          {t('warningCallFamily', contactName || contactPhone)}{' '}
          <a class="call__number" href={telHref(contactPhone)} data-testid="family-phone">
            {contactPhone}
          </a>
        </p>
      )}
      {hotline && (
        <p class="call__hotline" id="call-hotline">
          {t('warningHotline')}{' '}
          <a class="call__number" href={telHref(hotline)} data-testid="hotline">
            {hotline}
          </a>
        </p>
      )}
    </section>
  );
}
