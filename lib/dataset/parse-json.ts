/**
 * JSON.parse of a whole document, record by record. A 130 MB file held as one
 * string (two bytes a character once it has a curly quote) next to the objects
 * parsed from it was most of an import's peak memory; here the bytes are split
 * at the top-level arrays' elements and each element is parsed on its own.
 *
 * The result is what JSON.parse of the whole text gives. Anything this splitter
 * does not expect — a document that is not an object, a syntax error anywhere —
 * is handed to JSON.parse of the whole text, so errors read exactly as before.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

class NotSplittable extends Error {}

const isWhitespace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

/** Parses `bytes` (UTF-8, an optional byte-order mark first) as JSON.parse would parse its text. */
export function parseJsonBytes(bytes: Uint8Array): unknown {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf ? 3 : 0;
  try {
    return new Splitter(buffer, start).document();
  } catch (error) {
    if (!(error instanceof NotSplittable) && !(error instanceof SyntaxError)) throw error;
    return JSON.parse(buffer.toString('utf8', start));
  }
}

class Splitter {
  constructor(
    private readonly buffer: Buffer,
    private at: number,
  ) {}

  document(): unknown {
    const document: Record<string, unknown> = {};
    this.skipWhitespace();
    this.expect(OPEN_BRACE);
    this.skipWhitespace();
    if (this.buffer[this.at] === CLOSE_BRACE) this.at++;
    else {
      for (;;) {
        this.skipWhitespace();
        const keyStart = this.at;
        this.skipString();
        const key = this.parse(keyStart, this.at);
        if (typeof key !== 'string') throw new NotSplittable();
        this.skipWhitespace();
        this.expect(COLON);
        this.skipWhitespace();
        const value = this.buffer[this.at] === OPEN_BRACKET ? this.array() : this.parse(this.at, this.valueEnd());
        // As JSON.parse does: the last of repeated keys wins, and "__proto__" is an ordinary own key.
        Object.defineProperty(document, key, { value, writable: true, enumerable: true, configurable: true });
        this.skipWhitespace();
        if (this.buffer[this.at] === COMMA) this.at++;
        else {
          this.expect(CLOSE_BRACE);
          break;
        }
      }
    }
    this.skipWhitespace();
    if (this.at !== this.buffer.length) throw new NotSplittable();
    return document;
  }

  private array(): unknown[] {
    const elements: unknown[] = [];
    this.expect(OPEN_BRACKET);
    this.skipWhitespace();
    if (this.buffer[this.at] === CLOSE_BRACKET) {
      this.at++;
      return elements;
    }
    for (;;) {
      this.skipWhitespace();
      elements.push(this.parse(this.at, this.valueEnd()));
      if (this.buffer[this.at] === COMMA) this.at++;
      else {
        this.expect(CLOSE_BRACKET);
        return elements;
      }
    }
  }

  /** Moves to the comma or closing bracket or brace that ends the value starting here, and returns where. */
  private valueEnd(): number {
    let depth = 0;
    const { buffer } = this;
    while (this.at < buffer.length) {
      const byte = buffer[this.at];
      if (byte === QUOTE) {
        this.skipString();
        continue;
      }
      if (byte === OPEN_BRACE || byte === OPEN_BRACKET) depth++;
      else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
        if (depth === 0) return this.at;
        depth--;
      } else if (byte === COMMA && depth === 0) return this.at;
      this.at++;
    }
    throw new NotSplittable();
  }

  private skipString(): void {
    const { buffer } = this;
    if (buffer[this.at] !== QUOTE) throw new NotSplittable();
    for (this.at++; this.at < buffer.length; this.at++) {
      const byte = buffer[this.at];
      if (byte === BACKSLASH) this.at++;
      else if (byte === QUOTE) {
        this.at++;
        return;
      }
    }
    throw new NotSplittable();
  }

  private skipWhitespace(): void {
    while (this.at < this.buffer.length && isWhitespace(this.buffer[this.at])) this.at++;
  }

  private expect(byte: number): void {
    if (this.buffer[this.at] !== byte) throw new NotSplittable();
    this.at++;
  }

  /** JSON.parse of one value; a syntax error in it sends the whole text to JSON.parse. */
  private parse(from: number, to: number): unknown {
    return JSON.parse(this.buffer.toString('utf8', from, to));
  }
}
