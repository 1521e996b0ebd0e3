// ejs renders project/templates/page.ejs, which includes a partial from its own directory, into
// out/ejs/page.html (renderFile reads both templates through fs).
const fs = require('fs');
const ejs = require('ejs');

ejs.renderFile('project/templates/page.ejs', { title: 'todo list', items: [{ name: 'write', done: true }, { name: 'test <them>', done: false }] }, {}, (err, html) => {
  if (err) throw err;
  fs.mkdirSync('out/ejs', { recursive: true });
  fs.writeFileSync('out/ejs/page.html', html);
  console.log(html);
  const fn = ejs.compile('<%= a %>+<%- b %>', { client: false });
  console.log(fn({ a: '<x>', b: '<y>' }));
});
