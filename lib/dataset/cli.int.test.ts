import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyDataset } from '@/lib/dataset/apply';
import { seedDefaultDataset } from '@/lib/dataset/default-dataset';
import { createPrismaClient } from '@/lib/db';
import { COMMAND_LINE_AUTHOR } from '@/lib/revisions';
import { documentOf, sourceInput, validated } from '@/tests/integration/factories';
import { freshDatabaseUrl, removeFreshDatabases } from '@/tests/integration/fresh-database';
import { randomDocument } from '@/tests/integration/random-dataset';

/** `npm run data:import` and `npm run data:export`, run as a person would, against databases of their own. */

const folder = mkdtempSync(path.join(os.tmpdir(), 'timeline-cli-'));
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await removeFreshDatabases();
});

const file = (name: string) => path.join(folder, name);

function run(script: 'data-import' | 'data-export', args: string[], databaseUrl: string) {
  const result = spawnSync('npx', ['tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Opens the database, counts what the CLI wrote, and closes it again. */
async function countsIn(databaseUrl: string) {
  const client = createPrismaClient(databaseUrl);
  try {
    const [events, actors, sources, policies, topics, revisions] = await Promise.all([
      client.event.count(),
      client.actor.count(),
      client.source.count(),
      client.policy.count(),
      client.topic.count(),
      client.revision.findMany({ select: { authorLabel: true, action: true } }),
    ]);
    return { events, actors, sources, policies, topics, revisions };
  } finally {
    await client.$disconnect();
  }
}

describe('npm run data:import', () => {
  it('prints the problems as "path: message", exits 1 and writes nothing', { timeout: 120_000 }, async () => {
    const document = randomDocument(7);
    document.events![0].date = '2026-02-30';
    document.events![0].type = 'rumoured' as 'other';
    document.actors![0].parent = document.actors![0].slug;
    document.sources!.push({ ...document.sources![0] });
    writeFileSync(file('invalid.json'), JSON.stringify(document));
    const databaseUrl = await freshDatabaseUrl();

    const result = run('data-import', [file('invalid.json')], databaseUrl);

    expect(result.status).toBe(1);
    const problems = result.stderr.split('\n').filter((line) => /^\S+: /.test(line));
    expect(problems).toEqual([
      'events[0].date: "2026-02-30" is not a valid EDTF date: February 2026 has no day 30',
      expect.stringMatching(/^events\[0\]\.type: The event type must be one of "drafted", /),
      `sources[${document.sources!.length - 1}].id: Duplicate source id "${document.sources![0].id}" (also at sources[0])`,
      `actors[0].parent: "${document.actors![0].slug}" cannot be the parent: it would make the actor its own ancestor`,
    ]);
    expect(result.stderr).toContain(`4 problems in ${file('invalid.json')}: nothing was imported.`);
    expect(await countsIn(databaseUrl)).toEqual({ events: 0, actors: 0, sources: 0, policies: 0, topics: 0, revisions: [] });
  });

  it('stops at the first 100 problems of a file full of empty events, and says so', { timeout: 120_000 }, async () => {
    writeFileSync(file('empty-events.json'), JSON.stringify({ format: 'policy-timeline/v1', events: Array.from({ length: 100_000 }, () => ({})) }));
    const result = run('data-import', [file('empty-events.json')], await freshDatabaseUrl());
    expect(result.status).toBe(1);
    expect(result.stderr.split('\n').filter((line) => /^events\[\d+\]\.\S+: /.test(line))).toHaveLength(100);
    expect(result.stderr).toContain('…and perhaps more: checking stopped after the first 100 problems.');
    expect(result.stderr).toContain(`Checking stopped at 100 problems in ${file('empty-events.json')}, the rest not checked: nothing was imported.`);
  });

  it('explains its usage when the file is missing, and exits 2', { timeout: 60_000 }, async () => {
    const result = run('data-import', [], await freshDatabaseUrl());
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Usage: npm run data:import -- <file>');
  });

  it('prints progress for a long import', { timeout: 120_000 }, async () => {
    const sources = Array.from({ length: 600 }, (_, index) => sourceInput(`bulk-source-${index}`));
    writeFileSync(file('long.json'), JSON.stringify(documentOf({ sources })));
    const databaseUrl = await freshDatabaseUrl();
    const result = run('data-import', [file('long.json')], databaseUrl);
    expect(result.status).toBe(0);
    const progress = result.stdout.split('\n').filter((line) => / of 600 records /.test(line));
    expect(progress).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9].map((tenth) => `  ${tenth * 60} of 600 records (${tenth * 10}%)`));
    expect((await countsIn(databaseUrl)).sources).toBe(600);
  });
});

describe('export → file → import → export', () => {
  it('gives back the same file, and importing it again changes nothing', { timeout: 240_000 }, async () => {
    const sourceUrl = await freshDatabaseUrl();
    const source = createPrismaClient(sourceUrl);
    await seedDefaultDataset(source, COMMAND_LINE_AUTHOR);
    await applyDataset(source, validated(randomDocument(42)), { author: COMMAND_LINE_AUTHOR });
    await source.$disconnect();

    const exported = run('data-export', [file('first.json')], sourceUrl);
    expect(exported.status).toBe(0);
    expect(exported.stdout).toMatch(/^Exported \d+ events, \d+ actors, \d+ sources, \d+ policies and \d+ topics to /);
    const first = readFileSync(file('first.json'), 'utf8');
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.startsWith('{\n  "format": "policy-timeline/v1",\n')).toBe(true);

    const targetUrl = await freshDatabaseUrl();
    const imported = run('data-import', [file('first.json')], targetUrl);
    expect(imported.status).toBe(0);
    const dataset = JSON.parse(first) as Record<'topics' | 'actors' | 'sources' | 'policies' | 'events', unknown[]>;
    expect(imported.stdout).toMatch(new RegExp(`^events +${dataset.events.length} +0 +0$`, 'm'));
    expect(imported.stdout).toMatch(new RegExp(`^actors +${dataset.actors.length} +0 +0$`, 'm'));
    const written = await countsIn(targetUrl);
    expect(written.events).toBe(dataset.events.length);
    const records = dataset.actors.length + dataset.sources.length + dataset.policies.length + dataset.events.length;
    expect(written.revisions).toEqual(Array.from({ length: records }, () => ({ authorLabel: 'import', action: 'import' })));

    const second = run('data-export', ['-'], targetUrl);
    expect(second.status).toBe(0);
    expect(second.stdout).toBe(first);

    const again = run('data-import', [file('first.json')], targetUrl);
    expect(again.stdout).toMatch(new RegExp(`^total +0 +0 +${records + dataset.topics.length}$`, 'm'));
    expect((await countsIn(targetUrl)).revisions).toHaveLength(records);
  });
});

