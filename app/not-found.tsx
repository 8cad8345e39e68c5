import Link from 'next/link';

export default function NotFound() {
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
