import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';

/**
 * What systemd would receive on NOTIFY_SOCKET: an AF_UNIX datagram socket the test listens on.
 * Node cannot open one (its dgram module has no unix datagrams), so a few lines of Python do, and
 * print each datagram as one JSON line.
 */
const LISTENER = `
import json, os, socket, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
# The service runs as its own user, as under systemd, and must be able to send here.
os.chmod(sys.argv[1], 0o666)
print("listening", flush=True)
while True:
    data = s.recv(4096)
    print(json.dumps(data.decode("utf-8", "replace")), flush=True)
`;

export interface NotifyListener {
  /** Every datagram so far, in order. */
  readonly messages: string[];
  /** Resolves with the first datagram that has this line, counting from message index `from` (default: all). */
  waitFor(line: string, timeoutMs: number, from?: number): Promise<string>;
  stop(): void;
}

export async function listenForNotify(socketPath: string): Promise<NotifyListener> {
  const child: ChildProcess = spawn('python3', ['-c', LISTENER, socketPath], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: string[] = [];
  const waiters: { line: string; resolve: (message: string) => void }[] = [];
  let buffered = '';
  let ready: () => void = () => {};
  const listening = new Promise<void>((resolve) => (ready = resolve));
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    for (let end = buffered.indexOf('\n'); end >= 0; end = buffered.indexOf('\n')) {
      const text = buffered.slice(0, end);
      buffered = buffered.slice(end + 1);
      if (text === 'listening') {
        ready();
        continue;
      }
      const message = JSON.parse(text) as string;
      messages.push(message);
      for (const waiter of [...waiters]) {
        if (message.split('\n').includes(waiter.line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(message);
        }
      }
    }
  });
  await listening;
  if (!existsSync(socketPath)) throw new Error(`the notify socket ${socketPath} was not made`);
  return {
    messages,
    waitFor(line, timeoutMs, from = 0) {
      const seen = messages.slice(from).find((message) => message.split('\n').includes(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${line} within ${timeoutMs} ms; received: ${JSON.stringify(messages)}`)),
          timeoutMs,
        );
        waiters.push({
          line,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    stop() {
      child.kill();
    },
  };
}
