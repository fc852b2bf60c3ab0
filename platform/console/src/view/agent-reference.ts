import { z } from 'zod';
import { MatterRef } from '../../../contract/common';
import { HelpTopic, type QueuedVideoCall } from '../../../contract/video-help';

/**
 * The topics (catalog themes) and matters the agent page offers for choosing. The console has no
 * catalog endpoint (the catalog is a terminal resource, platform/contract/endpoints.ts
 * getCatalog), so the page learns them from what the platform sends: each queued call carries its
 * topic, topic name and matter, the call and the resident's screen their matter. What was learnt
 * is kept on this PC (localStorage), so the topic choice is there before the next shift's queue.
 */

export const GENERAL_TOPIC = 'general';

const KnownMatter = MatterRef.pick({ matterCode: true, matterName: true });
export type KnownMatter = z.infer<typeof KnownMatter>;

export const AgentReference = z.object({
  /** topic id → its name as the platform gave it. */
  topics: z.record(HelpTopic, z.string().max(64)),
  matters: z.array(KnownMatter).max(200),
  /** The topics chosen last time; empty: all topics. */
  chosen: z.array(HelpTopic).max(40),
});
export type AgentReference = z.infer<typeof AgentReference>;

export const EMPTY_REFERENCE: AgentReference = { topics: {}, matters: [], chosen: [] };

/** Adds the topics and matters of a queue (newest names win); unchanged input gives back the same object. */
export function learnFromQueue(reference: AgentReference, calls: readonly QueuedVideoCall[]): AgentReference {
  let next = reference;
  for (const call of calls) {
    if (call.topic !== GENERAL_TOPIC && call.topicName && next.topics[call.topic] !== call.topicName) {
      next = { ...next, topics: { ...next.topics, [call.topic]: call.topicName } };
    }
    if (call.matter) next = learnMatter(next, call.matter);
  }
  return next;
}

export function learnMatter(reference: AgentReference, matter: KnownMatter): AgentReference {
  const known = reference.matters.find((m) => m.matterCode === matter.matterCode);
  if (known && known.matterName === matter.matterName) return reference;
  const others = reference.matters.filter((m) => m.matterCode !== matter.matterCode);
  // Most recently seen first; the oldest fall off past the limit.
  const matters = [{ matterCode: matter.matterCode, matterName: matter.matterName }, ...others].slice(0, 200);
  return { ...reference, matters };
}

/** Topics for the choice, by name; `general` (综合咨询) is always offered and named by the page. */
export function topicChoices(reference: AgentReference): Array<{ id: string; name: string | null }> {
  const learnt = Object.entries(reference.topics)
    .filter(([id]) => id !== GENERAL_TOPIC)
    .map(([id, name]): { id: string; name: string | null } => ({ id, name }))
    .sort((a, b) => (a.name ?? a.id).localeCompare(b.name ?? b.id, 'zh-CN'));
  return [{ id: GENERAL_TOPIC, name: null }, ...learnt];
}

export function toggleTopic(chosen: readonly string[], topic: string): string[] {
  return chosen.includes(topic) ? chosen.filter((t) => t !== topic) : [...chosen, topic];
}

const STORAGE_KEY = 'console.agent.reference';

/** What this PC remembered; anything that does not parse (an older shape, a hand edit) is dropped. */
export function loadReference(storage: Pick<Storage, 'getItem'> | null): AgentReference {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return EMPTY_REFERENCE;
    const parsed = AgentReference.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : EMPTY_REFERENCE;
  } catch {
    return EMPTY_REFERENCE;
  }
}

export function saveReference(storage: Pick<Storage, 'setItem'> | null, reference: AgentReference): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(reference));
  } catch {
    // A full or disabled storage only loses the memory of topics; the page works without it.
  }
}
