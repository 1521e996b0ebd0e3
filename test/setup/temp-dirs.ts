import { afterAll } from 'vitest';
import { removeTempDirs } from '../e2e/helpers.js';

// Every test file leaves the system's temporary directory as it found it.
afterAll(removeTempDirs);
