export { constantInput, sectionInput } from './section-input.js';
