import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import type { AgentVideoMessage, PlatformToAgentVideoMessage } from '../../../contract/video-help';
import { agentSocketUrl, createAgentSocket, type AgentSocket } from '../api/agent-socket';
import { uploadRecording } from '../api/recording-upload';
import { useConsole, useWords } from '../app/console-context';
import { Notice } from '../app/ui';
import {
  learnFromQueue,
  learnMatter,
  loadReference,
  saveReference,
  type AgentReference,
} from '../view/agent-reference';
import { createSignalInbox, type SignalInbox } from '../view/agent-signal-inbox';
import { agentReducer, INITIAL_AGENT_STATE } from '../view/agent-state';
import { AgentCall } from './agent/AgentCall';
import { ConnectionBanner } from './agent/ConnectionBanner';
import { DutyPanel } from './agent/DutyPanel';
import { EndedNotice } from './agent/EndedNotice';
import { QueuePanel } from './agent/QueuePanel';

interface PageNotice {
  readonly kind: 'ok' | 'error';
  readonly key: string;
  readonly values: Readonly<Record<string, string>>;
}

const storage = (): Storage | null => (typeof window === 'undefined' ? null : window.localStorage);

/**
 * 视频帮办 (docs/video-help.md): the agent goes on duty for some topics, sees the calls waiting
 * for them, takes one and talks to the resident face to face, beside the resident's screen as
 * state and the proposal tools. The socket lives as long as the page; the call's media as long
 * as the call.
 */
export function AgentPage() {
  const { t } = useWords();
  const { client } = useConsole();
  const [state, dispatch] = useReducer(agentReducer, INITIAL_AGENT_STATE);
  const [reference, setReference] = useState<AgentReference>(() => loadReference(storage()));
  // Kept as a key and its values, put into words when shown: the socket's frame handler must not
  // depend on the language (a new handler would reopen the socket and drop the duty).
  const [pageNotice, setPageNotice] = useState<PageNotice | null>(null);
  const socketRef = useRef<AgentSocket | null>(null);
  const inboxRef = useRef<SignalInbox | null>(null);

  const learn = useCallback((change: (before: AgentReference) => AgentReference) => {
    setReference((before) => {
      const next = change(before);
      if (next !== before) saveReference(storage(), next);
      return next;
    });
  }, []);

  const onFrame = useCallback(
    (frame: PlatformToAgentVideoMessage) => {
      if (frame.t === 'signal') {
        if (inboxRef.current?.callId === frame.callId) inboxRef.current.push(frame.signal);
        return;
      }
      if (frame.t === 'call') {
        inboxRef.current?.close();
        // A signal the peer cannot apply (a stale candidate, a malformed description) is said, not thrown.
        inboxRef.current = createSignalInbox(frame.call.callId, (error) =>
          setPageNotice({
            kind: 'error',
            key: 'agent:call.peerError',
            values: { detail: error instanceof Error ? error.message : String(error) },
          }),
        );
        const matter = frame.call.matter;
        if (matter) learn((before) => learnMatter(before, matter));
      } else if (frame.t === 'ended' && inboxRef.current?.callId === frame.callId) {
        inboxRef.current.close();
        inboxRef.current = null;
      } else if (frame.t === 'queue') {
        learn((before) => learnFromQueue(before, frame.calls));
      } else if (frame.t === 'state' && frame.state.matter) {
        const matter = frame.state.matter;
        learn((before) => learnMatter(before, matter));
      }
      dispatch({ type: 'frame', frame });
    },
    [learn],
  );

  useEffect(() => {
    const socket = createAgentSocket({
      url: agentSocketUrl(window.location),
      onFrame,
      onStatus: (status) => dispatch({ type: 'socket', status }),
    });
    socketRef.current = socket;
    return () => {
      socket.dispose();
      socketRef.current = null;
      inboxRef.current?.close();
      inboxRef.current = null;
    };
  }, [onFrame]);

  /** The call's signals, held from its `call` frame until its peer exists (read in effects only). */
  const inboxFor = useCallback((callId: string) => (inboxRef.current?.callId === callId ? inboxRef.current : null), []);

  const send = useCallback((message: AgentVideoMessage) => socketRef.current?.send(message) ?? false, []);

  const setDuty = (onDuty: boolean, topics: readonly string[]) => {
    dispatch({ type: 'dutyRequested', onDuty, topics });
    if (onDuty) learn((before) => ({ ...before, chosen: [...topics] }));
    socketRef.current?.setDuty(onDuty, topics);
  };

  const onRecording = useCallback(
    (callId: string, recording: Blob | null) => {
      if (!recording) return;
      void uploadRecording((url, init) => window.fetch(url, init), client.csrfToken, callId, recording).then((result) =>
        setPageNotice(
          result.ok
            ? { kind: 'ok', key: 'agent:recording.uploaded', values: { callId } }
            : { kind: 'error', key: 'agent:recording.uploadFailed', values: { callId } },
        ),
      );
    },
    [client],
  );

  const inCall = state.call !== null;
  return (
    <>
      <h1>{t('agent:title')}</h1>
      <ConnectionBanner socket={state.socket} wanted={state.duty.wanted} />
      <Notice message={pageNotice && { kind: pageNotice.kind, text: t(pageNotice.key, pageNotice.values) }} />
      {state.notice && (
        <p className="notice notice-error" role="alert" data-testid="agent-notice" data-kind={state.notice.kind}>
          {state.notice.kind === 'taken'
            ? t('agent:notice.taken')
            : t(`agent:notice.${state.notice.code}`, { defaultValue: state.notice.detail })}{' '}
          <button type="button" onClick={() => dispatch({ type: 'dismissNotice' })}>
            {t('common:close')}
          </button>
        </p>
      )}
      {state.call ? (
        <AgentCall
          key={state.call.call.callId}
          call={state.call}
          inboxFor={inboxFor}
          reference={reference}
          send={send}
          dispatch={dispatch}
          onRecording={onRecording}
        />
      ) : (
        <>
          {state.ended && <EndedNotice ended={state.ended} />}
          <DutyPanel duty={state.duty} socket={state.socket} reference={reference} disabled={inCall} onDuty={setDuty} />
          {state.duty.wanted && (
            <QueuePanel
              queue={state.queue}
              onDuty={state.duty.onDuty}
              accepting={state.accepting}
              onAccept={(callId) => {
                if (send({ t: 'accept', callId })) dispatch({ type: 'acceptSent', callId });
              }}
            />
          )}
        </>
      )}
    </>
  );
}
