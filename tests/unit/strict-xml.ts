import { XMLParser } from 'fast-xml-parser';
import { SaxesParser } from 'saxes';

/**
 * Reads XML as a subscriber's reader would: saxes enforces XML 1.0
 * well-formedness, namespaces and its character rules (fast-xml-parser alone
 * accepts a NUL), and only a document it accepts is turned into objects.
 */
export function parseStrictXml<T>(text: string, options: ConstructorParameters<typeof XMLParser>[0] = {}): T {
  const parser = new SaxesParser({ xmlns: true });
  const errors: string[] = [];
  parser.on('error', (error) => errors.push(error.message));
  parser.write(text).close();
  if (errors.length > 0) throw new Error(`Not well-formed XML: ${errors.join('; ')}`);
  return new XMLParser(options).parse(text) as T;
}
