import { render, screen, within } from '@testing-library/react';
import { NoticeBar } from './NoticeBar';

describe('NoticeBar', () => {
  it('lists the first ten distinct notices and counts the rest', () => {
    const notices = Array.from({ length: 522 }, (_, n) => `Ignored "hide": "x${n}" is not <panel>:<series name>`);
    render(<NoticeBar notices={[...notices, ...notices]} onDismiss={() => undefined} />);
    const items = within(screen.getByRole('status', { name: 'Link notices' })).getAllByRole('listitem');
    expect(items).toHaveLength(11);
    expect(items[0]).toHaveTextContent('Ignored "hide": "x0" is not <panel>:<series name>');
    expect(items[10]).toHaveTextContent('…and 512 more');
  });
});
