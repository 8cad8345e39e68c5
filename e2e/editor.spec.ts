import { expect, test, type Page } from '@playwright/test';
import {
  ADMIN_STATE,
  EDITOR_STATE,
  createSimpleEvent,
  eventSlugOf,
  changeOf,
  fieldRow,
  fillDate,
  formRow,
  openEditForm,
  readAccounts,
  renameEvent,
  revisions,
  uniqueTitle,
} from './admin-support';
import { cardDatetimes, cardSlugs, cardWithTitle, collectPageErrors, expectChronological } from './support';

test.use({ storageState: EDITOR_STATE });

/** Adds a row with its "Add …" button (a form round trip) and returns it. */
async function addRow(page: Page, button: string, legend: string) {
  await page.getByRole('button', { name: button }).click();
  const row = formRow(page, legend);
  await expect(row).toBeVisible();
  return row;
}

/** The form of the validation tests: an invalid date and a javascript: URL, everything else right. */
async function fillEventWithTwoMistakes(page: Page) {
  const typed = {
    title: uniqueTitle('Agency issues guidance on model evaluations'),
    summary: 'Guidance on how agencies evaluate AI models before they are deployed.',
    sourceTitle: uniqueTitle('Guidance memo on model evaluations'),
    publisher: 'Office of Management and Budget',
    quote: 'Agencies shall evaluate models before deployment.',
    badDate: 'Smarch 2026',
    badUrl: 'javascript:alert(document.cookie)',
  };
  await page.goto('/admin/events/new');
  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(typed.title);
  await page.getByRole('textbox', { name: 'Summary', exact: true }).fill(typed.summary);
  // The preview already says what is wrong while typing (an aria-live hint).
  await fillDate(page, typed.badDate, new RegExp(`^"${typed.badDate}" is not a date this form can read`));
  await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Announced' });
  const actor = formRow(page, 'Actor 1');
  await actor.getByLabel('Existing actor').selectOption({ label: 'National Institute of Standards and Technology' });
  await actor.getByLabel('Role').selectOption({ label: 'Issuer' });
  const citation = formRow(page, 'Citation 1');
  await citation.getByText('Not in the list? Describe a new source', { exact: true }).click();
  await citation.getByLabel('Source title').fill(typed.sourceTitle);
  await citation.getByLabel('Publisher').fill(typed.publisher);
  await citation.getByLabel('URL (http or https)').fill(typed.badUrl);
  await citation.getByLabel('Quoted passage').fill(typed.quote);
  return typed;
}

