import { describe, expect, it } from 'vitest';
import { domainProblem, oauthEndpoints } from '../../../../main/core/oauth/oauth-domain.ts';

describe('managed-login domains', () => {
  it.each([
    'https://myapp.auth.us-east-1.amazoncognito.com',
    'https://my-app.auth-fips.us-gov-west-1.amazoncognito.com',
    'https://auth.example.com',
    'https://auth.example.com/',
    'http://127.0.0.1:9229',
    'http://localhost:8080',
  ])('accepts %s', (domain) => {
    expect(domainProblem(domain)).toBeUndefined();
  });

  it.each([
    ['not a url', /not a URL/],
    ['http://auth.example.com', /https/],
    ['https://auth.example.com/oauth2', /only the scheme and host/],
    ['https://user:pw@auth.example.com', /only the scheme and host/],
    ['https://myapp.us-east-1.amazoncognito.com', /not a Cognito prefix domain/],
  ])('refuses %s', (domain, problem) => {
    expect(domainProblem(domain)).toMatch(problem);
  });

  it('derives the endpoints from the origin', () => {
    expect(oauthEndpoints('https://auth.example.com/')).toEqual({
      authorize: 'https://auth.example.com/oauth2/authorize',
      token: 'https://auth.example.com/oauth2/token',
      revoke: 'https://auth.example.com/oauth2/revoke',
      userInfo: 'https://auth.example.com/oauth2/userInfo',
    });
  });
});
