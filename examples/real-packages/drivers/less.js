// less compiles project/less/main.less, which @imports vars.less from its directory through less's
// file manager (fs), into out/less/main.css.
const fs = require('fs');
const less = require('less');

const input = fs.readFileSync('project/less/main.less', 'utf8');
less.render(input, { filename: 'project/less/main.less' }).then((out) => {
  fs.mkdirSync('out/less', { recursive: true });
  fs.writeFileSync('out/less/main.css', out.css);
  console.log(out.css);
  console.log('imports', out.imports.map((p) => p.split('/').pop()).join(', '));
}, (e) => console.log('error', e.message));
