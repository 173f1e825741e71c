// @vitest-environment node
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { CORPUS_READ_ON, corpusDirectory, readCorpus } from '../test/corpus/corpusScore';
import { parsePostmortem, readIncidentFileText } from '../src/incidents';
import { yearSentence } from '../src/incidents/readingWords';
import { idFromPath, readArguments, runIncidentCommand } from './incidentCommand';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const fixture = (name: string) => join(root, 'src/incidents/fixtures', name);

/** `npm run incident -- …` as a user runs it: its exit code, stdout and stderr. */
async function incident(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(root, 'scripts/incident.ts'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run incident', () => {
  it('prints the incident of a postmortem that states its zone as an incident file, times with offsets, events in time order', async () => {
    const { code, stdout, stderr } = await incident(fixture('markdown-24h-iso.md'));
    expect([code, stderr]).toEqual([0, '']);
    const printed = JSON.parse(stdout) as { events: Array<{ time: string; kind: string; text: string }> };
    expect(Object.keys(printed)).toEqual(['schemaVersion', 'id', 'title', 'timezone', 'start', 'end', 'severity', 'summary', 'impact', 'rootCause', 'events']);
    expect(printed).toMatchObject({
      schemaVersion: 1,
      id: 'markdown-24h-iso',
      title: 'Checkout API returned 502s',
      timezone: 'UTC',
      start: '2024-03-04T14:05:00Z',
      end: '2024-03-04T15:40:00Z',
    });
    expect(printed.events[0]).toEqual({ time: '2024-03-04T14:00:00Z', kind: 'started', text: 'Deploy 2024.03.04-1 introduced a lower connection pool limit.' });
    const times = printed.events.map((event) => event.time);
    expect(times).toEqual([...times].sort());
    expect(times).toHaveLength(7);
    expect(readIncidentFileText(stdout).ok).toBe(true);
  }, 30_000);

  it('leaves "end" out of an incident still open, as the incident-file format says, so the app shows it open', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-incident-'));
    const file = join(directory, 'open.md');
    writeFileSync(file, '# Search is slow\n\nAll times UTC.\n\n## Timeline\n\n- 2024-05-02 09:10 Latency alerts fired for search\n- 2024-05-02 09:25 Investigating the index nodes\n');
    const { code, stdout, stderr } = await incident(file);
    expect([code, stderr]).toEqual([0, '']);
    const printed = JSON.parse(stdout) as Record<string, unknown>;
    expect(printed).not.toHaveProperty('end');
    const read = readIncidentFileText(stdout);
    expect(read.ok && read.incident.end).toBeUndefined();
    expect(read.ok && read.incident.start).toBe(Date.parse('2024-05-02T09:10:00Z'));
  }, 30_000);

  it('refuses a postmortem that names no zone unless given --tz, and then prints its times with that zone\'s offset', async () => {
    const refused = await incident(join(root, 'public/incidents/2024-01-15-webapp-memory-leak.txt'));
    expect(refused.code).not.toBe(0);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toMatch(/no timezone stated: pass --tz/);

    const read = await incident(join(root, 'public/incidents/2024-01-15-webapp-memory-leak.txt'), '--tz', 'America/Los_Angeles');
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toMatchObject({ schemaVersion: 1, timezone: 'America/Los_Angeles', start: '2024-01-15T10:00:00-08:00', end: '2024-01-15T12:30:00-08:00' });
  }, 30_000);

  it('writes, run as the README says (npm run -s incident … > x.json), a file the app reads: the shipped seed incident', async () => {
    const seed = 'public/incidents/2024-01-15-webapp-memory-leak';
    const { stdout } = await run('npm', ['run', '-s', 'incident', '--', `${seed}.txt`, '--tz', 'UTC'], { cwd: root });
    expect(readIncidentFileText(stdout).ok).toBe(true);
    expect(stdout).toBe(readFileSync(join(root, `${seed}.json`), 'utf8'));
  }, 30_000);

  it('says what is missing from a document it cannot read, and exits non-zero', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-incident-'));
    const file = join(directory, 'notes.txt');
    writeFileSync(file, 'We had a bad afternoon. Nothing else to say.\n');
    const { code, stdout, stderr } = await incident(file, '--tz', 'UTC');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/notes\.txt: No outage window found/);
    const unknownZone = await incident(fixture('markdown-24h-iso.md'), '--tz', 'Mars/Olympus');
    expect([unknownZone.code, unknownZone.stderr]).toEqual([1, expect.stringMatching(/Unknown time zone "Mars\/Olympus"/)]);
  }, 30_000);
});

