import { describe, expect, it } from 'vitest';
import { newPrefix, targetPath } from '../../../../main/core/auth-proxy/proxy-route.ts';

describe('proxy route: the random prefix and the target path', () => {
  it('makes 128-bit prefixes that differ each time', () => {
    const prefix = newPrefix();
    expect(prefix).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newPrefix()).not.toBe(prefix);
  });

  it('joins the request path after the prefix to the target path, keeping the query', () => {
    const target = new URL('https://api.example.com/stage/');
    expect(targetPath('/abc/orders?id=1', 'abc', target)).toBe('/stage/orders?id=1');
    expect(targetPath('/abc/', 'abc', target)).toBe('/stage/');
    expect(targetPath('/abc', 'abc', target)).toBe('/stage/');
    expect(targetPath('/abc?x=1', 'abc', target)).toBe('/stage/?x=1');
    expect(targetPath('/abc/me', 'abc', new URL('http://127.0.0.1:8080'))).toBe('/me');
  });

  it('refuses requests without the exact prefix', () => {
    const target = new URL('https://api.example.com');
    for (const url of ['/', '/ab/me', '/abcd/me', '/ABC/me', 'abc/me', undefined])
      expect(targetPath(url, 'abc', target), String(url)).toBeUndefined();
  });
});
