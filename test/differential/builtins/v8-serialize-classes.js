// v8.Serializer and v8.Deserializer: their methods (names, lengths, enumerable as Node's),
// writeHeader/writeValue/releaseBuffer, the raw writers and readers (varints, 64-bit halves,
// doubles, raw bytes as Buffers over the input), wire format version, transferred ArrayBuffers,
// subclasses with their own host objects (_writeHostObject/_readHostObject), custom clone errors,
// SharedArrayBuffer ids, and the argument errors with their codes.
const v8 = require('v8');
const util = require('util');
const attempt = (label, f) => {
  try {
    const r = f();
    console.log(label, 'ok', Buffer.isBuffer(r) ? `<${r.toString('hex')}>` : util.inspect(r, { depth: 4 }));
  } catch (e) {
    console.log(label, e.name, e.code, JSON.stringify(e.message), Object.keys(e).join(','), e instanceof Error);
  }
};
console.log(Object.keys(v8).filter((k) => /serial/i.test(k)).join(','));
for (const C of [v8.Serializer, v8.Deserializer, v8.DefaultSerializer, v8.DefaultDeserializer]) {
  const p = C.prototype;
  console.log(C.name, C.length, Object.keys(p).join(','), Object.getOwnPropertyNames(p).map((k) => `${k}/${typeof p[k] === 'function' ? p[k].length : '-'}`).join(' '));
}
console.log(Object.getPrototypeOf(v8.DefaultSerializer) === v8.Serializer, Object.getPrototypeOf(v8.DefaultDeserializer) === v8.Deserializer, v8.Serializer.prototype._getDataCloneError === Error);
console.log(v8.serialize.name, v8.serialize.length, v8.deserialize.name, v8.deserialize.length);
console.log(util.inspect(new v8.Serializer()), util.inspect(new v8.DefaultSerializer()), util.inspect(new v8.DefaultDeserializer(Buffer.from([1]))));

attempt('raw writers', () => {
  const s = new v8.Serializer();
  s.writeHeader();
  s.writeValue('v');
  s.writeUint32(300);
  s.writeUint32(2 ** 32 + 5);
  s.writeUint32(-1);
  s.writeUint32('12');
  s.writeUint32({});
  s.writeUint64(1, 2);
  s.writeUint64(0xffffffff, 0xffffffff);
  s.writeDouble(1.5);
  s.writeDouble('2');
  s.writeRawBytes(Buffer.from([9, 8]));
  s.writeRawBytes(new Uint16Array([0x102]));
  s.writeRawBytes(new DataView(new ArrayBuffer(1)));
  return s.releaseBuffer();
});
attempt('returns', () => { const s = new v8.Serializer(); return [s.writeHeader(), s.writeValue(1), s.writeUint32(1), s.releaseBuffer()]; });
attempt('release twice', () => { const s = new v8.Serializer(); s.writeHeader(); s.releaseBuffer(); return s.releaseBuffer(); });
attempt('write after release', () => { const s = new v8.Serializer(); s.writeHeader(); s.releaseBuffer(); s.writeValue(1); return s.releaseBuffer(); });
attempt('no header', () => { const s = new v8.Serializer(); s.writeValue('x'); return s.releaseBuffer(); });
attempt('partial after throw', () => { const s = new v8.Serializer(); s.writeHeader(); try { s.writeValue([1, () => 1]); } catch {} s.writeValue(2); return s.releaseBuffer(); });
attempt('two values', () => { const s = new v8.Serializer(); s.writeHeader(); s.writeValue({ a: 1 }); s.writeValue({ a: 1 }); return s.releaseBuffer(); });
attempt('shared ids across values', () => { const s = new v8.Serializer(); const o = {}; s.writeHeader(); s.writeValue(o); s.writeValue(o); return s.releaseBuffer(); });
attempt('released buffer', () => { const b = v8.serialize({ a: 1 }); return [b.length, b.byteOffset, b.buffer.byteLength, Buffer.isBuffer(b)]; });
attempt('writeRawBytes string', () => new v8.Serializer().writeRawBytes('x'));
attempt('writeRawBytes ArrayBuffer', () => new v8.Serializer().writeRawBytes(new ArrayBuffer(1)));
attempt('writeUint32 symbol', () => new v8.Serializer().writeUint32(Symbol()));
attempt('writeUint32 BigInt', () => new v8.Serializer().writeUint32(1n));
attempt('writeDouble BigInt', () => new v8.Serializer().writeDouble(1n));
attempt('writeUint64 BigInt', () => new v8.Serializer().writeUint64(1, 2n));
attempt('transfer id BigInt', () => new v8.Serializer().transferArrayBuffer(1n, new ArrayBuffer(1)));
attempt('transfer id object', () => { const s = new v8.Serializer(); s.transferArrayBuffer({ valueOf() { return 2; } }, new ArrayBuffer(1)); return 'taken'; });
attempt('readRawBytes string length', () => { const d = new v8.Deserializer(Buffer.from('ff0f0102', 'hex')); d.readHeader(); return d.readRawBytes('2'); });
attempt('readRawBytes fraction', () => { const d = new v8.Deserializer(Buffer.from('ff0f0102', 'hex')); d.readHeader(); return d.readRawBytes(1.7); });
attempt('readRawBytes BigInt', () => { const d = new v8.Deserializer(Buffer.from('ff0f0102', 'hex')); d.readHeader(); return d.readRawBytes(1n); });
attempt('Serializer()', () => v8.Serializer());
attempt('Deserializer()', () => v8.Deserializer(Buffer.alloc(1)));
attempt('DefaultSerializer()', () => v8.DefaultSerializer());
attempt('Deserializer no buffer', () => new v8.Deserializer());
attempt('Deserializer string', () => new v8.Deserializer('ff0f'));
attempt('Deserializer ArrayBuffer', () => new v8.Deserializer(new ArrayBuffer(2)));
attempt('deserialize number', () => v8.deserialize(5));
attempt('method on other this', () => v8.Serializer.prototype.writeHeader.call({}));

