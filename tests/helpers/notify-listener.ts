import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A stand-in for systemd's notify socket: an AF_UNIX datagram socket at `path`, read by python3
 * (Node cannot listen on one). Like PID 1 it asks for the sender's credentials (SO_PASSCRED) and
 * closes every file descriptor a message carries: systemd-notify (systemd ≥ 246) follows each
 * message with BARRIER=1 and a pipe, and waits until the reader has closed it. socat keeps those
 * descriptors open, so with socat as the listener every systemd-notify waits 5 s and fails.
 */
const LISTENER = String.raw`
import json, os, socket, struct, sys
path = sys.argv[1]
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
s.bind(path)
os.chmod(path, 0o777)
print(json.dumps({"listening": path}), flush=True)
while True:
    data, ancillary, flags, _ = s.recvmsg(65536, socket.CMSG_SPACE(12) + socket.CMSG_SPACE(4 * 16))
    pid = uid = None
    fds = 0
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid, uid, _gid = struct.unpack("3i", payload[:12])
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            for fd in struct.unpack("%di" % (len(payload) // 4), payload[: len(payload) // 4 * 4]):
                os.close(fd)
                fds += 1
    print(json.dumps({"fields": data.decode("utf-8", "replace").split("\n"), "pid": pid, "uid": uid, "fds": fds}), flush=True)
`;

export interface NotifyMessage {
  /** The datagram's lines, e.g. ['MAINPID=123', 'READY=1', 'STATUS=…']. */
  readonly fields: readonly string[];
  /** The sender as the kernel vouches for it (SCM_CREDENTIALS). */
  readonly pid: number | null;
  readonly uid: number | null;
  readonly receivedAt: number;
}

export interface NotifyListener {
  readonly path: string;
  /** Every datagram so far except the BARRIER=1 handshakes. */
  readonly messages: NotifyMessage[];
  /** Resolves with the first message (already received or to come) that `match` accepts. */
  waitFor(match: (message: NotifyMessage) => boolean, timeoutMs: number, what: string): Promise<NotifyMessage>;
  close(): Promise<void>;
}

export async function listenForNotifications(path: string): Promise<NotifyListener> {
  const child = spawn('python3', ['-c', LISTENER, path], { stdio: ['ignore', 'pipe', 'pipe'] });
  const messages: NotifyMessage[] = [];
  const waiters = new Set<() => void>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const listening = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the notify listener exited (${code}): ${stderr}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as {
        listening?: string;
        fields?: string[];
        pid?: number | null;
        uid?: number | null;
      };
      if (parsed.listening) return resolve();
      if (!parsed.fields || parsed.fields.includes('BARRIER=1')) return;
      messages.push({
        fields: parsed.fields,
        pid: parsed.pid ?? null,
        uid: parsed.uid ?? null,
        receivedAt: Date.now(),
      });
      for (const wake of [...waiters]) wake();
    });
  });
  await listening;
  return {
    path,
    messages,
    waitFor(match, timeoutMs, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.find(match);
          if (!found) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(`no ${what} within ${timeoutMs} ms; received: ${JSON.stringify(messages.map((m) => m.fields))}`),
          );
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
