export { COBA, CUBA, SynOut } from './syn-out.js';
export { MgBlock, type MgBlockOptions } from './mg-block.js';
