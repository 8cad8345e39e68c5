import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '@/lib/filters';
import { SITE_TITLE, viewTitle } from '@/lib/exports/view-title';

describe('viewTitle', () => {
  it('is the site title for the whole timeline', () => {
    expect(viewTitle(EMPTY_FILTER, {})).toBe(SITE_TITLE);
  });

  it('names every part of the filter by its display name', () => {
    const filter = {
      ...EMPTY_FILTER,
      actors: ['donald-trump'],
      agencies: ['us-department-of-commerce'],
      types: ['postponed' as const],
      policies: ['pre-release-model-review-order'],
      jurisdictions: ['US'],
      from: '2026-05',
      q: 'signing',
    };
    const names = {
      'donald-trump': 'Donald Trump',
      'us-department-of-commerce': 'US Department of Commerce',
      'pre-release-model-review-order': 'Pre-release model review order',
    };
    expect(viewTitle(filter, names)).toBe(
      'AI Policy Timeline: Donald Trump, US Department of Commerce and its sub-agencies, Postponed, US, ' +
        'Pre-release model review order, from 2026-05, “signing”',
    );
  });
});
