// The renderers the render bench compares; shared by the page and the Node side (which must not load the page's modules).
export const RENDERER_NAMES = ['uplot', 'echarts', 'vigil-chart', 'vigil-panel'] as const;
export type RendererName = (typeof RENDERER_NAMES)[number];
