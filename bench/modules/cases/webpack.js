/**
 * Module bench case: webpack. require('webpack') itself loads two files (its exports are lazy getters);
 * reading `webpack.webpack` loads the compiler and its dependency tree (about 420 files).
 */
const webpack = require('webpack');
const lazy = Object.keys(require.cache).length;
console.log(webpack.version, typeof webpack.webpack, lazy, Object.keys(require.cache).length);
