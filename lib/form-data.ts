/**
 * Turns form fields named like `title`, `actors[0].role` or
 * `citations[2].source.title` into a nested object with arrays, so one zod
 * schema can validate a whole form with repeatable rows. Holes in arrays (a
 * removed row) are dropped, and only string values are kept.
 */
export type FormObject = { [key: string]: FormValue };
export type FormValue = string | FormObject | FormValue[];

const SEGMENT = /([^[.\]]+)|\[(\d+)\]/g;

export function formDataToObject(formData: FormData, maxIndex = 200): FormObject {
  const root: FormObject = {};
  for (const [name, value] of formData.entries()) {
    if (typeof value !== 'string' || name.startsWith('$ACTION')) continue;
    const path = [...name.matchAll(SEGMENT)].map((match) => (match[2] !== undefined ? Number(match[2]) : match[1]));
    if (path.length === 0 || path.some((key) => typeof key === 'number' && key > maxIndex)) continue;
    let node: FormObject | FormValue[] = root;
    path.forEach((key, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = typeof path[index + 1] === 'number';
      const container = node as Record<string | number, FormValue>;
      if (last) {
        container[key] = value;
        return;
      }
      const existing = container[key];
      if (typeof existing !== 'object' || existing === null) container[key] = nextIsIndex ? [] : {};
      node = container[key] as FormObject | FormValue[];
    });
  }
  return compactArrays(root) as FormObject;
}

function compactArrays(value: FormValue): FormValue {
  if (Array.isArray(value)) return value.filter((item) => item !== undefined).map(compactArrays);
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, compactArrays(item)]));
  return value;
}
