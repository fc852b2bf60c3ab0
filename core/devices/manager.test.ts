import { describe, expect, it, vi } from 'vitest';
import { err, ok } from '../pure/result';
import { silentLogger } from '../logging/logger';
import { createDeviceManager } from './manager';
import { createPrintLedgerStore } from './print-ledger-store';
import { fakeBindings } from '../testing/fake-bindings';
import { memoryStore } from '../testing/memory-store';

function setup(
  before: (fakes: ReturnType<typeof fakeBindings>) => void = () => undefined,
  options: { withScanner?: boolean; withMedia?: boolean } = {},
) {
  const db = memoryStore({ at: '2026-11-21T08:00:00.000Z' });
  const fakes = fakeBindings(options);
  before(fakes);
  const manager = createDeviceManager({
    bindings: fakes.bindings,
    ledger: createPrintLedgerStore(db, () => new Date('2026-11-21T08:00:00.000Z')),
    logger: silentLogger(),
  });
  return { fakes, manager };
}

const ticket = { id: 'T-A001', blocks: [{ kind: 'text', text: 'A001' }] } as const;

describe('device manager', () => {
  it('reports every device, starts card polling once the reader is connected, and gates journeys', async () => {
    const { fakes, manager } = setup();
    await vi.waitFor(() => expect(manager.snapshot().devices.filter((d) => d.state === 'online')).toHaveLength(3));
    expect(fakes.script.polling).toBe(true);
    // The camera has not been reported yet: no self-service submission, everything else works.
    expect(manager.snapshot().journeys).toEqual({
      idCardSignIn: true,
      selfServiceSubmission: false,
      output: 'paper',
      keypadRating: true,
      scanCodes: false,
      videoHelp: false,
    });
    // No scanner in the config: no status for one.
    expect(manager.snapshot().devices.map((d) => d.device)).not.toContain('qrScanner');
    manager.reportCamera({ state: 'online', code: 'ok', detail: 'ready', identity: null });
    expect(manager.snapshot().journeys.selfServiceSubmission).toBe(true);
    await manager.close();
  });

  it('moves tickets to the screen when the printer is gone, and refuses to print without sending', async () => {
    const { fakes, manager } = setup((f) => {
      f.printer.control.connectResult = err({ state: 'noDevice', code: 'portMissing', detail: 'unplugged' });
    });
    await vi.waitFor(() =>
      expect(manager.snapshot().devices.find((d) => d.device === 'printer')?.state).toBe('noDevice'),
    );
    expect(manager.snapshot().journeys.output).toBe('screen');
    const result = await manager.print(ticket);
    expect(result).toMatchObject({ ok: false, error: { kind: 'printerUnavailable', code: 'portMissing' } });
    expect(fakes.printed).toHaveLength(0);
    await manager.close();
  });

  it('shows a paper-out discovered by a job at once, with the action staff can take', async () => {
    const { fakes, manager } = setup();
    await vi.waitFor(() => expect(manager.snapshot().journeys.output).toBe('paper'));
    fakes.script.printResult = err({ kind: 'uncertain', code: 'paperOut', message: 'paper ran out during the job' });
    const changes: string[] = [];
    manager.onChange((s) => changes.push(s.devices.find((d) => d.device === 'printer')?.state ?? ''));
    await manager.print(ticket);
    expect(changes).toContain('busy');
    expect(manager.snapshot().devices.find((d) => d.device === 'printer')).toMatchObject({
      state: 'userError',
      code: 'paperOut',
      action: 'clear',
    });
    expect(manager.snapshot().journeys.output).toBe('screen');
    await manager.close();
  });

  it('passes card events and key presses on to listeners', async () => {
    const { fakes, manager } = setup();
    const cards: string[] = [];
    const presses: Array<number | null> = [];
    manager.onIdCard((event) => cards.push(event.type));
    manager.onKeypad((press) => presses.push(press.level));
    fakes.emitCard({ type: 'present' }, null);
    fakes.emitCard({ type: 'removed' }, null);
    fakes.press({ level: 5, key: 'report:0x01' });
    expect(cards).toEqual(['present', 'removed']);
    expect(presses).toEqual([5]);
    await manager.close();
  });

  it('answers deviceUnavailable for a card read while the reader is missing', async () => {
    const { manager } = setup((f) => {
      f.idCard.control.connectResult = err({ state: 'noDevice', code: 'portMissing', detail: 'no reader' });
    });
    await vi.waitFor(() =>
      expect(manager.snapshot().devices.find((d) => d.device === 'idCardReader')?.state).toBe('noDevice'),
    );
    expect(await manager.readCard(1000)).toMatchObject({ ok: false, error: { kind: 'deviceUnavailable' } });
    expect(manager.snapshot().journeys.idCardSignIn).toBe(false);
    await manager.close();
  });

  it('flips emulators only where one exists', async () => {
    const { fakes, manager } = setup();
    expect(manager.emulator('idCardReader', 'insertCard', 'resident-elderly')).toEqual({ ok: true, value: undefined });
    expect(manager.emulator('idCardReader', 'explode')).toEqual({ ok: false, error: 'unknownAction' });
    expect(manager.emulator('evaluationKeypad', 'press')).toEqual({ ok: false, error: 'notAvailable' });
    expect(fakes.performed).toEqual(['insertCard:resident-elderly']);
    await manager.close();
  });

  it('supervises a configured scanner: scanning is offered only while it is online, and reads reach listeners', async () => {
    const { fakes, manager } = setup(() => undefined, { withScanner: true });
    await vi.waitFor(() => expect(manager.snapshot().journeys.scanCodes).toBe(true));
    expect(manager.snapshot().devices.find((d) => d.device === 'qrScanner')).toMatchObject({
      state: 'online',
      identity: { model: 'fake qrScanner' },
    });
    const scans: string[] = [];
    manager.onScan((scan) => scans.push(scan.text));
    fakes.scan('AQ-20261121-0001');
    expect(manager.emulator('qrScanner', 'scan', 'AQ-2').ok).toBe(true);
    expect(scans).toEqual(['AQ-20261121-0001', 'AQ-2']);

    // Unplugged: noDevice, reconnecting with backoff, and no screen offers scanning meanwhile.
    fakes.scanner!.control.connectResult = err({ state: 'noDevice', code: 'portMissing', detail: 'unplugged' });
    fakes.scanner!.control.unplug({ state: 'noDevice', code: 'disconnected', detail: 'read failed' });
    await vi.waitFor(() =>
      expect(manager.snapshot().devices.find((d) => d.device === 'qrScanner')).toMatchObject({
        state: 'noDevice',
        code: expect.stringMatching(/^(disconnected|portMissing)$/),
        action: 'maintenance',
      }),
    );
    expect(manager.snapshot().journeys.scanCodes).toBe(false);
    fakes.scanner!.control.connectResult = ok({ model: 'fake qrScanner', serial: null, firmware: null });
    await manager.restart('qrScanner');
    await vi.waitFor(() => expect(manager.snapshot().journeys.scanCodes).toBe(true));
    await manager.close();
  });

  it('shows the face camera and microphone only where configured, as the screen reports them, and gates video help on both', async () => {
    const { manager } = setup(() => undefined, { withMedia: true });
    const media = () =>
      manager.snapshot().devices.filter((d) => d.device === 'faceCamera' || d.device === 'microphone');
    // Before the screen has looked: offline, waiting, and no video help.
    expect(media()).toMatchObject([
      { device: 'faceCamera', mode: 'emulated', state: 'offline', code: 'starting', action: 'suspend' },
      {
        device: 'microphone',
        mode: 'real',
        state: 'offline',
        code: 'starting',
        link: expect.stringContaining('USB Audio'),
      },
    ]);
    expect(manager.snapshot().journeys.videoHelp).toBe(false);

    const changes: boolean[] = [];
    manager.onChange((snapshot) => changes.push(snapshot.journeys.videoHelp));
    manager.reportMedia('faceCamera', { state: 'online', code: 'ok', detail: 'fake camera', identity: null });
    expect(manager.snapshot().journeys.videoHelp).toBe(false);
    manager.reportMedia('microphone', {
      state: 'online',
      code: 'ok',
      detail: 'found by label',
      identity: { model: 'USB Audio Device', serial: null, firmware: null },
    });
    expect(manager.snapshot().journeys.videoHelp).toBe(true);
    expect(changes).toEqual([false, true]);
    expect(media()[1]).toMatchObject({ state: 'online', identity: { model: 'USB Audio Device' }, lastError: null });

    // The browser refused the microphone: a configuration matter, and no video help.
    manager.reportMedia('microphone', {
      state: 'userError',
      code: 'permissionDenied',
      detail: 'NotAllowedError',
      identity: null,
    });
    expect(media()[1]).toMatchObject({
      state: 'userError',
      action: 'configuration',
      lastError: { code: 'permissionDenied', detail: 'NotAllowedError' },
    });
    expect(manager.snapshot().journeys.videoHelp).toBe(false);
    // Unplugged camera: no video help either, and the document camera is not affected.
    manager.reportMedia('microphone', { state: 'online', code: 'ok', detail: 'back', identity: null });
    manager.reportMedia('faceCamera', {
      state: 'noDevice',
      code: 'portMissing',
      detail: 'no label match',
      identity: null,
    });
    expect(manager.snapshot().journeys.videoHelp).toBe(false);
    expect(manager.snapshot().devices.find((d) => d.device === 'documentCamera')?.code).toBe('starting');
    // Restarting a device the page owns is the page's job: nothing happens in core.
    await manager.restart('faceCamera');
    expect(media()[0]?.state).toBe('noDevice');
    await manager.close();
  });

  it('leaves the face camera and microphone out where the config names none, ignoring reports for them', async () => {
    const { manager } = setup();
    manager.reportMedia('faceCamera', { state: 'online', code: 'ok', detail: 'a stray report', identity: null });
    manager.reportMedia('microphone', { state: 'online', code: 'ok', detail: 'a stray report', identity: null });
    const kinds = manager.snapshot().devices.map((d) => d.device);
    expect(kinds).not.toContain('faceCamera');
    expect(kinds).not.toContain('microphone');
    expect(manager.snapshot().journeys.videoHelp).toBe(false);
    await manager.close();
  });
});
