import { bearerCredential, type StandInReply, type StandInRoute } from '../provider-stand-in.js';

/**
 * HubSpot API stand-in. The account details follow the example of
 * https://developers.hubspot.com/docs/api-reference/legacy/account/account-information/get-account-details;
 * the 401 body is HubSpot's authentication error (`category`
 * `INVALID_AUTHENTICATION`, https://developers.hubspot.com/docs/api/error-handling).
 */
export const HUBSPOT_INVALID_TOKEN: StandInReply = {
  status: 401,
  body: {
    status: 'error',
    message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
    correlationId: '019d7712-d98f-7622-ad7a-045a0bcb177b',
    category: 'INVALID_AUTHENTICATION',
  },
};

export const hubspotRoutes: StandInRoute[] = [
  {
    method: 'GET',
    path: '/account-info/v3/details',
    credential: bearerCredential,
    live: (_request, credential) => ({
      status: 200,
      body: {
        portalId: 123456,
        accountType: 'STANDARD',
        timeZone: 'US/Eastern',
        companyCurrency: 'USD',
        additionalCurrencies: [],
        utcOffset: '-05:00',
        utcOffsetMilliseconds: -18000000,
        uiDomain: credential.startsWith('pat-eu1-') ? 'app-eu1.hubspot.com' : 'app.hubspot.com',
        dataHostingLocation: credential.startsWith('pat-eu1-') ? 'eu1' : 'na1',
      },
    }),
    revoked: () => HUBSPOT_INVALID_TOKEN,
  },
];
