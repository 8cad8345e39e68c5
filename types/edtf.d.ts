// The edtf package ships no type declarations; this covers the part lib/dates.ts uses.
declare module 'edtf' {
  interface EdtfBitmask {
    value: number;
  }
  interface EdtfDate {
    type: 'Date';
    min: number;
    max: number;
    /** 1 year, 2 month, 3 day, 0 when a time of day is given. */
    precision: number;
    values: number[];
    approximate: EdtfBitmask;
    uncertain: EdtfBitmask;
    unspecified: EdtfBitmask;
  }
  interface EdtfInterval {
    type: 'Interval';
    /** -Infinity / Infinity for an open end (".."), null for an unknown end. */
    min: number | null;
    max: number | null;
    /** ±Infinity for an open end (".."), null for an unknown one. */
    lower: EdtfDate | number | null;
    upper: EdtfDate | number | null;
  }
  interface EdtfOther {
    type: 'Year' | 'Decade' | 'Century' | 'Season' | 'List' | 'Set';
  }
  export type EdtfValue = EdtfDate | EdtfInterval | EdtfOther;
  export default function edtf(input: string, constraints?: { level?: 0 | 1 | 2 | 3 }): EdtfValue;
}
