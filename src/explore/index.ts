export { ExploreView, type ExploreViewProps } from './ExploreView';
