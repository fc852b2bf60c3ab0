import WebSocket from 'ws';

/**
 * The escape test's own view of the kiosk's Chromium, over the DevTools port its test wrapper opens
 * (chromium-with-debug-port.sh): which pages exist and what they show. Browser-wide target
 * discovery works under the managed policy; attaching to a page (to run script in it) works only
 * where the policy allows DevTools, i.e. in a development build.
 */
export interface PageTarget {
  readonly targetId: string;
  readonly url: string;
  readonly title: string;
}

export class CdpObserver {
  private nextId = 1;
  private readonly pending = new Map<number, (message: Record<string, unknown>) => void>();

  private constructor(private readonly socket: WebSocket) {
    // Chromium going away (a restart) answers whatever was still asked.
    socket.on('close', () => {
      for (const answer of this.pending.values()) answer({ error: { message: 'the DevTools connection closed' } });
      this.pending.clear();
    });
    socket.on('message', (data: Buffer) => {
      const message = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
      if (typeof message['id'] === 'number') {
        this.pending.get(message['id'])?.(message);
        this.pending.delete(message['id']);
      }
    });
  }

  /** Waits (up to `timeoutMs`) for Chromium's DevTools port to answer, then connects to the browser target. */
  static async connect(port: number, timeoutMs = 15_000): Promise<CdpObserver> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
          webSocketDebuggerUrl: string;
        };
        const socket = new WebSocket(version.webSocketDebuggerUrl);
        await new Promise((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        return new CdpObserver(socket);
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`Chromium's DevTools port ${port} did not answer: ${String(error)}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }

  get isOpen(): boolean {
    return this.socket.readyState === WebSocket.OPEN;
  }

  async send(
    method: string,
    params: Record<string, unknown> = {},
    sessionId?: string,
  ): Promise<Record<string, unknown>> {
    if (this.socket.readyState !== WebSocket.OPEN) throw new Error('the DevTools connection is closed');
    const id = this.nextId++;
    const answer = new Promise<Record<string, unknown>>((resolve) => {
      this.pending.set(id, resolve);
      // A Chromium stuck in a modal dialog may never answer.
      setTimeout(() => {
        this.pending.delete(id);
        resolve({ error: { message: `no answer to ${method} in 5 s` } });
      }, 5_000).unref();
    });
    this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    const message = await answer;
    if (message['error']) throw new Error(`${method}: ${JSON.stringify(message['error'])}`);
    return (message['result'] ?? {}) as Record<string, unknown>;
  }

  /** Every page Chromium has: tabs, windows and popups alike. */
  async pages(): Promise<PageTarget[]> {
    const { targetInfos } = (await this.send('Target.getTargets')) as {
      targetInfos: Array<PageTarget & { type: string }>;
    };
    return targetInfos
      .filter((target) => target.type === 'page')
      .map(({ targetId, url, title }) => ({ targetId, url, title }));
  }

  /** Chromium's processes (browser, renderers, GPU…) with their pids. */
  async processes(): Promise<Array<{ type: string; id: number }>> {
    const { processInfo } = (await this.send('SystemInfo.getProcessInfo')) as {
      processInfo: Array<{ type: string; id: number }>;
    };
    return processInfo;
  }

  /** Runs `expression` in the page as if a person had just touched it (a user gesture). */
  async evaluate(targetId: string, expression: string): Promise<unknown> {
    const { sessionId } = (await this.send('Target.attachToTarget', { targetId, flatten: true })) as {
      sessionId: string;
    };
    try {
      const { result } = (await this.send(
        'Runtime.evaluate',
        { expression, userGesture: true, awaitPromise: true, returnByValue: true },
        sessionId,
      )) as { result: { value?: unknown } };
      return result.value;
    } finally {
      await this.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    }
  }

  close(): void {
    this.socket.close();
  }
}
