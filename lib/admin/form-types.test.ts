import { describe, expect, it } from 'vitest';
import { fieldId, fieldNameOfErrorKey } from '@/lib/admin/form-types';

describe('field ids', () => {
  it('turn an error key into the id of the control it is about', () => {
    expect(fieldNameOfErrorKey('actors.0.role')).toBe('actors[0].role');
    expect(fieldNameOfErrorKey('citations.12.newSource.url')).toBe('citations[12].newSource.url');
    expect(fieldNameOfErrorKey('title')).toBe('title');
    expect(fieldId(fieldNameOfErrorKey('citations.1.newSource.url'))).toBe('field-citations-1--newSource-url');
  });
});
