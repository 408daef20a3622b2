export { COBA, CUBA, SynOut } from './syn-out.js';