attempt('readers', () => {
  const s = new v8.Serializer();
  s.writeHeader();
  s.writeValue([1, 'a']);
  s.writeUint32(300);
  s.writeUint64(7, 8);
  s.writeUint64(0xffffffff, 1);
  s.writeDouble(-0.25);
  s.writeRawBytes(Buffer.from('raw'));
  const bytes = s.releaseBuffer();
  const d = new v8.Deserializer(bytes);
  const before = d.getWireFormatVersion();
  const header = d.readHeader();
  const raw = [before, header, d.getWireFormatVersion(), d.readValue(), d.readUint32(), d.readUint64(), d.readUint64(), d.readDouble()];
  const rb = d.readRawBytes(3);
  raw.push(rb, Buffer.isBuffer(rb), rb.buffer === bytes.buffer, d.buffer === bytes);
  return raw;
});
attempt('readUint32 past end', () => { const d = new v8.Deserializer(Buffer.from('ff0f', 'hex')); d.readHeader(); return d.readUint32(); });
attempt('readUint64 past end', () => { const d = new v8.Deserializer(Buffer.from('ff0f80', 'hex')); d.readHeader(); return d.readUint64(); });
attempt('readDouble past end', () => { const d = new v8.Deserializer(Buffer.from('ff0f0102', 'hex')); d.readHeader(); return d.readDouble(); });
attempt('readRawBytes past end', () => { const d = new v8.Deserializer(Buffer.from('ff0f01', 'hex')); d.readHeader(); return d.readRawBytes(2); });
attempt('readRawBytes negative', () => { const d = new v8.Deserializer(Buffer.from('ff0f01', 'hex')); d.readHeader(); return d.readRawBytes(-1); });
attempt('readRawBytes zero', () => { const d = new v8.Deserializer(Buffer.from('ff0f01', 'hex')); d.readHeader(); return d.readRawBytes(0); });
attempt('readValue at end', () => { const d = new v8.Deserializer(Buffer.from('ff0f', 'hex')); d.readHeader(); return d.readValue(); });
attempt('readValue without header', () => new v8.Deserializer(Buffer.from('5f', 'hex')).readValue());
attempt('readValue twice', () => { const d = new v8.Deserializer(Buffer.from('ff0f49025f', 'hex')); d.readHeader(); return [d.readValue(), d.readValue()]; });
attempt('version 13', () => { const d = new v8.Deserializer(Buffer.from('ff0d5c0a026162', 'hex')); d.readHeader(); return d.getWireFormatVersion(); });
attempt('version 14 deserialize', () => v8.deserialize(Buffer.from('ff0e6f220161490a7b01', 'hex')));

attempt('transfer', () => {
  const ab = new ArrayBuffer(4);
  const s = new v8.Serializer();
  s.transferArrayBuffer(3, ab);
  s.writeHeader();
  s.writeValue({ ab, view: new Uint8Array(ab, 1, 2), again: ab });
  const bytes = s.releaseBuffer();
  const target = new Uint8Array([10, 20, 30, 40]).buffer;
  const d = new v8.Deserializer(bytes);
  d.transferArrayBuffer(3, target);
  d.readHeader();
  const v = d.readValue();
  return [bytes.toString('hex'), v.ab === target, v.again === target, v.view.buffer === target, [...v.view]];
});
attempt('transfer missing', () => { const d = new v8.Deserializer(Buffer.from('ff0f7400', 'hex')); d.readHeader(); return d.readValue(); });
attempt('transfer bad buffer', () => new v8.Serializer().transferArrayBuffer(0, {}));
attempt('transfer SharedArrayBuffer', () => new v8.Serializer().transferArrayBuffer(0, new SharedArrayBuffer(1)));
attempt('deserializer transfer bad', () => new v8.Deserializer(Buffer.alloc(1)).transferArrayBuffer(0, new Uint8Array(1)));

