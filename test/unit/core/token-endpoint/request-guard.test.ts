import { describe, expect, it } from 'vitest';
import { corsHeaders, hostAllowed, originVerdict } from '../../../../main/core/token-endpoint/request-guard.ts';

describe('request guard: DNS rebinding and web pages', () => {
  it('accepts only the loopback names with our port in Host', () => {
    expect(hostAllowed('127.0.0.1:28600', 28600)).toBe(true);
    expect(hostAllowed('LOCALHOST:28600', 28600)).toBe(true);
    for (const host of [
      undefined,
      '',
      'evil.example:28600',
      '127.0.0.1',
      '127.0.0.1:28601',
      'localhost.evil.example:28600',
      '127.0.0.1:28600.evil.example',
    ]) {
      expect(hostAllowed(host, 28600), String(host)).toBe(false);
    }
    expect(hostAllowed('127.0.0.1', 80)).toBe(true);
  });

  it('lets clients without Origin through, allowed origins with CORS, refuses every other origin', () => {
    expect(originVerdict(undefined, [])).toBe('none');
    expect(originVerdict('https://hoppscotch.io', ['https://hoppscotch.io'])).toBe('allowed');
    expect(originVerdict('https://hoppscotch.io.evil.example', ['https://hoppscotch.io'])).toBe('refused');
    expect(originVerdict('null', ['https://hoppscotch.io'])).toBe('refused');
    expect(corsHeaders('https://hoppscotch.io', false)).toEqual({
      'Access-Control-Allow-Origin': 'https://hoppscotch.io',
      Vary: 'Origin',
    });
    expect(corsHeaders('https://hoppscotch.io', true)['Access-Control-Allow-Private-Network']).toBe('true');
  });
});
