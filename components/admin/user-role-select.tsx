import { ROLE_LABELS, ROLES } from '@/lib/roles';

/** The editor/admin choice, shared by the create form and each account's role form. */
export function UserRoleSelect({ id, defaultValue, describedBy }: { id: string; defaultValue?: string; describedBy?: string }) {
  return (
    <select id={id} name="role" defaultValue={defaultValue || 'editor'} aria-describedby={describedBy}>
      {ROLES.map((role) => (
        <option key={role} value={role}>
          {ROLE_LABELS[role]}
        </option>
      ))}
    </select>
  );
}
