import Link from 'next/link';
import { connection } from 'next/server';

export default async function NotFound() {
  // Rendered per request, like every page: a page built ahead of time has no CSP nonce on its scripts.
  await connection();
  return (
    <>
      <h1>Not found</h1>
      <p>There is no page at this address. The event, actor or policy may have been renamed, or the link may be mistyped.</p>
      <ul className="plain-list">
        <li>
          <Link href="/">Browse the timeline</Link>
        </li>
        <li>
          <Link href="/actors">See all actors</Link>
        </li>
        <li>
          <Link href="/policies">See all policies</Link>
        </li>
      </ul>
    </>
  );
}
