/**
 * `stream/consumers`: the whole of a stream (a Node stream, a web ReadableStream or any async
 * iterable) as text, JSON, a Buffer, an ArrayBuffer or a Blob, as Node 20's.
 */
import { Buffer } from 'buffer';
import type { BuiltinContext } from '../registry.js';
import { Blob } from './blob.js';

type Source = AsyncIterable<unknown>;

async function blob(stream: Source): Promise<Blob> {
  const chunks: unknown[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return new Blob(chunks);
}

async function arrayBuffer(stream: Source): Promise<ArrayBuffer> {
  return (await blob(stream)).arrayBuffer();
}

async function buffer(stream: Source): Promise<Buffer> {
  return Buffer.from(await arrayBuffer(stream));
}

export function streamConsumers(ctx: BuiltinContext): Record<string, unknown> {
  const TextDecoderClass = (ctx.global as { TextDecoder: new () => { decode(b?: unknown, o?: { stream: boolean }): string } }).TextDecoder;
  async function text(stream: Source): Promise<string> {
    const decoder = new TextDecoderClass();
    let out = '';
    for await (const chunk of stream) out += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    return out + decoder.decode(undefined, { stream: false });
  }
  async function json(stream: Source): Promise<unknown> {
    return JSON.parse(await text(stream));
  }
  return { arrayBuffer, blob, buffer, text, json };
}
