import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { startLoopbackListener } from '../../../../main/core/oauth/loopback-listener.ts';

const get = (url: string): Promise<number> =>
  new Promise((resolve, reject) => {
    request(url, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    })
      .on('error', reject)
      .end();
  });

describe('the loopback redirect listener (RFC 8252 §7.3, real sockets)', () => {
  it('listens on 127.0.0.1 with a random port and resolves with the code of the response that carries our state', async () => {
    const listener = await startLoopbackListener('good-state', 60_000);
    expect(listener.redirectUri).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/callback$/);
    expect(await get(`${listener.redirectUri}?code=forged&state=other`)).toBe(400);
    expect(await get(listener.redirectUri.replace('/callback', '/elsewhere?code=x&state=good-state'))).toBe(400);
    expect(await get(`${listener.redirectUri}?code=the-code&state=good-state`)).toBe(200);
    await expect(listener.response).resolves.toEqual({ code: 'the-code' });
  });

  it('is used once: after the code it no longer accepts connections', async () => {
    const listener = await startLoopbackListener('s', 60_000);
    await get(`${listener.redirectUri}?code=c&state=s`);
    await listener.response;
    await expect(get(`${listener.redirectUri}?code=c&state=s`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('does not listen on other interfaces', async () => {
    const listener = await startLoopbackListener('s', 60_000);
    const port = new URL(listener.redirectUri).port;
    const other = Object.values(networkInterfaces())
      .flat()
      .find((address) => address?.family === 'IPv4' && !address.internal);
    if (other)
      await expect(get(`http://${other.address}:${port}/callback?code=c&state=s`)).rejects.toThrow(/ECONNREFUSED/);
    listener.close();
    await expect(listener.response).rejects.toThrow(/cancelled/);
  });

  it('turns an OAuth error redirect into a failure that names the error', async () => {
    const listener = await startLoopbackListener('s', 60_000);
    expect(await get(`${listener.redirectUri}?error=access_denied&state=s`)).toBe(400);
    await expect(listener.response).rejects.toThrow(/access_denied/);
  });

  it('gives up after its timeout (a short real one here) and closes', async () => {
    const listener = await startLoopbackListener('s', 50);
    await expect(listener.response).rejects.toThrow(/No answer from the browser/);
    await expect(get(`${listener.redirectUri}?code=c&state=s`)).rejects.toThrow(/ECONNREFUSED/);
  });

  it('listens on a fixed port when the profile names one, and says clearly when that port is taken', async () => {
    const first = await startLoopbackListener('s', 60_000);
    const port = Number(new URL(first.redirectUri).port);
    first.close();
    const fixed = await startLoopbackListener('s', 60_000, port);
    expect(fixed.redirectUri).toBe(`http://127.0.0.1:${port}/callback`);
    await expect(startLoopbackListener('s', 60_000, port)).rejects.toThrow(
      new RegExp(`Port ${port} on 127.0.0.1 is in use`),
    );
    fixed.close();
  });
});
