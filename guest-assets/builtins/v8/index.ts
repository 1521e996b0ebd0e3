/**
 * The guest's `v8`: the heap facts of the guest's own isolate (from the Worker), and
 * `serialize`/`deserialize` with the Serializer classes, written here in the guest's realm: the
 * bytes are V8's ValueSerializer format as Node 20 writes it (tags.ts), and everything read back is
 * the guest's own. The rest of the module refuses.
 */
import { guard } from '../../caps.js';
import { accessDenied } from '../denied/index.js';
import type { BuiltinContext } from '../registry.js';
import { createClasses } from './api.js';
import { createKinds } from './kinds.js';
import { createDefaultClasses } from './views.js';

type Writer = { writeHeader(): void; writeValue(v: unknown): boolean; releaseBuffer(): unknown };
type Reader = { readHeader(): boolean; readValue(): unknown };

/** Registers the `v8` built-in. */
export function defineV8(ctx: BuiltinContext): void {
  const { caps } = ctx;
  ctx.define('v8', () => {
    const fact = (name: string) => () => JSON.parse(String(guard(() => caps.v8Value(name)))) as unknown;
    const denied = (name: string) => () => {
      throw accessDenied('v8', `v8.${name}()`);
    };
    const classes = createClasses(createKinds(caps, ctx.global), ctx.Buffer);
    const { DefaultSerializer, DefaultDeserializer } = createDefaultClasses(classes, ctx.Buffer);
    function serialize(value: unknown) {
      const ser = new DefaultSerializer() as unknown as Writer;
      ser.writeHeader();
      ser.writeValue(value);
      return ser.releaseBuffer();
    }
    function deserialize(buffer: unknown) {
      const der = new DefaultDeserializer(buffer as ArrayBufferView) as unknown as Reader;
      der.readHeader();
      return der.readValue();
    }
    return {
      cachedDataVersionTag: fact('cachedDataVersionTag'),
      getHeapSnapshot: denied('getHeapSnapshot'),
      getHeapStatistics: fact('getHeapStatistics'),
      getHeapSpaceStatistics: fact('getHeapSpaceStatistics'),
      getHeapCodeStatistics: fact('getHeapCodeStatistics'),
      setFlagsFromString: denied('setFlagsFromString'),
      Serializer: classes.Serializer,
      Deserializer: classes.Deserializer,
      DefaultSerializer,
      DefaultDeserializer,
      deserialize,
      takeCoverage: denied('takeCoverage'),
      stopCoverage: denied('stopCoverage'),
      serialize,
      writeHeapSnapshot: denied('writeHeapSnapshot'),
      queryObjects: denied('queryObjects'),
      setHeapSnapshotNearHeapLimit: denied('setHeapSnapshotNearHeapLimit'),
    };
  });
}
