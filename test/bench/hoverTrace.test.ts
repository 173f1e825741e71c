import { CHANGE_MARK, hoverCosts } from './hoverTrace';
import type { TraceEvent } from './traceSession';

const MAIN = 1;
const OTHER = 2;
const ms = (t: number) => t * 1000;
const x = (name: string, start: number, dur: number, tid = MAIN, data?: Record<string, string>): TraceEvent => ({
  name,
  ph: 'X',
  ts: ms(start),
  dur: ms(dur),
  pid: 1,
  tid,
  args: data ? { data } : {},
});
const task = (start: number, dur: number, frame = false): TraceEvent[] => [
  x('ThreadControllerImpl::RunTask', start, dur),
  ...(frame ? [x('ProxyMain::BeginMainFrame', start, dur)] : []),
];
const move = (start: number) => [x('WebFrameWidgetImpl::HandleInputEvent', start - 0.5, 2), x('EventDispatch', start, 1, MAIN, { type: 'pointermove' })];
const change = (at: number, tid = MAIN): TraceEvent => ({ name: 'TimeStamp', ph: 'I', ts: ms(at), pid: 1, tid, args: { data: { message: CHANGE_MARK } } });
const threadNames: TraceEvent[] = [
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: MAIN, args: { name: 'CrRendererMain' } },
  { name: 'thread_name', ph: 'M', ts: 0, pid: 1, tid: OTHER, args: { name: 'Compositor' } },
];

describe('hoverCosts', () => {
  it('counts a change made while the move is handled as painted by the frame that dispatched it', () => {
    const events = [...threadNames, ...task(100, 6, true), ...move(101), change(102), ...task(116.7, 1, true)];
    const [cost] = hoverCosts(events);
    expect(cost?.frames).toBe(1);
    // From the input handling (100.5) to the frame's end (106).
    expect(cost?.mainThreadMs).toBeCloseTo(5.5);
  });

  it('counts a change made in a task after the frame as painted by the next frame, leaving out the idle time between', () => {
    const events = [
      ...threadNames,
      ...task(100, 4, true),
      ...move(101),
      // e.g. a scheduler task: its change waits for the next frame
      ...task(106, 3),
      change(108),
      ...task(116.7, 2, true),
      ...task(133.4, 1, true),
    ];
    const [cost] = hoverCosts(events);
    expect(cost?.frames).toBe(2);
    expect(cost?.mainThreadMs).toBeCloseTo(3.5 + 3 + 2);
  });

  it('gives one cost per move, each judged by its own last change, and none for a move that changed nothing', () => {
    const events = [
      ...threadNames,
      ...task(100, 4, true),
      ...move(101),
      change(102),
      ...task(116.7, 2, true),
      change(117),
      ...task(133.4, 2, true),
      ...move(134),
      ...task(150, 1, true),
      ...task(200, 3, true),
      ...move(201),
      change(202, OTHER),
    ];
    const costs = hoverCosts(events);
    expect(costs.map((c) => c.frames)).toEqual([2, NaN, NaN]);
  });
});
