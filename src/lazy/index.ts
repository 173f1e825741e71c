export { lazyNamed } from './lazyNamed';
export { PartLoading } from './PartLoading';
