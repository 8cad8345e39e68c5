import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { LoginForm } from '@/app/login/login-form';
import { safeReturnPath } from '@/lib/return-path';
import { getCurrentUser } from '@/lib/session';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getCurrentUser()) redirect(next);
  return (
    <div className="narrow">
      <h1>Editor sign-in</h1>
      <p className="lede">Readers need no account. Editors and admins sign in here to add and correct events.</p>
      <LoginForm next={next} />
    </div>
  );
}
