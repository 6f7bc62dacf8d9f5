import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../settings';
import { familyPolicyValues } from './family-policy-keys';

const settings = {
  ...defaultSettings({
    listUrl: 'https://l.example/m',
    reportUrl: 'https://r.example/r',
    relayUrl: 'https://r.example/v1/relay',
  }),
  familyContactName: 'Xiao Ming',
};

describe('familyPolicyValues', () => {
  it('forces what family mode set, and never the list or relay addresses', () => {
    const values = familyPolicyValues(settings);
    expect(values).toMatchObject({ familyContactName: 'Xiao Ming', strictMode: false });
    expect(values).not.toHaveProperty('listUrl');
    expect(values).not.toHaveProperty('relayUrl');
    expect(values).not.toHaveProperty('familyAlertsRequired');
  });

  it('requires the alerts once this browser is paired with a relative', () => {
    expect(familyPolicyValues(settings, { alertsPaired: true })).toMatchObject({
      familyAlertsRequired: true,
    });
  });
});
