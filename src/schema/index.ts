export { fieldPath, formatZodError } from './formatZodError';
export { z } from './zod';
