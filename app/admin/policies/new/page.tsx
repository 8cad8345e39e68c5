import type { Metadata } from 'next';
import Link from 'next/link';
import { PolicyForm } from '@/components/admin/policy-form';
import { savePolicyAction } from '@/app/admin/policies/actions';

export const metadata: Metadata = { title: 'New policy · Admin' };

export default function NewPolicyPage() {
  return (
    <>
      <p className="muted">
        <Link href="/admin/policies">Policies</Link> › New
      </p>
      <h1>New policy</h1>
      <PolicyForm action={savePolicyAction} />
    </>
  );
}
