/** The io namespace for Node: the byte-level parsers plus the file helpers. */
export * from './index.js';
export * from './node.js';
