import { readFileSync } from 'node:fs';
import type { UdevEvent, WalkedDevice } from './udev-matcher';

/**
 * A device as udevadm prints it: `udevadm info --attribute-walk` (the device and its parents,
 * with devpaths and attributes) and `udevadm info --query=property` (its properties). Fixtures in
 * packaging/udev/fixtures/ are these two outputs; lines starting with # say where they come from.
 */
export interface RecordedDevice extends WalkedDevice {
  readonly devpath: string;
  readonly driver: string;
}

export interface Recording {
  readonly chain: readonly RecordedDevice[];
  readonly properties: Readonly<Record<string, string>>;
}

const LOOKING_AT = /^\s*looking at (?:parent )?device '([^']+)':\s*$/;
const WALK_KEY = /^\s*(KERNELS?|SUBSYSTEMS?|DRIVERS?|ATTRS?)(?:\{([^}]+)\})?=="(.*)"\s*$/;

export function parseAttributeWalk(text: string): RecordedDevice[] {
  const chain: { devpath: string; kernel: string; subsystem: string; driver: string; attrs: Record<string, string> }[] =
    [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const at = LOOKING_AT.exec(line);
    if (at !== null) {
      chain.push({ devpath: at[1] ?? '', kernel: '', subsystem: '', driver: '', attrs: {} });
      continue;
    }
    const current = chain.at(-1);
    const key = WALK_KEY.exec(line);
    if (current === undefined || key === null) continue;
    const [, name = '', attr, value = ''] = key;
    if (name.startsWith('KERNEL')) current.kernel = value;
    else if (name.startsWith('SUBSYSTEM')) current.subsystem = value;
    else if (name.startsWith('DRIVER')) current.driver = value;
    else if (attr !== undefined) current.attrs[attr] = value;
  }
  if (chain.length === 0) throw new Error('no "looking at device" block: not an attribute walk');
  return chain;
}

export function parseProperties(text: string): Record<string, string> {
  const properties: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.includes('=')) continue;
    const at = line.indexOf('=');
    properties[line.slice(0, at)] = line.slice(at + 1);
  }
  return properties;
}

export function loadRecording(walkFile: string, propertiesFile: string): Recording {
  return {
    chain: parseAttributeWalk(readFileSync(walkFile, 'utf8')),
    properties: parseProperties(readFileSync(propertiesFile, 'utf8')),
  };
}

/** The add event of a recorded device; its properties stand for what earlier rules set (ID_PATH …). */
export function addEvent(recording: Recording): UdevEvent {
  return { action: 'add', chain: recording.chain, properties: recording.properties };
}
