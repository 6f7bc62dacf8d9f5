import { useEffect, useState } from 'preact/hooks';
import { timeLeft } from '../../shared/family-reset';
import { t, uiLanguage } from './i18n';

/** "2 h 5 min" (or "5 min") for a span of time, rounded up to the minute. */
export function durationText(ms: number): string {
  const { hours, minutes } = timeLeft(ms);
  return hours > 0 ? t('resetLeftHours', hours, minutes) : t('resetLeftMinutes', minutes);
}

/**
 * A running "Forgot the PIN?" waiting period, in the plain words the person needs while a
 * caller may be telling them to wait it out. Calls `onEnded` once the time is up.
 */
export function ResetCountdown(props: {
  endsAt: number;
  onEnded?: () => void;
  /** Its heading's level where it sits: 2 in the popup, 3 under the options' section. */
  level: 2 | 3;
}) {
  const { endsAt, onEnded } = props;
  const Heading = props.level === 2 ? 'h2' : 'h3';
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const ended = now >= endsAt;
  useEffect(() => {
    if (ended) onEnded?.();
  }, [ended]);

  const time = new Date(endsAt).toLocaleString(uiLanguage(), {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <section
      class="reset-pending"
      aria-labelledby="reset-pending-heading"
      data-testid="reset-pending"
    >
      <Heading id="reset-pending-heading">{t('resetPendingHeading')}</Heading>
      <p>
        <strong>{t('resetScam')}</strong>
      </p>
      <p data-testid="reset-countdown">{t('resetPendingWhen', time, durationText(endsAt - now))}</p>
      <p>{t('resetPendingCancel')}</p>
    </section>
  );
}