describe('npm run incident on the postmortem corpus', () => {
  const documents = readCorpus(corpusDirectory());

  it('has documents to run on', () => {
    expect(documents.length).toBeGreaterThan(0);
  });

  // Each corpus document as `npm run incident -- <dir>/<name>/source.* [--tz ZONE]`; the zone only where the document names none.
  const cases = documents.map((document) => {
    const timezone = document.expected.timezoneStated === null ? (document.expected.tzForTest ?? 'UTC') : undefined;
    const file = `test/corpus/postmortems/${document.name}/source`;
    const read = parsePostmortem(document.source, { id: idFromPath(file), readOn: CORPUS_READ_ON, ...(timezone && { timezone }) });
    const outcome = runIncidentCommand({ file, ...(timezone && { timezone }) }, document.source, Buffer.byteLength(document.source), CORPUS_READ_ON);
    return { name: document.name, file, read, outcome };
  });

  it.each(cases.filter((c) => c.read.ok).map((c) => [c.name, c] as const))(
    '%s: prints an incident file the app reads back as the incident the reader gives',
    (_name, { file: source, read, outcome }) => {
      if (!read.ok) throw new Error('unreachable');
      // A document that writes no year gets it from its weekdays, and the command says so on stderr.
      const year = yearSentence(read.reading);
      expect([outcome.code, outcome.stderr]).toEqual([0, year ? `${source}: ${year}\n` : '']);
      const file = readIncidentFileText(outcome.stdout);
      if (!file.ok) throw new Error(`the app refuses the command's output: ${file.error}`);
      // The file states its zone by name, so the app reads it as stated; the rest is the reader's incident.
      expect(file.incident).toEqual({ ...read.incident, timezoneSource: { kind: 'stated', written: read.incident.timezone } });
      const printed = JSON.parse(outcome.stdout) as { events: Array<{ time: string }>; end?: unknown };
      const times = printed.events.map((event) => Date.parse(event.time));
      expect(times).toEqual([...times].sort((left, right) => left - right));
    },
  );

  it.each(cases.filter((c) => !c.read.ok).map((c) => [c.name, c] as const))('%s: is refused with the reader\'s reason and nothing on stdout', (_name, { read, outcome }) => {
    if (read.ok) throw new Error('unreachable');
    expect(outcome).toEqual({ code: 1, stdout: '', stderr: `test/corpus/postmortems/${_name}/source: ${read.error}\n` });
  });
});

describe('the incident command on a postmortem that writes no year', () => {
  const text = 'On Wednesday, July 7th at 16:17 the API became unavailable. It lasted until 16:46.\n\nAll times are in UTC.';

  it('prints the incident with the year its weekday gives up to the day it is run, and says on stderr that it worked it out', () => {
    const outcome = runIncidentCommand({ file: 'beams.md' }, text, text.length, { year: 2026, month: 12, day: 2 });
    expect(outcome.code).toBe(0);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ start: '2021-07-07T16:17:00Z', end: '2021-07-07T16:46:00Z' });
    expect(outcome.stderr).toBe('beams.md: No year stated: 2021 is the latest year up to 2026-12-02 in which July 7 falls on a Wednesday — check it.\n');
  });

  it('takes the year up to the day given with --read-on, so a catalog built later prints the same year', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'vigil-incident-'));
    const file = join(directory, 'beams.md');
    writeFileSync(file, text);
    // July 7 fell on a Wednesday in 2010 and 2021: read on 2020-12-02 the latest such year is 2010.
    const { code, stdout, stderr } = await incident(file, '--read-on', '2020-12-02');
    expect([code, stderr]).toEqual([0, `${file}: No year stated: 2010 is the latest year up to 2020-12-02 in which July 7 falls on a Wednesday — check it.\n`]);
    expect(JSON.parse(stdout)).toMatchObject({ start: '2010-07-07T16:17:00Z', end: '2010-07-07T16:46:00Z' });
  }, 30_000);

  it('refuses it without the weekday, saying the year is missing', () => {
    const outcome = runIncidentCommand({ file: 'beams.md' }, text.replace('Wednesday, ', ''), text.length, { year: 2026, month: 12, day: 2 });
    expect([outcome.code, outcome.stdout]).toEqual([1, '']);
    expect(outcome.stderr).toMatch(/^beams\.md: No year stated: the postmortem writes July 7 without a year/);
  });
});

describe('the incident command\'s arguments', () => {
  it.each([
    [['a.md'], { file: 'a.md' }],
    [['a.md', '--tz', 'UTC'], { file: 'a.md', timezone: 'UTC' }],
    [['--tz=Europe/Berlin', 'a.md'], { file: 'a.md', timezone: 'Europe/Berlin' }],
    [['a.md', '--read-on', '2024-02-29'], { file: 'a.md', readOn: { year: 2024, month: 2, day: 29 } }],
    [['--read-on=2026-12-02', 'a.md', '--tz', 'UTC'], { file: 'a.md', timezone: 'UTC', readOn: { year: 2026, month: 12, day: 2 } }],
  ])('reads %j', (argv, expected) => {
    expect(readArguments(argv)).toEqual(expected);
  });

  it.each([[[]], [['a.md', '--tz']], [['a.md', 'b.md']], [['--verbose', 'a.md']]])('refuses %j with the usage', (argv) => {
    expect(readArguments(argv)).toMatch(/usage: npm run incident -- FILE \[--tz ZONE\]/);
  });

  it.each([['2023-02-29'], ['2026-13-01'], ['02.12.2026'], ['1969-12-31'], ['']])('refuses --read-on %j, naming the day it needs', (day) => {
    expect(readArguments(['a.md', '--read-on', day])).toMatch(/^--read-on needs a day like 2026-12-02 \(got "[^"]*"\)\nusage: /);
  });

  it('names the incident after the file, or after its folder for a corpus "source" file', () => {
    expect(idFromPath('/x/2024-01-15-webapp.md')).toBe('2024-01-15-webapp');
    expect(idFromPath('test/corpus/postmortems/github-2018/source.html')).toBe('github-2018');
  });
});
