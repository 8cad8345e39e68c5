import { describe, expect, it } from 'vitest';
import { dataResponse, NOTICES_HEADER, noticesHeaderValue } from '@/lib/exports/responses';

describe('noticesHeaderValue', () => {
  it('is a JSON array in plain ASCII, whatever the visitor typed', () => {
    const notices = ['Ignored actor "dönald-trump": not a valid identifier.', 'Ignored the search "🚀\r\nX-Evil: 1".'];
    const value = noticesHeaderValue(notices);
    expect(value).toMatch(/^[\x20-\x7e]+$/);
    expect(JSON.parse(value)).toEqual(notices);
    expect(() => new Headers({ [NOTICES_HEADER]: value })).not.toThrow();
  });

  it('keeps the header short when many values were ignored', () => {
    const notices = Array.from({ length: 25 }, (_, index) => `Ignored actor "a${index}".`);
    const shown: string[] = JSON.parse(noticesHeaderValue(notices));
    expect(shown).toHaveLength(11);
    expect(shown[10]).toBe('…and 15 more.');
  });
});

describe('dataResponse', () => {
  it('sets the type, the download name and the notices', async () => {
    const response = dataResponse({ body: 'a,b\r\n', notices: ['Ignored order "sideways".'] }, 'text/csv; charset=utf-8', { fileName: 'events.csv' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="events.csv"');
    expect(JSON.parse(response.headers.get(NOTICES_HEADER) ?? '[]')).toEqual(['Ignored order "sideways".']);
    expect(await response.text()).toBe('a,b\r\n');
  });

  it('sends no notices header when nothing was ignored', () => {
    expect(dataResponse({ body: '', notices: [] }, 'text/plain').headers.has(NOTICES_HEADER)).toBe(false);
  });
});
