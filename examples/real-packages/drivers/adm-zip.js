// adm-zip reads back out/archive/docs.zip (written by the archiver driver), checks every entry
// against its source file, then adds an entry and writes out/archive/docs-plus.zip.
const fs = require('fs');
const AdmZip = require('adm-zip');

const zip = new AdmZip('out/archive/docs.zip');
for (const entry of zip.getEntries()) {
  const data = entry.getData();
  const same = data.equals(fs.readFileSync(`project/docs/${entry.entryName}`));
  console.log(entry.entryName, entry.header.size, entry.header.compressedSize, entry.header.method, same);
}
zip.addFile('added.txt', Buffer.from('added by adm-zip\n'));
zip.getEntry('added.txt').header.time = new Date('2026-01-01T00:00:00Z');
zip.writeZip('out/archive/docs-plus.zip');
const back = new AdmZip('out/archive/docs-plus.zip');
console.log('entries now', back.getEntries().length, back.readAsText('added.txt').trim());
