import { cleanup, fireEvent, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useHiddenGesture } from './use-hidden-gesture';

let clock = 0;
const now = () => clock;

function Probe({ onGesture }: { onGesture: () => void }) {
  useHiddenGesture(document, onGesture, { now });
  return <p>probe</p>;
}

function setup() {
  const calls: number[] = [];
  render(<Probe onGesture={() => calls.push(clock)} />);
  const tap = (x: number, y: number, at: number) => {
    clock = at;
    fireEvent.pointerDown(document.body, { clientX: x, clientY: y });
  };
  return { calls, tap };
}

afterEach(() => {
  cleanup();
  clock = 0;
});

describe('useHiddenGesture', () => {
  it('fires on the fifth tap within 3 s in the top-left 120 × 120 px corner', () => {
    const { calls, tap } = setup();
    for (const at of [0, 500, 1000, 1500]) tap(10, 10, at);
    expect(calls).toEqual([]);
    tap(119, 119, 2999);
    expect(calls).toEqual([2999]);
  });

  it('never counts taps on a control in the corner: a resident pressing a button is not the gesture', () => {
    const calls: number[] = [];
    const { getByRole } = render(
      <>
        <Probe onGesture={() => calls.push(clock)} />
        <button type="button">back</button>
      </>,
    );
    for (const at of [0, 100, 200, 300, 400, 500]) {
      clock = at;
      fireEvent.pointerDown(getByRole('button'), { clientX: 10, clientY: 10 });
    }
    expect(calls).toEqual([]);
  });

  it('does not fire when the taps are spread over more than 3 s', () => {
    const { calls, tap } = setup();
    for (const at of [0, 800, 1600, 2400, 3200]) tap(20, 20, at);
    expect(calls).toEqual([]);
    tap(20, 20, 3300);
    expect(calls).toEqual([3300]);
  });

  it('starts again after a tap outside the corner, and after firing', () => {
    const { calls, tap } = setup();
    for (const at of [0, 100, 200, 300]) tap(5, 5, at);
    tap(120, 5, 400);
    tap(5, 5, 500);
    expect(calls).toEqual([]);
    for (const at of [600, 700, 800]) tap(5, 5, at);
    expect(calls).toEqual([]);
    tap(5, 5, 900);
    expect(calls).toEqual([900]);
    tap(5, 5, 1000);
    expect(calls).toEqual([900]);
  });

  it('ignores taps in the other corners', () => {
    const { calls, tap } = setup();
    for (let i = 0; i < 10; i++) tap(1000, 10, i * 100);
    for (let i = 0; i < 10; i++) tap(10, 1000, 2000 + i * 100);
    expect(calls).toEqual([]);
  });
});
