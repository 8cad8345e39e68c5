'use server';

import { revalidatePath } from 'next/cache';
import { importUploadedFile } from '@/lib/admin/import';
import type { ImportState } from '@/lib/dataset/import-state';
import { AppError } from '@/lib/errors';
import { authorOf } from '@/lib/revisions';
import { canImportData } from '@/lib/roles';
import { requireUser } from '@/lib/session';

/** The import form without JavaScript (with it, the form streams through POST /api/import). Admins only. */
export async function importDatasetAction(_previous: ImportState, formData: FormData): Promise<ImportState> {
  try {
    const admin = await requireUser(canImportData);
    const state = await importUploadedFile(formData.get('file'), authorOf(admin));
    if (state.status === 'success') revalidatePath('/', 'layout');
    return state;
  } catch (error) {
    if (error instanceof AppError) return { status: 'error', message: error.message };
    throw error;
  }
}
