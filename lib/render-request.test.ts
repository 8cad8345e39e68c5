import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { RENDER_HEADER, renderRequestHeaders, STAMP_HEADER, takeRenderRequest } from '@/lib/render-request';

const TOKEN = 'a-secret-token';
const request = (headers: IncomingHttpHeaders, remoteAddress = '127.0.0.1') => ({ headers, socket: { remoteAddress } }) as never;

describe('takeRenderRequest', () => {
  it('takes the server’s own render request from loopback, with its stamp', () => {
    const headers = { ...renderRequestHeaders(TOKEN, '41/1000'), accept: 'text/html' };
    expect(takeRenderRequest(request(headers), TOKEN)).toEqual({ internal: true, stamp: '41/1000' });
    expect(headers).toEqual({ accept: 'text/html' });
    expect(takeRenderRequest(request(renderRequestHeaders(TOKEN, null), '::ffff:127.0.0.1'), TOKEN)).toEqual({ internal: true, stamp: null });
  });

  it('refuses a wrong or missing token, and the right one from another machine, keeping none of their headers', () => {
    for (const [headers, address] of [
      [{ [RENDER_HEADER]: 'guessed', [STAMP_HEADER]: 'old' }, '127.0.0.1'],
      [{ [STAMP_HEADER]: 'old' }, '127.0.0.1'],
      [{ [RENDER_HEADER]: TOKEN, [STAMP_HEADER]: 'old' }, '203.0.113.7'],
      [{ [RENDER_HEADER]: [TOKEN, TOKEN] as unknown as string }, '127.0.0.1'],
    ] as Array<[IncomingHttpHeaders, string]>) {
      expect(takeRenderRequest(request(headers, address), TOKEN)).toEqual({ internal: false, stamp: null });
      expect(headers[RENDER_HEADER]).toBeUndefined();
      expect(headers[STAMP_HEADER]).toBeUndefined();
    }
  });
});