/** Whatever the editor typed is still in the form, with `date` and `url` as they now stand. */
async function expectTypedValuesKept(page: Page, typed: Awaited<ReturnType<typeof fillEventWithTwoMistakes>>, date: string, url: string) {
  await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(typed.title);
  await expect(page.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(typed.summary);
  await expect(page.getByRole('textbox', { name: 'Date', exact: true })).toHaveValue(date);
  const actor = formRow(page, 'Actor 1');
  await expect(actor.getByLabel('Existing actor')).toHaveValue('nist');
  await expect(actor.getByLabel('Role')).toHaveValue('issuer');
  const citation = formRow(page, 'Citation 1');
  await expect(citation.getByLabel('Source title')).toBeVisible();
  await expect(citation.getByLabel('Source title')).toHaveValue(typed.sourceTitle);
  await expect(citation.getByLabel('Publisher')).toHaveValue(typed.publisher);
  await expect(citation.getByLabel('URL (http or https)')).toHaveValue(url);
  await expect(citation.getByLabel('Quoted passage')).toHaveValue(typed.quote);
}

const URL_ERROR = 'A URL must be an absolute http:// or https:// address';
const NOTHING_SAVED = 'Nothing was saved: correct the fields marked below.';

test.describe('an editor works on an event', () => {
  test('creates an event with an existing and a new actor and a new cited source; it shows on its page and in the chronology', async ({ page }) => {
    const errors = collectPageErrors(page);
    const title = uniqueTitle('Review board meets on frontier model testing');
    const newActor = uniqueTitle('Coalition for Model Audits');
    const quote = `The board will meet monthly to review frontier models (${title}).`;

    await page.goto('/admin/events');
    await page.getByRole('link', { name: 'New event' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New event' })).toBeVisible();

    await page.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
    await page.getByRole('textbox', { name: 'Summary', exact: true }).fill('A review board met for the first time to discuss testing frontier models before release.');
    await fillDate(page, '2026-03', 'Will read: March 2026 · stored as 2026-03');
    await page.getByRole('combobox', { name: 'Type', exact: true }).selectOption({ label: 'Hearing' });

    const actor1 = formRow(page, 'Actor 1');
    await actor1.getByLabel('Existing actor').selectOption({ label: 'Donald Trump' });
    await actor1.getByLabel('Role').selectOption({ label: 'Decision-maker' });

    const actor2 = await addRow(page, 'Add an actor', 'Actor 2');
    // The round trip kept what was already chosen.
    await expect(page.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(title);
    await expect(actor1.getByLabel('Existing actor')).toHaveValue('donald-trump');
    await expect(actor1.getByLabel('Role')).toHaveValue('decision-maker');
    // The new actor's fields are out of the way until the editor asks for them.
    await expect(actor2.getByLabel("New actor's name")).toBeHidden();
    await actor2.getByText('Not in the list? Add a new actor', { exact: true }).click();
    await actor2.getByLabel("New actor's name").fill(newActor);
    await actor2.getByLabel("New actor's kind").selectOption({ label: 'Organization' });
    await actor2.getByLabel('Role').selectOption({ label: 'Supporter' });

    const citation = formRow(page, 'Citation 1');
    await citation.getByText('Not in the list? Describe a new source', { exact: true }).click();
    await citation.getByLabel('Source title').fill(`Review board minutes ${title}`);
    await citation.getByLabel('Publisher').fill('Federal Register');
    await citation.getByLabel('Published (EDTF)').fill('2026-03-12');
    await citation.getByLabel('Availability').selectOption({ label: 'Live at its address' });
    await citation.getByLabel('URL (http or https)').fill('https://www.example.org/review-board/minutes');
    await citation.getByLabel('Archived copy URL').fill('https://web.archive.org/web/2026/https://www.example.org/review-board/minutes');
    await citation.getByLabel('Quoted passage').fill(quote);

    await page.getByRole('button', { name: 'Create event' }).click();

    // The editor lands on the new event's page.
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
    const slug = eventSlugOf(page);
    await expect(page.getByTestId('event-date')).toContainText('March 2026');
    const whoActed = page.getByRole('region', { name: 'Who acted' });
    await expect(whoActed.getByRole('listitem')).toHaveCount(2);
    await expect(whoActed.getByRole('listitem').filter({ hasText: 'Donald Trump' })).toHaveText('Donald Trump — Decision-maker');
    await expect(whoActed.getByRole('listitem').filter({ hasText: newActor })).toHaveText(`${newActor} — Supporter`);
    const sources = page.getByRole('region', { name: 'Sources (1)' });
    await expect(sources.getByText(quote)).toBeVisible();
    await expect(sources.getByRole('link', { name: `Review board minutes ${title}` })).toHaveAttribute(
      'href',
      'https://www.example.org/review-board/minutes',
    );
    await expect(sources).toContainText('Federal Register');

    // On the chronology, read oldest first, it sits between its neighbours by date, under March 2026. Other
    // editor tests import events of their own, so it is looked for in the window a reader would open for it.
    await page.goto('/?from=2026-03&to=2026-04&order=asc');
    const card = cardWithTitle(page, title);
    await expect(card.locator('time')).toHaveText('March 2026');
    await expect(card.locator('time')).toHaveAttribute('datetime', '2026-03');
    const slugs = await cardSlugs(page);
    expect(slugs).toContain(slug);
    const position = slugs.indexOf(slug);
    expect(slugs.slice(0, position), 'the events dated only to 2026 come before it').toContain('review-order-made-voluntary');
    expect(slugs.slice(position + 1), 'the April 2026 event comes after it').toContain('anthropic-mythos-restricted-release');
    expectChronological(await cardDatetimes(page), 'asc');
    const year2026 = page.getByRole('region', { name: 'Events' }).getByRole('region', { name: '2026' });
    await expect(year2026.getByRole('heading', { level: 4, name: 'March 2026' })).toBeVisible();

    expect(errors).toEqual([]);
  });

  test('an invalid date and a javascript: URL are refused next to their fields, and nothing typed is lost', async ({ page }) => {
    const typed = await fillEventWithTwoMistakes(page);
    const date = page.getByRole('textbox', { name: 'Date', exact: true });
    const url = formRow(page, 'Citation 1').getByLabel('URL (http or https)');
    const status = page.getByRole('status').filter({ hasText: 'Nothing was saved' });

    await page.getByRole('button', { name: 'Create event' }).click();
    // Announced: the form's status message is a live region.
    await expect(status).toContainText(NOTHING_SAVED);
    await expect(page).toHaveURL('/admin/events/new');
    // The error sits next to its field and is the field's description.
    await expect(date).toHaveAttribute('aria-invalid', 'true');
    await expect(date).toHaveAccessibleDescription(new RegExp(`"${typed.badDate}" is not a date this form can read\\. Write it like 21 May 2026`));
    await expect(page.getByTestId('date-preview')).toContainText('is not a date this form can read');
    await expectTypedValuesKept(page, typed, typed.badDate, typed.badUrl);

    // With the date corrected, the URL is still refused, next to the URL field.
    await fillDate(page, '2024-11-05', 'Will read: November 5, 2024 · stored as 2024-11-05');
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(url).toHaveAttribute('aria-invalid', 'true');
    await expect(status).toContainText(NOTHING_SAVED);
    await expect(url).toHaveAccessibleDescription(URL_ERROR);
    await expect(formRow(page, 'Citation 1').getByText(URL_ERROR)).toBeVisible();
    await expect(date).not.toHaveAttribute('aria-invalid');
    await expectTypedValuesKept(page, typed, '2024-11-05', typed.badUrl);

    // Correcting the URL is enough to save.
    await url.fill('https://www.example.gov/omb/guidance-memo');
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByRole('heading', { level: 1, name: typed.title })).toBeVisible();
    eventSlugOf(page);
    await expect(page.getByTestId('event-date')).toContainText('November 5, 2024');
    await expect(page.getByRole('region', { name: 'Sources (1)' }).getByRole('link', { name: typed.sourceTitle })).toHaveAttribute(
      'href',
      'https://www.example.gov/omb/guidance-memo',
    );
  });

  test('an invalid date and a javascript: URL are both marked after one save', async ({ page }) => {
    const typed = await fillEventWithTwoMistakes(page);
    await page.getByRole('button', { name: 'Create event' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Nothing was saved' })).toContainText(NOTHING_SAVED);
    await expect(page.getByRole('textbox', { name: 'Date', exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expectTypedValuesKept(page, typed, typed.badDate, typed.badUrl);
    const url = formRow(page, 'Citation 1').getByLabel('URL (http or https)');
    await expect(url).toHaveAttribute('aria-invalid', 'true', { timeout: 2_000 });
    await expect(url).toHaveAccessibleDescription(URL_ERROR);
  });

  test('editing the title shows in the history as a diff, with both revisions attributed to the editor', async ({ page }) => {
    const { editor } = readAccounts();
    const before = uniqueTitle('Senate committee schedules AI hearing');
    const after = uniqueTitle('Senate committee holds AI hearing');
    const slug = await createSimpleEvent(page, { title: before, date: '2024-02' });

    await renameEvent(page, slug, before, after);
    await page.getByRole('link', { name: 'History' }).click();
    await expect(page).toHaveURL(`/events/${slug}/history`);
    await expect(page.getByRole('heading', { level: 1, name: `History of “${after}”` })).toBeVisible();

    const list = revisions(page);
    await expect(list).toHaveCount(2);
    await expect(list.nth(0)).toContainText(`Edited by ${editor.name}`);
    await expect(list.nth(1)).toContainText(`Created by ${editor.name}`);
    const title = changeOf(list.nth(0).getByRole('list', { name: 'Changes in version 2' }), 'Title');
    await expect(title.getByRole('deletion')).toHaveText(before);
    await expect(title.getByRole('deletion')).toHaveCSS('text-decoration-line', 'line-through');
    await expect(title.getByRole('insertion')).toHaveText(after);
    // Only the latest revision has no restore button.
    await expect(list.nth(0).getByRole('button', { name: /^Restore/ })).toHaveCount(0);
    await expect(list.nth(1).getByRole('button', { name: 'Restore version 1' })).toBeVisible();
  });

  test('restoring the first revision brings the old title back, recorded as a new revision', async ({ page }) => {
    const { editor } = readAccounts();
    const original = uniqueTitle('Commerce opens comment period on chip exports');
    const renamed = uniqueTitle('Commerce extends comment period on chip exports');
    const slug = await createSimpleEvent(page, { title: original, date: '2024-03' });
    await renameEvent(page, slug, original, renamed);

    await page.goto(`/events/${slug}/history`);
    await page.getByRole('button', { name: 'Restore version 1' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'restored' })).toHaveText(
      'The earlier version was restored, as a new revision at the top of this list.',
    );
    await expect(page.getByRole('heading', { level: 1, name: `History of “${original}”` })).toBeVisible();

    const list = revisions(page);
    await expect(list).toHaveCount(3);
    await expect(list.nth(0)).toContainText(`Restored an earlier revision by ${editor.name}`);
    await expect(list.nth(1)).toContainText(`Edited by ${editor.name}`);
    await expect(list.nth(2)).toContainText(`Created by ${editor.name}`);
    const title = changeOf(list.nth(0), 'Title');
    await expect(title.getByRole('deletion')).toHaveText(renamed);
    await expect(title.getByRole('insertion')).toHaveText(original);

    await page.goto(`/events/${slug}`);
    await expect(page.getByRole('heading', { level: 1, name: original })).toBeVisible();
  });

  test('a deleted event leaves the chronology, its page is gone, and it comes back from the trash', async ({ page }) => {
    const { editor } = readAccounts();
    const title = uniqueTitle('Governor vetoes state AI safety bill');
    const slug = await createSimpleEvent(page, { title, date: '2024-09-29' });
    // The chronology opens newest first and other editor tests add events of their own: its month is where a reader finds it.
    const chronology = '/?from=2024-09&to=2024-09';
    await page.goto(chronology);
    await expect(cardWithTitle(page, title)).toHaveCount(1);

    await openEditForm(page, slug);
    await page.getByRole('button', { name: 'Delete this event' }).click();
    await expect(page).toHaveURL(/\/admin\/trash\?deleted=/);
    await expect(page.getByRole('status').filter({ hasText: 'Deleted' })).toContainText(`Deleted “${slug}”.`);
    const trashed = page.getByRole('row').filter({ hasText: title });
    await expect(trashed).toHaveCount(1);
    await expect(trashed).toContainText('Event');
    await expect(trashed).toContainText(`by ${editor.name}`);

    await page.goto(chronology);
    await expect(page.getByRole('heading', { level: 1, name: 'AI policy timeline' })).toBeVisible();
    await expect(cardWithTitle(page, title)).toHaveCount(0);
    const gone = await page.goto(`/events/${slug}`);
    expect(gone?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();

    await page.goto('/admin');
    await page.getByRole('navigation', { name: 'Admin' }).getByRole('link', { name: 'Trash' }).click();
    await page.getByRole('button', { name: `Restore ${title}`, exact: true }).click();
    await expect(page).toHaveURL(`/events/${slug}`);
    await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

    await page.goto(chronology);
    await expect(cardWithTitle(page, title)).toHaveCount(1);
    await page.goto('/admin/trash');
    await expect(page.getByRole('row').filter({ hasText: title })).toHaveCount(0);
  });
});

test('two editors save the same event: the second sees what changed meanwhile, keeps their input, and can save again', async ({ page, browser }) => {
  const { editor, admin } = readAccounts();
  const original = uniqueTitle('Regulator publishes draft AI audit rules');
  const slug = await createSimpleEvent(page, { title: original, date: '2025-06' });
  const firstTitle = uniqueTitle('Regulator publishes revised AI audit rules');
  const secondTitle = uniqueTitle('Regulator withdraws draft AI audit rules');
  const secondSummary = 'The regulator withdrew its draft audit rules after the comment period.';

  // The admin opens the same form in another browser.
  const adminContext = await browser.newContext({ storageState: ADMIN_STATE });
  const other = await adminContext.newPage();

  await openEditForm(page, slug);
  await openEditForm(other, slug);

  await page.getByRole('textbox', { name: 'Title', exact: true }).fill(firstTitle);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: firstTitle })).toBeVisible();

  await other.getByRole('textbox', { name: 'Title', exact: true }).fill(secondTitle);
  await other.getByRole('textbox', { name: 'Summary', exact: true }).fill(secondSummary);
  await other.getByRole('button', { name: 'Save changes' }).click();

  await expect(other.getByRole('status').filter({ hasText: 'changed' })).toContainText(
    `This event was changed by ${editor.name} after you opened this form.`,
  );
  const meanwhile = other.getByRole('region', { name: 'Changed meanwhile' });
  await expect(meanwhile).toBeVisible();
  await expect(fieldRow(meanwhile, 'Title').getByRole('cell')).toHaveText([original, firstTitle]);
  await expect(other.getByRole('textbox', { name: 'Title', exact: true })).toHaveValue(secondTitle);
  await expect(other.getByRole('textbox', { name: 'Summary', exact: true })).toHaveValue(secondSummary);

  await other.getByRole('button', { name: 'Save changes' }).click();
  await expect(other).toHaveURL(`/events/${slug}`);
  await expect(other.getByRole('heading', { level: 1, name: secondTitle })).toBeVisible();
  await expect(other.getByText(secondSummary)).toBeVisible();
  await other.getByRole('link', { name: 'History' }).click();
  await expect(revisions(other).first()).toContainText(`Edited by ${admin.name}`);
  await expect(revisions(other)).toHaveCount(3);
  await adminContext.close();
});
