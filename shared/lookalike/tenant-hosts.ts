/**
 * Services that give each customer organisation a host of its own below theirs, named after the
 * customer: "adobe.okta.com", "paypal.zendesk.com", "ebay.wd5.myworkdayjobs.com",
 * "netflix.github.io". There a brand's name above the site is the brand's own account, so the
 * rule that flags "dropbox.digitalsurveyorske.com" (a brand alone above an unknown site) stays
 * quiet. Single sign-on, help desks, hiring, collaboration and developer pages: the kinds whose
 * public tenant hosts carry the company's name. A Q&A or wiki site's topic hosts
 * ("apple.stackexchange.com", "netflix.fandom.com") read the same way.
 */
const TENANT_HOSTS = new Set(
  (
    'okta.com oktapreview.com okta-emea.com onelogin.com auth0.com pingone.com ' +
    'zendesk.com freshdesk.com helpdesk.com service-now.com servicenow.com helpscoutdocs.com ' +
    'intercom.help statuspage.io atlassian.net slack.com box.com zoom.us webex.com ' +
    'myworkdayjobs.com myworkday.com workday.com taleo.net greenhouse.io lever.co ' +
    'smartrecruiters.com icims.com successfactors.com salesforce.com force.com ' +
    'github.io gitlab.io readthedocs.io gitbook.io readme.io ' +
    'stackexchange.com fandom.com wikia.com slashdot.org'
  ).split(' '),
);

/** Whether `domain` (a registrable domain) names its customers' hosts after them. */
export function isTenantHost(domain: string): boolean {
  return TENANT_HOSTS.has(domain);
}
