import Link from 'next/link';

export default function Forbidden() {
  return (
    <>
      <h1>Not allowed</h1>
      <p>Your account does not have the role this page needs. Ask an admin if you should have access.</p>
      <p>
        <Link href="/admin">Back to the admin dashboard</Link>
      </p>
    </>
  );
}
