import { describe, expect, it } from 'vitest';
import { cutDescription, metadataFor } from '@/lib/page-metadata';

describe('metadataFor', () => {
  it('gives the title, an absolute canonical and card address, and both cards', () => {
    const metadata = metadataFor({ title: 'Policies: Postponed', description: 'Short.', path: '/policies?status=postponed' }, 'https://timeline.example.org');
    expect(metadata.title).toBe('Policies: Postponed');
    expect(metadata.alternates?.canonical).toBe('https://timeline.example.org/policies?status=postponed');
    expect(metadata.openGraph).toMatchObject({
      title: 'Policies: Postponed · AI Policy Timeline',
      description: 'Short.',
      url: 'https://timeline.example.org/policies?status=postponed',
      type: 'website',
      siteName: 'AI Policy Timeline',
    });
    expect(metadata.twitter).toMatchObject({ card: 'summary', title: 'Policies: Postponed · AI Policy Timeline' });
    expect(metadata.robots).toBeUndefined();
  });

  it('uses a view title as it is', () => {
    const metadata = metadataFor({ title: 'AI Policy Timeline: Donald Trump', absoluteTitle: true, path: '/?actor=donald-trump', type: 'article' }, 'http://127.0.0.1:3100');
    expect(metadata.title).toEqual({ absolute: 'AI Policy Timeline: Donald Trump' });
    expect(metadata.openGraph).toMatchObject({ title: 'AI Policy Timeline: Donald Trump', url: 'http://127.0.0.1:3100/?actor=donald-trump', type: 'article' });
  });
});

describe('cutDescription', () => {
  it('keeps a short text, flattening its white space', () => {
    expect(cutDescription('Signing\n  postponed.')).toBe('Signing postponed.');
  });

  it('cuts a long one at a word, with an ellipsis', () => {
    const cut = cutDescription(`${'word '.repeat(60)}end`, 50);
    expect(cut.length).toBeLessThanOrEqual(50);
    expect(cut).toMatch(/word…$/);
  });
});
