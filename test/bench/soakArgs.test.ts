import { parseSoakArgs, SoakArgsError } from './soakArgs';

describe('parseSoakArgs', () => {
  it('defaults to ten minutes on both backends in both V8 modes, a sample every 30 s', () => {
    expect(parseSoakArgs([], '/repo/dist')).toEqual({
      minutes: 10,
      backends: ['demo', 'prometheus'],
      drivers: ['playwright'],
      v8Modes: ['interpreted', 'optimising'],
      sampleEverySeconds: 30,
      distDir: '/repo/dist',
      diagnose: false,
    });
  });

  it.each([
    [['--minutes', '3'], { minutes: 3 }],
    [['--minutes=0.5'], { minutes: 0.5 }],
    [['--backend', 'demo'], { backends: ['demo'] }],
    [['--backend=prometheus'], { backends: ['prometheus'] }],
    [['--backend', 'both'], { backends: ['demo', 'prometheus'] }],
    [['--driver', 'cdp'], { drivers: ['cdp'] }],
    [['--driver=both'], { drivers: ['playwright', 'cdp'] }],
    [['--v8', 'interpreted'], { v8Modes: ['interpreted'] }],
    [['--v8=optimising'], { v8Modes: ['optimising'] }],
    [['--v8', 'both'], { v8Modes: ['interpreted', 'optimising'] }],
    [['--sample-seconds', '5', '--dist', '/tmp/d', '--diagnose'], { sampleEverySeconds: 5, distDir: '/tmp/d', diagnose: true }],
  ])('reads %j', (argv, expected) => {
    expect(parseSoakArgs(argv, 'dist')).toMatchObject(expected);
  });

  it.each([
    [['--minutes'], /--minutes needs a positive number, got nothing/],
    [['--minutes', '-1'], /got "-1"/],
    [['--minutes', 'ten'], /got "ten"/],
    [['--backend', 'victoria'], /--backend must be demo, prometheus or both, got "victoria"/],
    [['--driver', 'puppeteer'], /--driver must be playwright, cdp or both, got "puppeteer"/],
    [['--v8', 'jitless'], /--v8 must be interpreted, optimising or both, got "jitless"/],
    [['--fast'], /unknown argument "--fast"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseSoakArgs(argv, 'dist')).toThrow(SoakArgsError);
    expect(() => parseSoakArgs(argv, 'dist')).toThrow(message);
  });
});