// Custom host objects: a class of the program's own, written and read by the subclass.
class Point {
  constructor(x, y) { this.x = x; this.y = y; }
}
class PointSerializer extends v8.DefaultSerializer {
  constructor() { super(); this.count = 0; }
  _writeHostObject(obj) {
    if (obj instanceof Point) {
      this.count++;
      this.writeUint32(0xbeef);
      this.writeDouble(obj.x);
      this.writeDouble(obj.y);
      return;
    }
    this.writeUint32(0);
    return super._writeHostObject(obj);
  }
}
class PointDeserializer extends v8.DefaultDeserializer {
  _readHostObject() {
    const tag = this.readUint32();
    if (tag === 0xbeef) return new Point(this.readDouble(), this.readDouble());
    return super._readHostObject();
  }
}
// Host objects are only views here: a Point is a plain object to V8, so it is written as one.
attempt('plain class instance', () => { const s = new PointSerializer(); s.writeHeader(); s.writeValue(new Point(1, 2)); return [s.count, s.releaseBuffer()]; });
attempt('custom view handling', () => {
  const s = new PointSerializer();
  s.writeHeader();
  s.writeValue({ buf: Buffer.from('hi'), f: new Float32Array([0.5]) });
  const bytes = s.releaseBuffer();
  const d = new PointDeserializer(bytes);
  d.readHeader();
  return [bytes.toString('hex'), d.readValue()];
});
class TaggedSerializer extends v8.Serializer {
  _writeHostObject(view) {
    this.writeUint32(view.length);
    for (const b of view) this.writeUint32(b);
  }
}
class TaggedDeserializer extends v8.Deserializer {
  _readHostObject() {
    const n = this.readUint32();
    const out = [];
    for (let i = 0; i < n; i++) out.push(this.readUint32());
    return { restored: out };
  }
}
attempt('own layout', () => {
  const s = new TaggedSerializer();
  s._setTreatArrayBufferViewsAsHostObjects(true);
  s.writeHeader();
  const u = new Uint8Array([200, 1]);
  s.writeValue([u, u]);
  const bytes = s.releaseBuffer();
  const d = new TaggedDeserializer(bytes);
  d.readHeader();
  const v = d.readValue();
  return [bytes.toString('hex'), v, v[0] === v[1]];
});
attempt('readHostObject returns a primitive', () => {
  class D extends v8.Deserializer { _readHostObject() { return 5; } }
  const d = new D(Buffer.from('ff0f5c', 'hex'));
  d.readHeader();
  return d.readValue();
});
attempt('readHostObject throws', () => {
  class D extends v8.Deserializer { _readHostObject() { throw new RangeError('mine'); } }
  const d = new D(Buffer.from('ff0f5c', 'hex'));
  d.readHeader();
  return d.readValue();
});
attempt('base Deserializer host object', () => { const d = new v8.Deserializer(Buffer.from('ff0f5c0a026162', 'hex')); d.readHeader(); return d.readValue(); });
attempt('writeHostObject throws', () => {
  class S extends v8.DefaultSerializer { _writeHostObject() { throw new SyntaxError('no'); } }
  return new S().writeValue(new Uint8Array(1));
});
attempt('DefaultSerializer host object not a view', () => new v8.DefaultSerializer()._writeHostObject({ a: 1 }));
attempt('custom clone error', () => {
  class S extends v8.Serializer { _getDataCloneError(message) { return new TypeError(`custom: ${message}`); } }
  new S().writeValue(Symbol('sym'));
});
attempt('clone error this', () => {
  let seen;
  class S extends v8.Serializer { _getDataCloneError(message) { seen = this; return { notAnError: message }; } }
  const s = new S();
  try { s.writeValue(function named() {}); } catch (e) { return [e, seen === s]; }
});
attempt('SharedArrayBuffer id', () => {
  class S extends v8.DefaultSerializer { _getSharedArrayBufferId(sab) { return sab.byteLength + 100; } }
  const s = new S();
  s.writeHeader();
  s.writeValue([new SharedArrayBuffer(3), new SharedArrayBuffer(1)]);
  return s.releaseBuffer();
});
attempt('SharedArrayBuffer refused', () => v8.serialize(new SharedArrayBuffer(2)));
attempt('SharedArrayBuffer read', () => v8.deserialize(Buffer.from('ff0f7500', 'hex')));

// A host object's body may hold values of its own, written and read by the same serializer (its
// references are shared with the rest of the value).
class NestedSerializer extends v8.Serializer {
  constructor(shared) { super(); this._setTreatArrayBufferViewsAsHostObjects(true); this.shared = shared; }
  _writeHostObject(view) { this.writeValue({ length: view.length, shared: this.shared }); }
}
class NestedDeserializer extends v8.Deserializer {
  _readHostObject() { return { inner: this.readValue() }; }
}
attempt('nested values in host objects', () => {
  const shared = { s: 1 };
  const s = new NestedSerializer(shared);
  s.writeHeader();
  s.writeValue([shared, new Uint8Array(3), new Uint8Array(1)]);
  const bytes = s.releaseBuffer();
  const d = new NestedDeserializer(bytes);
  d.readHeader();
  const v = d.readValue();
  return [bytes.toString('hex'), v, v[1].inner.shared === v[0]];
});