describe('npm run data:export', () => {
  it('leaves the previous file as it was when the database fails part-way, and says why', { timeout: 120_000 }, async () => {
    const databaseUrl = await freshDatabaseUrl();
    const client = createPrismaClient(databaseUrl);
    await applyDataset(client, validated(documentOf({ topics: [{ slug: 'kept-topic', name: 'Kept' }], sources: [sourceInput('kept-source')] })), {
      author: COMMAND_LINE_AUTHOR,
    });
    // Topics and sources are written before the events are read, which then fail.
    await client.$executeRawUnsafe('DROP TABLE "EventRelation"');
    await client.$executeRawUnsafe('DROP TABLE "Citation"');
    await client.$executeRawUnsafe('DROP TABLE "EventTopic"');
    await client.$executeRawUnsafe('DROP TABLE "EventActor"');
    await client.$executeRawUnsafe('DROP TABLE "Event"');
    await client.$disconnect();
    writeFileSync(file('previous.json'), 'the previous export\n');

    const result = run('data-export', [file('previous.json')], databaseUrl);

    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Event/);
    expect(readFileSync(file('previous.json'), 'utf8')).toBe('the previous export\n');
    expect(readdirSync(folder).filter((name) => name.startsWith('previous.json'))).toEqual(['previous.json']);
  });
});
