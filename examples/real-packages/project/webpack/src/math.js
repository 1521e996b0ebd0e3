export const add = (a, b) => a + b;
export const mean = (values) => values.reduce(add, 0) / values.length;
export const unused = () => 'tree-shaken away in production';
