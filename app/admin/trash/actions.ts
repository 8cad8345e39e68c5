'use server';

import { runFormAction } from '@/lib/admin/form-action';
import { undelete } from '@/lib/admin/trash';
import { formString, type FormState } from '@/lib/forms';
import { canEditContent } from '@/lib/roles';

const PUBLIC_PATHS = { event: '/events/', actor: '/actors/', policy: '/policies/', source: '/admin/sources/' } as const;

export async function undeleteAction(_previous: FormState<null>, formData: FormData): Promise<FormState<null>> {
  return runFormAction<null>({
    allowed: canEditContent,
    formData,
    read: () => null,
    work: async (editor) => {
      const { entityType, key } = await undelete(formString(formData, 'entityType'), formString(formData, 'id'), editor);
      const path = `${PUBLIC_PATHS[entityType]}${encodeURIComponent(key)}${entityType === 'source' ? '/edit' : ''}`;
      return { status: 'success', redirectTo: path };
    },
  });
}
