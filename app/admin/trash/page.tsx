import type { Metadata } from 'next';
import { undeleteAction } from '@/app/admin/trash/actions';
import { ActionButtonForm } from '@/components/admin/action-button-form';
import { listTrash } from '@/lib/admin/trash';
import { TableScroll } from '@/components/admin/table-scroll';

export const metadata: Metadata = { title: 'Trash · Admin' };

const timestamp = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const KIND_LABELS = { event: 'Event', actor: 'Actor', source: 'Source', policy: 'Policy' } as const;

export default async function TrashPage({ searchParams }: { searchParams: Promise<{ deleted?: string }> }) {
  const [items, { deleted }] = await Promise.all([listTrash(), searchParams]);
  const justDeleted = typeof deleted === 'string' ? deleted.split(':').slice(1).join(':') : null;
  return (
    <>
      <h1>Trash</h1>
      {justDeleted && (
        <p className="form-message form-message--success" role="status">
          Deleted “{justDeleted}”. It no longer appears on the public pages; restore it below at any time.
        </p>
      )}
      <p className="lede">Deleted items are hidden from readers and feeds but kept, with their history, until restored.</p>
      {items.length === 0 ? (
        <p className="notice">The trash is empty.</p>
      ) : (
        <TableScroll label="Deleted records">
          <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Kind</th>
              <th scope="col">Deleted (UTC)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.entityType}-${item.id}`} data-testid="trash-item">
                <td>
                  {item.label} <span className="muted">({item.key})</span>
                </td>
                <td>{KIND_LABELS[item.entityType]}</td>
                <td>
                  {timestamp.format(item.deletedAt)}
                  {item.deletedBy ? ` by ${item.deletedBy}` : ''}
                </td>
                <td>
                  <ActionButtonForm action={undeleteAction} fields={{ entityType: item.entityType, id: item.id }} accessibleLabel={`Restore ${item.label}`}>
                    Restore
                  </ActionButtonForm>
                </td>
              </tr>
            ))}
          </tbody>
          </table>
        </TableScroll>
      )}
    </>
  );
}
