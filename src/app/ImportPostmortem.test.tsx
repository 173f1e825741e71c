import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Incident } from '../incidents';
import { readSeed } from '../incidents/fixtures/readFixture';
import { ImportPostmortem } from './ImportPostmortem';

async function openDialog() {
  const imported: Incident[] = [];
  const user = userEvent.setup();
  render(<ImportPostmortem timezone="UTC" onImport={(incident) => imported.push(incident)} />);
  await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
  return { user, imported, fileInput: await screen.findByLabelText('Open a postmortem file') };
}

function pasteBox(): HTMLElement {
  return screen.getByRole('textbox', { name: /^Paste the postmortem/ });
}

/** A file that claims `size` bytes and records whether anything read it. */
function fileOfSize(name: string, size: number): { file: File; read: ReturnType<typeof vi.fn> } {
  const file = new File(['tiny'], name, { type: 'text/html' });
  Object.defineProperty(file, 'size', { value: size });
  const read = vi.fn(() => Promise.resolve('tiny'));
  Object.assign(file, { text: read, arrayBuffer: read, stream: read });
  return { file, read };
}

/** A picked file; jsdom's File has no text(), so it decodes as Blob.text() does (UTF-8, replacing what is not). */
function pickedFile(name: string, content: string | Uint8Array<ArrayBuffer>): File {
  const file = new File([content], name, { type: 'text/plain' });
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  return Object.assign(file, { text: () => Promise.resolve(text) });
}

// The dialog is a lazy chunk: loaded here once, so no test's wait includes compiling it.
beforeAll(async () => {
  await import('./ImportDialog');
});

describe('importing a postmortem', () => {
  it('refuses a 20 MB file before reading a byte of it, saying how large it is and what the limit is', async () => {
    const { user, imported, fileInput } = await openDialog();
    const { file, read } = fileOfSize('export.html', 20_000_000);
    await user.upload(fileInput, file);
    expect(screen.getByRole('alert')).toHaveTextContent('This file is 20.0 MB; vigil reads postmortems up to 1 MB.');
    expect(read).not.toHaveBeenCalled();
    expect(imported).toEqual([]);
    expect(pasteBox()).toHaveValue('');
  });

  it('reads a file within the limit into the review, without putting it in the text box; only "Show on charts" overlays it', async () => {
    const { user, imported, fileInput } = await openDialog();
    await user.upload(fileInput, pickedFile('leak.txt', readSeed()));
    const review = await screen.findByRole('region', { name: "Review before showing: Memory leak in our application's backend" });
    expect(imported).toEqual([]);
    await user.click(within(review).getByRole('button', { name: 'Show on charts' }));
    expect(imported).toHaveLength(1);
    expect(imported[0]?.title).toBe("Memory leak in our application's backend");
    expect(screen.queryByRole('dialog', { name: 'Import a postmortem' })).toBeNull();
  });

  it('drops what was read on Cancel: nothing is overlaid', async () => {
    const { user, imported, fileInput } = await openDialog();
    await user.upload(fileInput, pickedFile('leak.txt', readSeed()));
    await user.click(within(await screen.findByRole('region', { name: /^Review before showing/ })).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog', { name: 'Import a postmortem' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Import postmortem' }));
    expect(screen.queryByRole('region', { name: /^Review before showing/ })).toBeNull();
    expect(imported).toEqual([]);
  });

  it('reads a dropped file into the review', async () => {
    const { imported } = await openDialog();
    const dialog = screen.getByRole('dialog', { name: 'Import a postmortem' });
    fireEvent.drop(dialog, { dataTransfer: { files: [pickedFile('leak.txt', readSeed())] } });
    expect(await within(dialog).findByRole('region', { name: /^Review before showing: Memory leak/ })).toBeInTheDocument();
    expect(imported).toEqual([]);
  });

  it('refuses a binary file with a message that says so', async () => {
    const { user, imported, fileInput } = await openDialog();
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0x1f, 0x8b, 0xff, 0xfe, 0x00, 0x01]);
    await user.upload(fileInput, pickedFile('postmortem.txt', zip));
    expect(await screen.findByRole('alert')).toHaveTextContent('The postmortem is not readable text (it looks like binary data).');
    expect(imported).toEqual([]);
  });

  it('refuses pasted text over the limit and keeps the text box as it was', async () => {
    const { user, imported } = await openDialog();
    await user.click(pasteBox());
    await user.paste('x'.repeat(1_000_001));
    expect(screen.getByRole('alert')).toHaveTextContent('The pasted text has 1,000,001 characters; vigil reads postmortems up to 1 MB (1,000,000 characters).');
    expect(pasteBox()).toHaveValue('');
    expect(imported).toEqual([]);
  });

  it('reviews, then overlays, a pasted postmortem within the limit', async () => {
    const { user, imported } = await openDialog();
    await user.click(pasteBox());
    await user.paste(readSeed());
    await user.click(screen.getByRole('button', { name: 'Read this postmortem' }));
    const review = await screen.findByRole('region', { name: /^Review before showing/ });
    expect(within(review).getByRole('table', { name: 'Events read' }).querySelectorAll('tbody tr')).toHaveLength(7);
    await user.click(within(review).getByRole('button', { name: 'Show on charts' }));
    await waitFor(() => expect(imported).toHaveLength(1));
    expect(imported[0]?.events).toHaveLength(7);
  });
});
