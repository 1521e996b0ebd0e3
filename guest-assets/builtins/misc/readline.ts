/**
 * `readline` and `readline/promises` for streams that are not terminals (the only kind the sandbox
 * has): lines split as Node splits them (`\n`, `\r\n`, a lone `\r`, and a `\r\n` cut across two
 * chunks), the last unterminated line emitted at the end, `question`, prompts, pause/resume, async
 * iteration over lines, `close` and Node's ERR_USE_AFTER_CLOSE. The cursor helpers write Node's
 * escape sequences.
 */
import { EventEmitter } from 'events';
import { StringDecoder } from 'string_decoder';
import { invalidArgType, nodeError } from '../../node-errors.js';
import type { BuiltinContext } from '../registry.js';

type Stream = EventEmitter & { write?(s: string): unknown; pause?(): unknown; resume?(): unknown };
type Options = { input?: unknown; output?: unknown; prompt?: unknown; crlfDelay?: unknown; terminal?: unknown; signal?: unknown };
type Answer = (answer: string) => void;

const LINE_END = /\r?\n|\r(?!\n)/g;
const useAfterClose = () => nodeError('ERR_USE_AFTER_CLOSE', 'Error', 'readline was closed');

export function createReadline(ctx: BuiltinContext): Record<string, unknown> {
  class Interface extends EventEmitter {
    readonly input: Stream;
    readonly output: Stream | undefined;
    readonly terminal = false;
    readonly crlfDelay: number;
    line = '';
    cursor = 0;
    history: string[] = [];
    closed = false;
    #prompt: string;
    #buffer = '';
    #decoder = new StringDecoder('utf8');
    #sawReturn = false;
    #paused = false;
    #answer: Answer | undefined;

    constructor(input: unknown, output?: unknown, _completer?: unknown, _terminal?: unknown) {
      super();
      const options: Options = input !== null && typeof input === 'object' && 'input' in input ? (input as Options) : { input, output };
      if (!(options.input instanceof EventEmitter)) throw invalidArgType('input', [], ['EventEmitter'], options.input);
      this.input = options.input as Stream;
      this.output = options.output instanceof EventEmitter ? (options.output as Stream) : undefined;
      this.#prompt = typeof options.prompt === 'string' ? options.prompt : '> ';
      this.crlfDelay = typeof options.crlfDelay === 'number' ? Math.max(100, options.crlfDelay) : 100;
      const onData = (chunk: unknown) => this.#take(chunk);
      const onEnd = () => {
        if (this.#buffer.length > 0) this.#onLine(this.#buffer);
        this.#buffer = '';
        this.close();
      };
      this.input.on('data', onData);
      this.input.on('end', onEnd);
      this.once('close', () => {
        this.input.removeListener('data', onData);
        this.input.removeListener('end', onEnd);
      });
      this.input.resume?.();
    }

    #take(chunk: unknown): void {
      let text = typeof chunk === 'string' ? chunk : this.#decoder.write(chunk as Buffer);
      if (this.#sawReturn && text.startsWith('\n')) text = text.slice(1);
      this.#sawReturn = false;
      if (!/[\r\n]/.test(text)) {
        this.#buffer += text;
        return;
      }
      text = this.#buffer + text;
      this.#sawReturn = text.endsWith('\r');
      let start = 0;
      for (const m of text.matchAll(LINE_END)) {
        this.#onLine(text.slice(start, m.index));
        start = m.index! + m[0].length;
        if (this.closed) return;
      }
      this.#buffer = text.slice(start);
    }

    #onLine(line: string): void {
      const answer = this.#answer;
      if (answer) {
        this.#answer = undefined;
        answer(line);
      } else {
        this.emit('line', line);
      }
    }

    getPrompt(): string {
      return this.#prompt;
    }
    setPrompt(prompt: string): void {
      this.#prompt = String(prompt);
    }
    prompt(): void {
      if (this.#paused) this.resume();
      this.output?.write?.(this.#prompt);
    }
    question(query: unknown, options?: unknown, callback?: unknown): void {
      const cb = typeof options === 'function' ? options : callback;
      if (this.closed) throw useAfterClose();
      if (typeof cb !== 'function') return;
      if (this.#answer) {
        this.prompt();
        return;
      }
      this.#answer = cb as Answer;
      this.output?.write?.(String(query));
      if (this.#paused) this.resume();
    }
    write(data: unknown): void {
      if (this.#paused) this.resume();
      this.#take(data);
    }
    pause(): this {
      if (this.#paused) return this;
      this.input.pause?.();
      this.#paused = true;
      this.emit('pause');
      return this;
    }
    resume(): this {
      if (!this.#paused) return this;
      this.input.resume?.();
      this.#paused = false;
      this.emit('resume');
      return this;
    }
    close(): void {
      if (this.closed) return;
      this.pause();
      this.closed = true;
      this.emit('close');
    }
    getCursorPos() {
      return { rows: 0, cols: this.cursor };
    }
    [Symbol.asyncIterator](): AsyncIterableIterator<string> {
      const lines: string[] = [];
      const waiting: ((r: IteratorResult<string>) => void)[] = [];
      let done = this.closed;
      this.on('line', (line: string) => {
        const next = waiting.shift();
        if (next) next({ value: line, done: false });
        else lines.push(line);
      });
      this.once('close', () => {
        done = true;
        for (const w of waiting.splice(0)) w({ value: undefined, done: true });
      });
      const iterator: AsyncIterableIterator<string> = {
        next: () => {
          if (lines.length > 0) return Promise.resolve({ value: lines.shift()!, done: false });
          if (done) return Promise.resolve({ value: undefined, done: true });
          return new Promise((resolve) => waiting.push(resolve));
        },
        return: () => {
          this.close();
          return Promise.resolve({ value: undefined, done: true });
        },
        [Symbol.asyncIterator]: () => iterator,
      };
      return iterator;
    }
  }

  class PromisesInterface extends Interface {
    question(query: unknown): Promise<string> {
      return new Promise((resolve) => super.question(query, resolve));
    }
  }

  const write = (stream: unknown, text: string, callback?: unknown) => {
    if (stream === null || stream === undefined) {
      if (typeof callback === 'function') ctx.process.nextTick(callback as () => void);
      return true;
    }
    return (stream as { write(s: string, cb?: unknown): boolean }).write(text, callback);
  };
  const cursor = {
    clearLine: (stream: unknown, dir: number, cb?: unknown) => write(stream, dir < 0 ? '\x1b[1K' : dir > 0 ? '\x1b[0K' : '\x1b[2K', cb),
    clearScreenDown: (stream: unknown, cb?: unknown) => write(stream, '\x1b[0J', cb),
    cursorTo: (stream: unknown, x: number, y?: unknown, cb?: unknown) => write(stream, typeof y === 'number' ? `\x1b[${y + 1};${x + 1}H` : `\x1b[${x + 1}G`, typeof y === 'function' ? y : cb),
    moveCursor: (stream: unknown, dx: number, dy: number, cb?: unknown) => {
      let text = '';
      if (dx < 0) text += `\x1b[${-dx}D`;
      else if (dx > 0) text += `\x1b[${dx}C`;
      if (dy < 0) text += `\x1b[${-dy}A`;
      else if (dy > 0) text += `\x1b[${dy}B`;
      return write(stream, text, cb);
    },
  };
  const createInterface = (input: unknown, output?: unknown, completer?: unknown, terminal?: unknown) => new Interface(input, output, completer, terminal);
  const promises = {
    Interface: PromisesInterface,
    createInterface: (input: unknown, output?: unknown, completer?: unknown, terminal?: unknown) => new PromisesInterface(input, output, completer, terminal),
  };
  return { Interface, createInterface, emitKeypressEvents: () => {}, ...cursor, promises };
}
