export { fieldPath, formatZodError } from './formatZodError';
