/**
 * Whether a fresh install opens the welcome page. An administrator's force-install
 * (`management.getSelf().installType === 'admin'`) that already has page access has nothing
 * to offer the user and must not interrupt them; every other install is told what Scam Guard
 * does and offered page checking.
 */
export function welcomeOnInstall(installType: string, pageAccess: boolean): boolean {
  return !(installType === 'admin' && pageAccess);
}
