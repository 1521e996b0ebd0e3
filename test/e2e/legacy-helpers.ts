import type { SandboxOptions } from '../../host/index.js';

/** A host setting and a guest setting: which wire a sandbox's two ends speak. */
export type Combination = Required<Pick<SandboxOptions, 'protocol' | 'guestProtocol'>>;

/** Old and new guests against old (legacy) and new (raw) hosts; raw travels only between two new ones. */
export const COMBINATIONS: readonly Combination[] = [
  { protocol: 'raw', guestProtocol: 'negotiate' },
  { protocol: 'raw', guestProtocol: 'legacy' },
  { protocol: 'legacy', guestProtocol: 'negotiate' },
  { protocol: 'legacy', guestProtocol: 'legacy' },
];

/** A legacy bytes object, as embedders and old peers build it. */
export const bytesObject = (base64: unknown) => ({ __agentOsType: 'bytes', base64 });
