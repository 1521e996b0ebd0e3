import { add, mean } from './math.js';
import { shout } from './strings.js';
import config from './config.json';

export function report(values) {
  return `${shout(config.title)}: sum ${values.reduce(add, 0)}, mean ${mean(values)}`;
}
console.log(report(config.values));
