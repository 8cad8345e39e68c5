import { AppError } from '@/lib/errors';

/**
 * Turns form fields named like `title`, `actors[0].role` or
 * `citations[2].source.title` into a nested object with arrays, so one zod
 * schema can validate a whole form with repeatable rows. Holes in arrays (a
 * removed row) are dropped, and only string values are kept.
 *
 * The names are chosen by whoever posts the form, so they are parsed as data,
 * never as property paths: a name must be plain words (letters and digits,
 * starting with a letter) joined by dots and row indexes, and every object is
 * built without a prototype. `__proto__`, `constructor` and `prototype` can
 * therefore neither be reached nor created. The framework's own fields
 * (`$ACTION_…`) are skipped; a name of any other shape (`actors[x].role`,
 * `__proto__.polluted`) refuses the whole form, so no row is dropped silently.
 */
export type FormObject = { [key: string]: FormValue };
export type FormValue = string | FormObject | FormValue[];

/** The highest row index a form may send; removed rows leave holes, so it is above the row limit. */
export const MAX_ROW_INDEX = 200;

const NAME = /^[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z][A-Za-z0-9]*|\[\d+\])*$/;
const SEGMENT = /([A-Za-z][A-Za-z0-9]*)|\[(\d+)\]/g;
const RESERVED = new Set(['constructor', 'prototype']);

type Key = string | number;

const record = (): FormObject => Object.create(null) as FormObject;

const refuseName = (name: string) =>
  new AppError('INVALID', `Nothing was saved: the form sent a field it does not have ("${name.slice(0, 60)}"). Reload the page and try again.`);

/** The path of a field name, or null when the name is not a plain word path. */
function pathOf(name: string): Key[] | null {
  if (name.length > 200 || !NAME.test(name)) return null;
  const path: Key[] = [];
  for (const match of name.matchAll(SEGMENT)) {
    if (match[2] !== undefined) {
      // Compared as text first: "[99999999999999999999]" must not round to a small number.
      const index = match[2].length > 4 ? Number.POSITIVE_INFINITY : Number(match[2]);
      path.push(index);
    } else if (RESERVED.has(match[1])) return null;
    else path.push(match[1]);
  }
  return path;
}

/**
 * Parses the form. A row index above `maxIndex` is refused with an INVALID
 * error naming the rows' field, rather than dropping that row silently and
 * saving the rest.
 */
export function formDataToObject(formData: FormData, maxIndex = MAX_ROW_INDEX): FormObject {
  const root = record();
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$')) continue;
    const path = pathOf(name);
    if (!path || typeof path[0] !== 'string') throw refuseName(name);
    const tooFar = path.findIndex((key) => typeof key === 'number' && key > maxIndex);
    if (tooFar !== -1) {
      const field = path.slice(0, tooFar).join('.');
      throw new AppError('INVALID', 'Nothing was saved: the form sent more rows than it can hold.', {
        [field]: `This form holds at most ${maxIndex + 1} rows here; remove some rows and save again.`,
      });
    }
    let node: FormObject | FormValue[] = root;
    path.forEach((key, index) => {
      const container = node as Record<Key, FormValue>;
      if (index === path.length - 1) {
        container[key] = value;
        return;
      }
      const existing = container[key];
      if (typeof existing !== 'object' || existing === null) container[key] = typeof path[index + 1] === 'number' ? [] : record();
      node = container[key] as FormObject | FormValue[];
    });
  }
  return compactArrays(root) as FormObject;
}

function compactArrays(value: FormValue): FormValue {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (typeof value === 'object') {
    const compacted = record();
    for (const key of Object.keys(value)) compacted[key] = compactArrays(value[key]);
    return compacted;
  }
  return value;
}
