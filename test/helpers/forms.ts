export { readForm, submit, type PageForm } from '../../sandbox/demo-psu.js';
